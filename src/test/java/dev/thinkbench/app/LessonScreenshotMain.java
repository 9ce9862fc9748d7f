package dev.thinkbench.app;

import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.stepper.StepperViewModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Renders the lesson work to PNGs on the real app (the repository's assets, the bundled micro model, the built-in
 * engine): verdicts with a priced-as estimate, a lesson in English and Korean, the Stepper after a Wait, best-of-N with
 * its tally, the token confidence view, a new problem, a refused server's check, and the help card. Usage:
 * {@code LessonScreenshotMain OUT_DIR [WIDTH HEIGHT [LANGUAGE]]}, under Xvfb; settings go to a temporary folder; in
 * Korean ({@code ko}) only the verdicts, the confidence view, the Stepper after a Wait, the language menu, the help
 * card, best-of-N, the Models tab, the session menu with its exports and the welcome are taken. A development tool, not a
 * test.
 */
public final class LessonScreenshotMain {

    private LessonScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        int width = args.length > 2 ? Integer.parseInt(args[1]) : 1440;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 900;
        Files.createDirectories(out);
        boolean korean = args.length > 3 && args[3].equals("ko");
        Messages.setLocale(korean ? Locale.KOREAN : Locale.ENGLISH);
        String suffix = korean ? "-ko" : "";
        Path tmp = Files.createTempDirectory("thinkbench-shots");
        AppContext context = AppContext.create(Path.of("assets").toAbsolutePath(), tmp.resolve("config"),
                tmp.resolve("data"));
        context.settings().update(s -> s.withWelcomeSeen());
        FxBackgroundTasks tasks = new FxBackgroundTasks();
        Platform.startup(() -> { });
        MainWindow window = call(() -> {
            MainWindow w = MainWindow.create(context, tasks);
            Stage stage = new Stage();
            stage.setTitle("Thinkbench");
            stage.setScene(w.view().createScene(width, height));
            stage.show();
            return w;
        });
        var compare = window.view().viewModel().compare();
        await(() -> compare.canRunProperty().get(), 60);
        // the model loads when chosen; the first exercise starts once it is in
        await(() -> window.view().viewModel().connection().modelStatusProperty().get().state()
                == dev.thinkbench.ui.connection.ServerStatus.State.OK, 120);
        Thread.sleep(1000);

        lesson(window, 0);
        await(() -> !compare.runningProperty().get(), 60);
        Thread.sleep(1200);
        snap(window, out.resolve("lesson-verdicts" + suffix + ".png"));

        lesson(window, 4);
        Thread.sleep(1500);
        await(() -> !compare.runningProperty().get(), 90);
        Thread.sleep(1200);
        snap(window, out.resolve("lesson-confidence" + suffix + ".png"));
        if (korean) {
            stepperWait(window);
            snap(window, out.resolve("lesson-stepper-wait" + suffix + ".png"));
            var display = (javafx.scene.control.MenuButton) window.view().getScene().lookup("#presenterMenu");
            run(display::show);
            Thread.sleep(500);
            run(() -> display.getItems().stream().filter(i -> "languageMenu".equals(i.getId())).findFirst()
                    .map(javafx.scene.control.Menu.class::cast).orElseThrow().show());
            Thread.sleep(800);
            snapScreen(window, out.resolve("language-menu" + suffix + ".png"));
            run(display::hide);
            run(window::showHelp);
            Thread.sleep(1000);
            snap(window, out.resolve("help" + suffix + ".png"));
            koreanExtras(window, out, suffix);
            exit(context);
        }

        run(() -> {
            compare.prompt().newProblem(4, 7);
            compare.restoreColumns(java.util.List.of("8 tokens=force:min=0,max=8,waits=0",
                    "24 tokens=force:min=0,max=24,waits=0", "96 tokens=force:min=0,max=96,waits=0"));
            compare.confidenceShownProperty().set(false);
            window.view().selectTab(MainWindow.COMPARE);
            compare.run();
        });
        Thread.sleep(1500);
        await(() -> !compare.runningProperty().get(), 60);
        Thread.sleep(1200);
        snap(window, out.resolve("lesson-new-problem.png"));

        run(() -> {
            window.view().selectTab(MainWindow.LESSONS);
            var vm = window.lessons().viewModel();
            vm.selectedProperty().set(vm.lessons().get(0));
        });
        Thread.sleep(800);
        snap(window, out.resolve("lesson-text.png"));
        run(() -> window.lessons().viewModel().languageProperty().set("ko"));
        Thread.sleep(800);
        snap(window, out.resolve("lesson-text-ko.png"));
        run(() -> window.lessons().viewModel().languageProperty().set("en"));

        stepperWait(window);
        snap(window, out.resolve("lesson-stepper-wait.png"));

        lesson(window, 3);
        Thread.sleep(1500);
        await(() -> !compare.runningProperty().get(), 60);
        Thread.sleep(1200);
        snap(window, out.resolve("lesson-best-of-n.png"));

        // a server engine is checked when chosen: nothing listens on port 9 here
        run(() -> {
            window.view().selectTab(MainWindow.COMPARE);
            window.view().viewModel().connection().use("ollama", "http://127.0.0.1:9", null, null);
        });
        await(() -> window.view().viewModel().connection().statusProperty().get().state()
                == dev.thinkbench.ui.connection.ServerStatus.State.PROBLEM, 30);
        Thread.sleep(500);
        run(() -> ((javafx.scene.control.Button) window.view().getScene().lookup("#serverStatus")).fire());
        Thread.sleep(800);
        snapScreen(window, out.resolve("server-check.png"));
        run(() -> window.view().viewModel().connection().use("builtin", null, null, "micro-reasoner.gguf"));
        Thread.sleep(500);

        run(window::showHelp);
        Thread.sleep(1000);
        snap(window, out.resolve("help.png"));
        exit(context);
    }

    /** In Korean, also the views moved to the bundles later: best-of-N, the Models tab, the session menu, welcome. */
    private static void koreanExtras(MainWindow window, Path out, String suffix) throws Exception {
        run(() -> window.view().closeOverlay());
        lesson(window, 3);
        Thread.sleep(1500);
        await(() -> !window.view().viewModel().compare().runningProperty().get(), 60);
        Thread.sleep(1200);
        snap(window, out.resolve("lesson-best-of-n" + suffix + ".png"));
        run(() -> window.view().selectTab(MainWindow.MODELS));
        Thread.sleep(800);
        snap(window, out.resolve("models" + suffix + ".png"));
        run(() -> window.view().selectTab(MainWindow.COMPARE));
        var session = (javafx.scene.control.MenuButton) window.view().getScene().lookup("#sessionMenu");
        run(session::show);
        Thread.sleep(500);
        run(() -> session.getItems().stream().filter(javafx.scene.control.Menu.class::isInstance)
                .map(javafx.scene.control.Menu.class::cast).reduce((first, last) -> last).orElseThrow().show());
        Thread.sleep(800);
        snapScreen(window, out.resolve("session-menu" + suffix + ".png"));
        run(session::hide);
        run(window::showWelcome);
        Thread.sleep(1000);
        snap(window, out.resolve("welcome" + suffix + ".png"));
    }

    /** The forcing lesson in the Stepper: fork and force an answer, then a Wait on the first branch. */
    private static void stepperWait(MainWindow window) throws Exception {
        lesson(window, 2);
        StepperViewModel stepper = window.stepperTab().viewModel().stepper();
        await(() -> stepper.stateProperty().get() == StepperState.PAUSED, 60);
        run(stepper::fork);
        await(() -> stepper.stateProperty().get() == StepperState.PAUSED, 30);
        run(stepper::forceAnswer);
        await(() -> stepper.stateProperty().get() == StepperState.DONE, 30);
        run(() -> stepper.selectBranch(1));
        await(() -> stepper.stateProperty().get() == StepperState.PAUSED, 30);
        run(stepper::waitMore);
        Thread.sleep(500);
        await(() -> stepper.stateProperty().get() == StepperState.PAUSED, 30);
        run(stepper::forceAnswer);
        await(() -> stepper.stateProperty().get() == StepperState.DONE, 30);
        Thread.sleep(1000);
    }

    private static void exit(AppContext context) {
        Platform.exit();
        context.builtin().close();
        System.exit(0);
    }

    private static void lesson(MainWindow window, int index) throws Exception {
        run(() -> {
            window.view().selectTab(MainWindow.LESSONS);
            var vm = window.lessons().viewModel();
            vm.selectedProperty().set(vm.lessons().get(index));
            vm.startExercise();
            // the Compare runs of the lesson before are in no file: the "save first?" card asks; start without saving
            if (window.view().getScene().lookup("#unsavedAnyway") instanceof javafx.scene.control.Button anyway) {
                anyway.fire();
            }
        });
    }

    private static void await(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T call(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    /** From the screen, so that popups (the check's whole message) are in the picture. */
    private static void snapScreen(MainWindow window, Path file) throws Exception {
        WritableImage image = call(() -> {
            javafx.stage.Window w = window.view().getScene().getWindow();
            Scene scene = window.view().getScene();
            return new javafx.scene.robot.Robot().getScreenCapture(null, w.getX() + scene.getX(),
                    w.getY() + scene.getY(), scene.getWidth(), scene.getHeight());
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        System.out.println("wrote " + file);
    }

    private static void snap(MainWindow window, Path file) throws Exception {
        WritableImage image = call(() -> {
            Scene scene = window.view().getScene();
            return scene.snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        System.out.println("wrote " + file);
    }
}
