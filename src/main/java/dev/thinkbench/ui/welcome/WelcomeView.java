package dev.thinkbench.ui.welcome;

import atlantafx.base.theme.Styles;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.ollama.OllamaEngine;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The first-launch welcome, code-built with AtlantaFX styles: where the reasoning model can run (the bundled micro
 * model, a downloaded built-in model, Ollama, an OpenAI-compatible server, a hosted API) with one button per choice,
 * and "Skip for now". A self-contained node: the app places it (e.g. over the workbench) and reacts through the
 * {@link WelcomeViewModel}'s callbacks. Build and use on the FX thread.
 */
public final class WelcomeView extends StackPane {

    private static final double CONTENT_WIDTH = 760;

    private final WelcomeViewModel vm;

    public WelcomeView(WelcomeViewModel viewModel) {
        this.vm = viewModel;
        setId("welcomeView");
        getStyleClass().add("welcome-view");
        Label title = new Label("Welcome to Thinkbench");
        title.getStyleClass().add(Styles.TITLE_1);
        Label intro = new Label("Thinkbench runs one prompt at several thinking budgets side by side. First pick "
                + "where the reasoning model runs; you can switch at any time from the engine bar.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        Button skip = button("Skip for now", "dismissButton", vm::dismiss, Styles.FLAT);
        HBox footer = new HBox(skip);
        footer.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(12, title, intro, builtIn(), new Separator(), download(), new Separator(), ollama(),
                new Separator(), openAiCompatible(), new Separator(), hosted(), footer);
        content.setPadding(new Insets(32));
        content.setMaxWidth(CONTENT_WIDTH);
        StackPane centred = new StackPane(content);
        centred.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        getChildren().add(scroll);
    }

    public WelcomeViewModel viewModel() {
        return vm;
    }

    private HBox builtIn() {
        Button use = button("Use built-in", "useBuiltInButton", vm::useBuiltIn, Styles.ACCENT);
        use.disableProperty().bind(vm.builtInReadyProperty().not());
        Label detail = note("builtInDetail");
        detail.textProperty().bind(vm.builtInDetailProperty());
        return choice("Built-in micro model \u00b7 ready now, offline",
                "A tiny reasoning model that ships with Thinkbench and runs on this computer's CPU: no download, "
                        + "no server, no key. Small enough to watch budgets and forcing at work, too small for "
                        + "hard problems.", detail, use);
    }

    private HBox download() {
        return choice("Download a built-in model",
                "Real reasoning on the CPU, still with no server: DeepSeek-R1-Distill-Qwen-1.5B in 4 bits is about "
                        + "1.1 GB. The model manager downloads it (pause and resume), opens any GGUF file, and finds "
                        + "the models Ollama or LM Studio already have.", null,
                button("Open model manager", "openModelManagerButton", vm::openModelManager, Styles.BUTTON_OUTLINED));
    }

    private HBox ollama() {
        return choice("Ollama",
                "Use the models of an Ollama running on this machine (" + OllamaEngine.DEFAULT_BASE_URL + "), "
                        + "e.g. after ollama pull deepseek-r1:1.5b.", null,
                button("Use Ollama", "useOllamaButton", vm::useOllama, Styles.BUTTON_OUTLINED));
    }

    private HBox openAiCompatible() {
        return choice("An OpenAI-compatible server",
                "llama.cpp server, vLLM or LM Studio: give its base URL (e.g. " + OpenAiCompatEngine.DEFAULT_BASE_URL
                        + "). A llama.cpp server or vLLM also allows true budget forcing.", null,
                button("Use OpenAI-compatible", "useOpenAiCompatibleButton", vm::useOpenAiCompatible,
                        Styles.BUTTON_OUTLINED));
    }

    private HBox hosted() {
        String names = vm.hostedApis().stream().map(HostedApi::name).collect(Collectors.joining(", "));
        Label status = note("hostedStatus");
        status.textProperty().bind(vm.hostedStatusProperty());
        return choice("Hosted APIs" + (names.isEmpty() ? "" : " (" + names + ")"),
                "Pay-per-token models in the cloud. Keys are read from environment variables only; Thinkbench "
                        + "never asks for, saves or shows them.", status,
                button("Use " + (names.isEmpty() ? "a hosted API" : names), "useHostedButton", vm::useHosted,
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
