package dev.thinkbench.ui.welcome;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.ollama.OllamaEngine;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The first-launch welcome, code-built with AtlantaFX styles: where the reasoning model can run (the bundled micro
 * model, a downloaded built-in model, Ollama, an OpenAI-compatible server, a hosted API) with one button per choice,
 * and "Skip for now" beside the title. A self-contained node: the app places it (e.g. over the workbench) and reacts
 * through the {@link WelcomeViewModel}'s callbacks. Build and use on the FX thread.
 */
public final class WelcomeView extends StackPane {

    private static final double CONTENT_WIDTH = 760;

    private final WelcomeViewModel vm;

    public WelcomeView(WelcomeViewModel viewModel) {
        this.vm = viewModel;
        setId("welcomeView");
        getStyleClass().add("welcome-view");
        Label title = new Label(Messages.get("welcome.title"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label intro = new Label(Messages.get("welcome.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        // at the top, so it is in sight however small the window (Esc does the same where the app wires it)
        Button skip = button(Messages.get("welcome.skip"), "dismissButton", vm::dismiss, Styles.FLAT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, grow, skip);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, header, intro, builtIn(), new Separator(), download(), new Separator(), ollama(),
                new Separator(), openAiCompatible(), new Separator(), hosted());
        content.setPadding(new Insets(26, 32, 28, 32));
        content.setMaxWidth(CONTENT_WIDTH);
        StackPane centred = new StackPane(content);
        centred.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        // asks for the whole content's height, so a card around it is as tall as the choices; a short window scrolls
        scroll.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> content.prefHeight(CONTENT_WIDTH), content.layoutBoundsProperty()));
        getChildren().add(scroll);
    }

    public WelcomeViewModel viewModel() {
        return vm;
    }

    private HBox builtIn() {
        Button use = button(Messages.get("welcome.builtIn.use"), "useBuiltInButton", vm::useBuiltIn, Styles.ACCENT);
        use.disableProperty().bind(vm.builtInReadyProperty().not());
        Label detail = note("builtInDetail");
        detail.textProperty().bind(vm.builtInDetailProperty());
        return choice(Messages.get("welcome.builtIn.title"), Messages.get("welcome.builtIn.text"), detail,
                use);
    }

    private HBox download() {
        return choice(Messages.get("welcome.download.title"), Messages.get("welcome.download.text"), null,
                button(Messages.get("welcome.download.use"), "openModelManagerButton", vm::openModelManager,
                        Styles.BUTTON_OUTLINED));
    }

    private HBox ollama() {
        return choice("Ollama", Messages.get("welcome.ollama.text", OllamaEngine.DEFAULT_BASE_URL), null,
                button(Messages.get("welcome.ollama.use"), "useOllamaButton", vm::useOllama, Styles.BUTTON_OUTLINED));
    }

    private HBox openAiCompatible() {
        return choice(Messages.get("welcome.openAi.title"),
                Messages.get("welcome.openAi.text", OpenAiCompatEngine.DEFAULT_BASE_URL), null,
                button(Messages.get("welcome.openAi.use"), "useOpenAiCompatibleButton", vm::useOpenAiCompatible,
                        Styles.BUTTON_OUTLINED));
    }

    private HBox hosted() {
        String names = vm.hostedApis().stream().map(HostedApi::name).collect(Collectors.joining(", "));
        Label status = note("hostedStatus");
        status.textProperty().bind(vm.hostedStatusProperty());
        return choice(names.isEmpty() ? Messages.get("welcome.hosted.title")
                        : Messages.get("welcome.hosted.titleNamed", names), Messages.get("welcome.hosted.text"), status,
                button(names.isEmpty() ? Messages.get("welcome.hosted.use")
                                : Messages.get("welcome.hosted.useNamed", names), "useHostedButton", vm::useHosted,
                        Styles.BUTTON_OUTLINED));
    }

    /** One choice: title, description and an optional note on the left, its button on the right. */
    private static HBox choice(String title, String description, Label note, Button action) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_BOLD);
        Label text = new Label(description);
        text.setWrapText(true);
        VBox words = new VBox(4, heading, text);
        if (note != null) {
            words.getChildren().add(note);
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(16, words, action);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("welcome-choice");
        return row;
    }

    private static Label note(String id) {
        Label note = new Label();
        note.setId(id);
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return note;
    }

    private static Button button(String text, String id, Runnable action, String... styles) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll(styles);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }
}
