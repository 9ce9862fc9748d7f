package dev.thinkbench.ui;

import dev.thinkbench.app.WorkbenchFactory;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.ScriptedReply;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders the workbench, light and dark, to PNGs while it runs the "two trains" sample against a loopback
 * OpenAI-compatible server through the real adapter (the larger the effort, the longer the scripted thinking).
 * Usage: {@code ScreenshotMain OUT_DIR}; under Xvfb it uses a real window, without a display Monocle. A development
 * tool, not a test.
 */
public final class ScreenshotMain {

    private static final String MODEL = "deepseek-r1-distill-qwen-7b";

    private ScreenshotMain() {
    }

    private static ScriptedReply reply(String effort) {
        int repeats = switch (effort) {
            case "low" -> 1;
            case "medium" -> 3;
            default -> 6;
        };
        List<String> thinking = DemoScripts.tokens(DemoScripts.THOUGHT.repeat(repeats));
        String answer = effort.equals("low") ? "They meet at about 11:20, roughly 190 km from City A."
                : "They meet at 11:30, 200.0 km from City A.\n\nThe first train's 40 km head start leaves 360 km, "
                + "closed at 180 km/h in 2 hours.";
        List<String> answerTokens = DemoScripts.tokens(answer);
        return OpenAiChatScript.of(MODEL).every(Duration.ofMillis(4))
                .reasoning(thinking.toArray(String[]::new))
                .content(answerTokens.toArray(String[]::new)).finish("stop")
                .usage(71, thinking.size() + answerTokens.size(), thinking.size()).done();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        OpenAiChatTestServer server = OpenAiChatTestServer.start().models(MODEL, "qwq-32b", "qwen3-8b");
        boolean errors = "errors".equals(System.getProperty("shot.scenario"));
        server.respond(request -> {
            String effort = request.json().path("reasoning_effort").asText("none");
            return errors && effort.equals("medium")
                    ? OpenAiChatScript.of(MODEL).every(Duration.ofMillis(4))
                            .reasoning(DemoScripts.tokens(DemoScripts.THOUGHT).toArray(String[]::new)).abort()
                    : reply(effort);
        });
        BudgetPresets presets;
        try (InputStream in = Files.newInputStream(Path.of("assets/budget-presets.json"))) {
            presets = BudgetPresets.read(in);
        }
        EngineRegistry registry = new EngineRegistry()
                .register(new EngineRegistry.Entry(OpenAiCompatEngine.ID,
                        "OpenAI-compatible (llama.cpp server, vLLM, LM Studio, DeepSeek)", server.baseUrl().toString(),
                        OpenAiCompatEngine::new))
                .register(new EngineRegistry.Entry(OllamaEngine.ID, "Ollama", OllamaEngine.DEFAULT_BASE_URL,
                        OllamaEngine::new));
        Platform.startup(() -> { });
        CompletableFuture<WorkbenchView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            WorkbenchView view = WorkbenchFactory.create(WorkbenchFixture.services(registry, presets),
                    new FxBackgroundTasks(), Settings.defaults());
            Stage stage = new Stage();
            stage.setTitle("Thinkbench");
            stage.setScene(view.createScene(1440, 900));
            stage.show();
            var prompt = view.viewModel().compare().prompt();
            prompt.sampleProperty().set(prompt.samples().stream()
                    .filter(s -> s.id().equals("train-word-problem")).findFirst().orElseThrow());
            if (errors) {
                view.viewModel().compare().addColumn().budgetTextProperty().set("force:min=0,max=256,waits=1");
            }
            shown.complete(view);
        });
        WorkbenchView view = shown.get(20, TimeUnit.SECONDS);
        Thread.sleep(1500);
        Platform.runLater(() -> view.viewModel().compare().run());
        Thread.sleep(Long.getLong("shot.delay", 2500));
        if (errors) {
            Thread.sleep(4000);
            snap(view, out.resolve("workbench-errors.png"));
        } else {
            snap(view, out.resolve("workbench-light.png"));
            Platform.runLater(() -> view.viewModel().toggleTheme());
            Thread.sleep(Long.getLong("shot.delay2", 6000));
            snap(view, out.resolve("workbench-dark.png"));
        }
        server.close();
        Platform.exit();
        System.exit(0);
    }

    private static void snap(WorkbenchView view, Path file) throws Exception {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(view.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(10, TimeUnit.SECONDS), null), "png",
                new File(file.toString()));
        System.out.println("wrote " + file);
    }
}
