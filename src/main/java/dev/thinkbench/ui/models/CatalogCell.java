package dev.thinkbench.ui.models;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.models.CatalogModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
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
 * (run it on the built-in engine) once installed; Cancel beside Pause while it downloads, Delete once it is paused or
 * installed.
 */
final class CatalogCell extends ListCell<CatalogEntry> {

    private final ModelManagerViewModel vm;
    private final Label title = new Label();
    private final Label notes = new Label();
    private final Label detail = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button action = new Button();
    private final Button delete = new Button(Messages.get("models.delete"));
    private final Button cancel = new Button(Messages.get("models.download.cancel"));
    private final HBox box;
    private final ChangeListener<CatalogEntry.State> stateStyle = (obs, old, now) -> styleFor(now);
    private CatalogEntry shown;

    CatalogCell(ModelManagerViewModel vm) {
        this.vm = vm;
        title.getStyleClass().addAll("model-title", Styles.TEXT_BOLD);
        notes.setWrapText(true);
        notes.getStyleClass().add(Styles.TEXT_MUTED);
        detail.getStyleClass().addAll("model-detail", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        action.getStyleClass().add("download-button");
        delete.getStyleClass().addAll("delete-button", Styles.FLAT, Styles.DANGER);
        bar.setPrefWidth(220);
        bar.managedProperty().bind(bar.visibleProperty());
        delete.managedProperty().bind(delete.visibleProperty());
        cancel.getStyleClass().addAll("cancel-button", Styles.FLAT);
        cancel.setTooltip(Icons.tip(Messages.get("models.download.cancel.help")));
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox progress = new HBox(8, bar, detail);
        progress.setAlignment(Pos.CENTER_LEFT);
        VBox words = new VBox(3, title, notes, progress);
        words.setMinWidth(0);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox buttons = new HBox(6, delete, cancel, action);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        box = new HBox(16, words, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 4, 4, 2));
        // the cell's width, not the text's, decides where notes wrap
        box.setPrefWidth(0);
    }

    /**
     * As tall as the row's words at the cell's width: a cell sizes its graphic at the graphic's own width, where a
     * long note (gpt-oss's) is one line, and the note was cut at "Checksum verified ...".
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() != box || width <= 0) {
            return super.computePrefHeight(width);
        }
        Insets in = getInsets();
        return in.getTop() + box.prefHeight(width - in.getLeft() - in.getRight()) + in.getBottom();
    }

    @Override
    protected void updateItem(CatalogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (shown != null) {
            shown.stateProperty().removeListener(stateStyle);
            shown = null;
        }
        bar.progressProperty().unbind();
        bar.visibleProperty().unbind();
        detail.textProperty().unbind();
        action.textProperty().unbind();
        delete.visibleProperty().unbind();
        cancel.visibleProperty().unbind();
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        CatalogModel m = entry.model();
        String line = m.name() + " \u00b7 " + m.quantization() + " \u00b7 " + GgufModelInfo.humanBytes(m.sizeBytes());
        title.setText(m.recommended() ? Messages.get("models.recommended", line) : line);
        String words = m.notesIn(Messages.locale().getLanguage());
        notes.setText(m.sha256() == null ? words : Messages.get("models.checksumNote", words));
        bar.progressProperty().bind(entry.progressProperty());
        bar.visibleProperty().bind(entry.stateProperty().isEqualTo(CatalogEntry.State.DOWNLOADING)
                .or(entry.stateProperty().isEqualTo(CatalogEntry.State.PAUSED)));
        shown = entry;
        entry.stateProperty().addListener(stateStyle);
        styleFor(entry.stateProperty().get());
        detail.textProperty().bind(entry.detailProperty());
        action.textProperty().bind(Bindings.createStringBinding(() -> switch (entry.stateProperty().get()) {
            case AVAILABLE, FAILED -> Messages.get("models.download.start");
            case DOWNLOADING -> Messages.get("models.download.pause");
            case PAUSED -> Messages.get("models.download.resume");
            case INSTALLED -> Messages.get("models.download.use");
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
        cancel.visibleProperty().bind(entry.stateProperty().isEqualTo(CatalogEntry.State.DOWNLOADING));
        delete.setOnAction(e -> vm.delete(entry));
        cancel.setOnAction(e -> vm.cancel(entry));
        setGraphic(box);
    }

    /** An installed model's "Use" is the step the user came for, so it stands out. */
    private void styleFor(CatalogEntry.State state) {
        action.getStyleClass().remove(Styles.ACCENT);
        if (state == CatalogEntry.State.INSTALLED) {
            action.getStyleClass().add(Styles.ACCENT);
        }
    }
}
