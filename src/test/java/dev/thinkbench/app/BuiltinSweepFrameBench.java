package dev.thinkbench.app;

import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.ui.FrameRecorder;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.experiments.ExperimentsViewModel;
import dev.thinkbench.ui.experiments.Phase;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frame benchmark (Maven profile {@code bench-ui}, {@code -Dbench.only=builtin-sweep}; not part of the tests): the
 * whole window at 1280x720 under Monocle, with the built-in engine and the bundled micro model, sweeps the micro
 * model's held-out problems ({@code bench.sweep.problems}, 200) at the three presets, concurrency 8, in the
 * Experiments tab, {@code bench.rounds} times (2), and prints the frame (pulse) intervals and where the long ones'
 * time went ({@link FrameRecorder}; {@code -Dbench.slowest=true} lists the 12 longest) while the results stream, with
 * the engine host at the priority it runs at ({@code -Dthinkbench.engine.nice}, 10 by default) and on the threads
 * {@code -Dbench.engine.threads} gives it (one per core by default). Unlike the scripted sweep of {@code WorkbenchFrameBench}, the
 * decoding here is the engine's own, in its own process, on the same cores as the window. Asserted: every run
 * finished; timings are printed, never asserted.
 */
@ExtendWith(ApplicationExtension.class)
class BuiltinSweepFrameBench {

    private static final int PROBLEMS = Integer.getInteger("bench.sweep.problems", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** The built-in engine's threads ({@code bench.engine.threads}); 0: the settings' default (one per core). */
    private static final int ENGINE_THREADS = Integer.getInteger("bench.engine.threads", 0);

    private MainWindow window;
    private AppContext context;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private final FrameRecorder frames = new FrameRecorder(200_000);

    @Start
    void start(Stage stage) throws IOException {
        Messages.setLocale(Locale.ENGLISH);
        Path tmp = Files.createTempDirectory("thinkbench-sweep-frames");
        context = AppContext.create(Path.of("assets").toAbsolutePath(), tmp.resolve("config"), tmp.resolve("data"));
        context.settings().update(s -> s.withWelcomeSeen());
        if (ENGINE_THREADS > 0) {
            context.settings().update(s -> s.withBuiltinEngine(ENGINE_THREADS, s.builtinContextSize()));
        }
        frames.install();
        window = MainWindow.create(context, tasks);
        stage.setScene(window.view().createScene(1280, 720));
        frames.attach(stage.getScene());
        stage.show();
    }

    @Stop
    void stop() throws IOException {
        window.close();
        tasks.shutdown();
        context.settings().close();
        context.builtin().close();
    }

    @Test
    void sweepTheMicroModelThroughTheWindowWithTheEnginesOwnDecoding() throws Exception {
        Assumptions.assumeTrue(System.getProperty("bench.only", "").contains("builtin-sweep"),
                "run with -Dbench.only=builtin-sweep");
        await(() -> window.view().viewModel().connection().modelStatusProperty().get().state()
                == dev.thinkbench.ui.connection.ServerStatus.State.OK, 120);
        WaitForAsyncUtils.asyncFx(() -> window.view().selectTab(MainWindow.EXPERIMENTS)).get();
        ExperimentsViewModel vm = window.experiments().viewModel();
        java.util.List<String> command = LocalEngineProcess.defaultCommand();
        System.out.printf(Locale.ROOT, "%nengine host %s; %d CPUs; %d problems x 3 presets, concurrency 8%n",
                command.getFirst().endsWith("nice") ? "at nice " + command.get(2) : "at the window's priority",
                Runtime.getRuntime().availableProcessors(), PROBLEMS);
        for (int round = 1; round <= ROUNDS; round++) {
            WaitForAsyncUtils.asyncFx(() -> {
                vm.setup().limitProperty().set(Integer.toString(PROBLEMS));
                vm.setup().concurrencyProperty().set(8);
            }).get();
            await(() -> vm.canStartProperty().get(), 60);
            Thread.sleep(500);
            frames.begin();
            long started = System.nanoTime();
            WaitForAsyncUtils.asyncFx(vm::start).get();
            await(() -> vm.phaseProperty().get() == Phase.ENDED, 600);
            frames.end();
            frames.print(String.format(Locale.ROOT, "round %d, %.1f s, %s", round,
                    (System.nanoTime() - started) / 1e9,
                    WaitForAsyncUtils.asyncFx(() -> vm.progressTextProperty().get()).get()));
            assertThat(WaitForAsyncUtils.asyncFx(() -> vm.results().records().size()).get())
                    .as("every run finished").isEqualTo(PROBLEMS * 3);
        }
    }

    private static void await(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
