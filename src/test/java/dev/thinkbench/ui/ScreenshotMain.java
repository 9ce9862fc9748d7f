package dev.thinkbench.ui;

import dev.thinkbench.app.WorkbenchFactory;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.settings.Settings;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders the workbench after a run, light and dark, to PNGs (headless under Monocle, or in a real window under
 * Xvfb). Usage: {@code ScreenshotMain OUT_DIR}. A development tool, not a test.
 */
public final class ScreenshotMain {

    private ScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        ScriptedTestEngine engine = new ScriptedTestEngine("ollama", spec -> DemoScripts.forBudget(spec).paced(400),
                List.of(new ModelInfo("deepseek-r1:8b", ""), new ModelInfo("qwen3:8b", "")));
        WorkbenchServices services = WorkbenchFixture.services("ollama", "Ollama", engine);
        CompletableFuture<WorkbenchView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            WorkbenchView view = WorkbenchFactory.create(services, new FxBackgroundTasks(), Settings.defaults());
            Stage stage = new Stage();
            stage.setScene(view.createScene(1440, 900));
            stage.show();
            var prompt = view.viewModel().compare().prompt();
            prompt.sampleProperty().set(prompt.samples().stream()
                    .filter(s -> s.id().equals("train-word-problem")).findFirst().orElseThrow());
            shown.complete(view);
        });
        WorkbenchView view = shown.get(10, TimeUnit.SECONDS);
        Thread.sleep(1000);
        Platform.runLater(() -> view.viewModel().compare().run());
        Thread.sleep(Long.getLong("shot.delay", 1500));
        snap(view, out.resolve("workbench-light.png"));
        Platform.runLater(() -> view.viewModel().toggleTheme());
        Thread.sleep(Long.getLong("shot.delay2", 3000));
        snap(view, out.resolve("workbench-dark.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void snap(WorkbenchView view, Path file) throws Exception {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = view.getScene();
            image.complete(scene.snapshot(null));
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(10, TimeUnit.SECONDS), null), "png", new File(file.toString()));
        System.out.println("wrote " + file);
    }
}
