package dev.thinkbench.ui.text;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The find bar of a {@link StreamingTextArea}: a query field that searches as it is typed, "3 of 12", previous and
 * next, close. Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc closes. UI thread only.
 */
final class FindBar extends HBox {

    private final StreamingTextArea area;
    private final TextField query = new TextField();
    private final Label count = new Label();

    FindBar(StreamingTextArea area, Runnable onClose) {
        this.area = area;
        getStyleClass().add("find-bar");
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        query.setPromptText(Messages.get("find.placeholder"));
        query.setPrefColumnCount(14);
        query.getStyleClass().addAll(Styles.SMALL, "find-query");
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "find-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button previous = Icons.button(null, Feather.CHEVRON_UP, Messages.get("find.previous.help"),
                Styles.BUTTON_ICON,
                Styles.FLAT, Styles.SMALL);
        Button next = Icons.button(null, Feather.CHEVRON_DOWN, Messages.get("find.next.help"), Styles.BUTTON_ICON,
                Styles.FLAT,
                Styles.SMALL);
        Button close = Icons.button(null, Feather.X, Messages.get("find.close.help"), Styles.BUTTON_ICON, Styles.FLAT,
                Styles.SMALL);
        previous.setOnAction(e -> area.findPrevious());
        next.setOnAction(e -> area.findNext());
        close.setOnAction(e -> onClose.run());
        query.textProperty().addListener((obs, old, now) -> area.find(now));
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean forward = e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3;
            if (forward && e.isShiftDown()) {
                area.findPrevious();
            } else if (forward) {
                area.findNext();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onClose.run();
            } else {
                return;
            }
            e.consume();
        });
        getChildren().addAll(query, count, previous, next, close);
        showCount();
    }

    void focusQuery() {
        query.requestFocus();
        query.selectAll();
        if (!query.getText().isEmpty()) {
            area.find(query.getText());
        }
    }

    /** Shows how many matches there are and which is current; called whenever that changes. */
    void showCount() {
        int n = area.matchCount();
        count.setText(query.getText().isEmpty() ? "" : n == 0 ? Messages.get("find.none")
                : Messages.get("find.count", area.currentMatch() + 1, n));
        query.pseudoClassStateChanged(Styles.STATE_DANGER, !query.getText().isEmpty() && n == 0);
    }
}
