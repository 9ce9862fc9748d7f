package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.models.CatalogModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One catalog model in the list: name, size and notes, its download progress, and Download / Pause / Resume, then Use
 * (run it on the built-in engine) once installed, and Delete.
 */
final class CatalogCell extends ListCell<CatalogEntry> {

    private final ModelManagerViewModel vm;
    private final Label title = new Label();
    private final Label notes = new Label();
    private final Label detail = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button action = new Button();
    private final Button delete = new Button("Delete");
    private final VBox box;

    CatalogCell(ModelManagerViewModel vm) {
        this.vm = vm;
        title.getStyleClass().add("model-title");
        notes.setWrapText(true);
        detail.getStyleClass().add("model-detail");
        action.getStyleClass().add("download-button");
        delete.getStyleClass().add("delete-button");
        bar.setPrefWidth(220);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox controls = new HBox(8, bar, detail, grow, action, delete);
        controls.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(4, title, notes, controls);
    }

    @Override
    protected void updateItem(CatalogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        bar.progressProperty().unbind();
        detail.textProperty().unbind();
        action.textProperty().unbind();
        delete.visibleProperty().unbind();
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        CatalogModel m = entry.model();
        title.setText(m.name() + " \u00b7 " + m.quantization() + " \u00b7 " + GgufModelInfo.humanBytes(m.sizeBytes())
                + (m.recommended() ? "  (recommended)" : ""));
        notes.setText(m.notes() + (m.sha256() == null ? "" : " Checksum verified after download."));
        bar.progressProperty().bind(entry.progressProperty());
        detail.textProperty().bind(entry.detailProperty());
        action.textProperty().bind(Bindings.createStringBinding(() -> switch (entry.stateProperty().get()) {
            case AVAILABLE, FAILED -> "Download";
            case DOWNLOADING -> "Pause";
            case PAUSED -> "Resume";
            case INSTALLED -> "Use";
        }, entry.stateProperty()));
        delete.visibleProperty().bind(entry.stateProperty().isEqualTo(CatalogEntry.State.INSTALLED)
                .or(entry.stateProperty().isEqualTo(CatalogEntry.State.PAUSED)));
        action.setOnAction(e -> {
            if (entry.stateProperty().get() == CatalogEntry.State.DOWNLOADING) {
                vm.pause(entry);
            } else if (entry.stateProperty().get() == CatalogEntry.State.INSTALLED) {
                vm.useInstalled(entry);
            } else {
                vm.download(entry);
            }
        });
        delete.setOnAction(e -> vm.delete(entry));
        setGraphic(box);
    }
}
