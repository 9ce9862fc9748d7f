package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting a sweep, without a toolkit, one background step at a time: its files are opened and its runner started on
 * the background task, and a window that closes meanwhile starts nothing, or cancels what just started.
 */
class SweepStartTest {

    @TempDir
    Path dir;

    private final AnswerTestEngine engine = new AnswerTestEngine("answers", ExperimentsViewTest::reply);
    private final SteppedTasks tasks = new SteppedTasks();

    /** Background work run when the test says: the work first, then, at a later step, its callback. */
    private static final class SteppedTasks implements BackgroundTasks {
        final Deque<Runnable> steps = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            steps.add(() -> {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    steps.addFirst(() -> onFailure.accept(e));
                    return;
                }
                steps.addFirst(() -> onSuccess.accept(value));
            });
        }

        void runAll() {
            while (!steps.isEmpty()) {
                steps.removeFirst().run();
            }
        }
    }

    private ExperimentsViewModel viewModel() throws Exception {
        Files.writeString(dir.resolve("set.jsonl"), """
                {"id":"p1","prompt":"What is 2 + 2?","answer":"4","difficulty":1}
                {"id":"p2","prompt":"What is 7 x 6?","answer":"42","difficulty":2}
                """, StandardCharsets.UTF_8);
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.modelProperty().set("test-model");
        ExperimentsViewModel vm = new ExperimentsViewModel(connection, services, new SweepStore(dir.resolve("sweeps")),
                dir.resolve("no-samples-here"), tasks, SweepRunner.Options.defaults().withClock(new RecordingTestClock()));
        vm.setup().importFile(dir.resolve("set.jsonl"));
        tasks.runAll();
        assertThat(vm.canStartProperty().get()).isTrue();
        return vm;
    }

    /** Runs steps until {@code vm} has asked for the sweep's start (files and runner) in the background. */
    private static void untilLaunched(SteppedTasks tasks, ExperimentsViewModel vm) {
        vm.start();
        tasks.steps.removeFirst().run(); // the sweep's folder is saved
        tasks.steps.removeFirst().run(); // ... and, on the UI thread, the start is asked for
        assertThat(tasks.steps).hasSize(1);
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.STARTING);
    }

    @Test
    void theRunnerStartsInTheBackgroundAndTheSweepRunsOnceItHas() throws Exception {
        ExperimentsViewModel vm = viewModel();
        untilLaunched(tasks, vm);
        assertThat(vm.results().rows()).as("laid out at once").hasSize(2);

        tasks.steps.removeFirst().run();
        assertThat(vm.phaseProperty().get()).as("started, not yet told").isEqualTo(Phase.STARTING);
        tasks.runAll();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (vm.phaseProperty().get() != Phase.ENDED && System.nanoTime() < deadline) {
            vm.tick(System.nanoTime());
            tasks.runAll();
            Thread.sleep(5);
        }
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.ENDED);
        assertThat(vm.results().records()).hasSize(6);
        assertThat(engine.started()).hasSize(6);
        vm.close();
    }

    @Test
    void aWindowClosedBeforeTheRunnerStartsStartsNothing() throws Exception {
        ExperimentsViewModel vm = viewModel();
        untilLaunched(tasks, vm);
        vm.close();
        tasks.runAll();

        assertThat(engine.started()).isEmpty();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(vm.messageProperty().get()).isEqualTo("Cannot start the sweep: the window is closing");
    }

    @Test
    void aSweepThatStartedAsTheWindowClosedIsCancelled() throws Exception {
        // every worker's first run is held, so no other run can start before the window closes
        engine.hold(dev.thinkbench.lab.sweep.SweepEndpoints.SERVER_CONCURRENCY);
        ExperimentsViewModel vm = viewModel();
        untilLaunched(tasks, vm);
        tasks.steps.removeFirst().run(); // the runner starts; its first runs are held by the engine
        engine.awaitHeld();
        int started = engine.started().size();
        vm.close();
        tasks.steps.removeFirst().run(); // on the UI thread: it started, but the window has closed
        assertThat(vm.phaseProperty().get()).as("never shown as running").isEqualTo(Phase.STARTING);
        engine.release();
        tasks.runAll(); // waits for its runs to stop, then closes its files

        Thread.sleep(200);
        assertThat(engine.started()).as("no run starts once cancelled").hasSize(started);
        assertThat(new SweepStore(dir.resolve("sweeps")).interrupted()).as("kept to resume").isPresent();
    }
}
