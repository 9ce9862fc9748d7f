package dev.thinkbench.app;

import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.experiments.ExperimentsViewModel;
import dev.thinkbench.ui.experiments.Phase;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Benchmark harness (test code, run by hand under a display: {@code xvfb-run -a java ... BuiltinSweepFramesMain
 * [problems] [rounds]}): the whole window, with the built-in engine and the bundled micro model, runs a sweep of the
 * micro model's held-out problems at the three presets, concurrency 8, in the Experiments tab, and prints the frame
 * (pulse) intervals p50 / p99 / max and the share over 17.5 ms (a pulse late by more than its jitter) while the
 * results stream, with the engine host at the CPU priority {@code -Dthinkbench.engine.nice} gives it. Unlike the
 * frame benchmark's scripted sweep, the decoding here is the engine's own, in its own process, on the same cores as
 * the window. Nothing is asserted.
 */
public final class BuiltinSweepFramesMain {

    private BuiltinSweepFramesMain() {
    }

    public static void main(String[] args) throws Exception {
        int problems = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Messages.setLocale(Locale.ENGLISH);
        Path tmp = Files.createTempDirectory("thinkbench-sweep-frames");
        AppContext context = AppContext.create(Path.of("assets").toAbsolutePath(), tmp.resolve("config"),
                tmp.resolve("data"));
        context.settings().update(s -> s.withWelcomeSeen());
        FxBackgroundTasks tasks = new FxBackgroundTasks();
        Platform.startup(() -> { });
        long[] pulses = new long[200_000];
        int[] count = {0};
        boolean[] recording = {false};
        MainWindow window = call(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (recording[0] && count[0] < pulses.length) {
                        pulses[count[0]++] = System.nanoTime();
                    }
                }
            }.start();
            MainWindow w = MainWindow.create(context, tasks);
            Stage stage = new Stage();
            stage.setTitle("Thinkbench");
            stage.setScene(w.view().createScene(1280, 720));
            stage.show();
            return w;
        });
        await(() -> window.view().viewModel().connection().modelStatusProperty().get().state()
                == dev.thinkbench.ui.connection.ServerStatus.State.OK, 120);
        run(() -> window.view().selectTab(MainWindow.EXPERIMENTS));
        ExperimentsViewModel vm = window.experiments().viewModel();
        System.out.printf(Locale.ROOT, "engine host nice %d; %d CPUs; %d problems x 3 presets, concurrency 8%n",
                LocalEngineProcess.defaultCommand().getFirst().endsWith("nice")
                        ? Integer.parseInt(LocalEngineProcess.defaultCommand().get(2)) : 0, Runtime.getRuntime().availableProcessors(),
                problems);
        for (int round = 1; round <= rounds; round++) {
            run(() -> {
                vm.setup().limitProperty().set(Integer.toString(problems));
                vm.setup().concurrencyProperty().set(8);
            });
            await(() -> vm.canStartProperty().get(), 60);
            Thread.sleep(500);
            count[0] = 0;
            recording[0] = true;
            long started = System.nanoTime();
            run(vm::start);
            await(() -> vm.phaseProperty().get() == Phase.ENDED, 600);
            recording[0] = false;
            long[] intervals = new long[Math.max(0, count[0] - 1)];
            for (int i = 1; i < count[0]; i++) {
                intervals[i - 1] = pulses[i] - pulses[i - 1];
            }
            Arrays.sort(intervals);
            long over = Arrays.stream(intervals).filter(v -> v > 17_500_000L).count();
            System.out.printf(Locale.ROOT, "round %d: %.1f s, %d frames, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "%.1f%% over 17.5 ms; %s%n", round, (System.nanoTime() - started) / 1e9,
                    intervals.length, ms(intervals, 50), ms(intervals, 99), intervals.length == 0 ? 0
                            : intervals[intervals.length - 1] / 1e6, 100.0 * over / Math.max(1, intervals.length),
                    call(() -> vm.progressTextProperty().get()));
        }
        run(window::close);
        Platform.exit();
        System.exit(0);
    }

    private static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)] / 1e6;
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
}
