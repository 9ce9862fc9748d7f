package dev.thinkbench.ui.help;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.KeyScrolling;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.markdown.MarkdownView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The help card (F1): how to read the workbench, as Markdown (budgets and each part of a forcing spec in words, what
 * each chart shows, what the marks mean), with a way to the welcome's "where the model runs" and a close button.
 * UI thread only.
 */
public final class HelpView extends VBox {

    private final MarkdownView text = new MarkdownView();
    private final ScrollPane scroll = new ScrollPane(text);

    /**
     * @param markdown the help text in the user's language
     * @param onWelcome opens the welcome (where the model runs), null for no such button
     * @param onClose closes the card
     */
    public HelpView(String markdown, Runnable onWelcome, Runnable onClose) {
        setId("helpView");
        getStyleClass().add("help-view");
        setSpacing(10);
        setPadding(new Insets(20, 22, 16, 22));
        setMaxWidth(860);
        text.setMarkdown(markdown);
        text.setId("helpText");
        // inside its scroll area as the lessons' text is (the headings touched its left edge, the tables its right)
        text.setPadding(new Insets(18, 24, 18, 24));
        scroll.setId("helpScroll");
        scroll.setFitToWidth(true);
        KeyScrolling.install(scroll);
        scroll.getStyleClass().add("lesson-scroll");
        scroll.setPrefViewportHeight(560);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button close = Icons.button(Messages.get("help.close"), Feather.X, null, Styles.ACCENT);
        close.setId("closeHelpButton");
        close.setOnAction(e -> onClose.run());
        close.setDefaultButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        if (onWelcome != null) {
            Button welcome = Icons.button(Messages.get("help.welcome"), Feather.COMPASS,
                    Messages.get("help.welcome.help"), Styles.BUTTON_OUTLINED);
            welcome.setId("openWelcomeButton");
            welcome.setOnAction(e -> onWelcome.run());
            buttons.getChildren().add(welcome);
        }
        buttons.getChildren().addAll(spacer, close);
        getChildren().addAll(scroll, buttons);
    }

    /** Gives the focus to the text, so Page Down and the arrows scroll it at once. */
    @Override
    public void requestFocus() {
        scroll.requestFocus();
    }

    /** The help text shown, for tests. */
    public MarkdownView text() {
        return text;
    }
}
