package dev.thinkbench.ui.models;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.ui.common.Icons;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;

/**
 * A model on this machine: its name and summary (or why the engine cannot run it), with tags for where it came from
 * and whether the built-in engine runs it now.
 */
final class LocalModelCell extends ListCell<LocalModel> {

    private final ObservableValue<Path> inUse;

    LocalModelCell(ObservableValue<Path> inUse) {
        this.inUse = inUse;
        // the text stays for lookups and screen readers; the graphic lays it out with the tags
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(LocalModel m, boolean empty) {
        super.updateItem(m, empty);
        getStyleClass().removeAll("unusable", "in-use");
        if (empty || m == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        HBox tags = new HBox(6, tag(source(m.source()), Styles.ACCENT));
        String detail = m.usable() ? m.info().summary() : Messages.get("models.cannotRun", ModelProblemWords.say(m.problem()));
        setText(m.displayName() + "\n" + detail);
        if (!m.usable()) {
            getStyleClass().add("unusable");
        }
        Label name = new Label(m.displayName());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label more = new Label(detail);
        more.getStyleClass().addAll(Styles.TEXT_SMALL, m.usable() ? Styles.TEXT_MUTED : Styles.DANGER);
        HBox top = new HBox(10, name, tags);
        top.setAlignment(Pos.CENTER_LEFT);
        Path running = inUse.getValue();
        if (running != null && running.equals(m.path().toAbsolutePath().normalize())) {
            Label tag = tag(Messages.get("models.tag.inUse"), Styles.SUCCESS);
            tag.setGraphic(Icons.icon(Feather.CHECK));
            tags.getChildren().add(tag);
            getStyleClass().add("in-use");
        }
        setGraphic(new VBox(2, top, more));
    }

    private static String source(LocalModel.Source source) {
        return switch (source) {
            case BUNDLED -> Messages.get("models.source.bundled");
            case DOWNLOADED -> Messages.get("models.source.downloaded");
            case OLLAMA -> "Ollama";
            case LM_STUDIO -> "LM Studio";
            case OPENED -> Messages.get("models.source.opened");
        };
    }

    private static Label tag(String text, String kind) {
        Label l = new Label(text);
        l.getStyleClass().addAll("model-tag", kind);
        return l;
    }
}
