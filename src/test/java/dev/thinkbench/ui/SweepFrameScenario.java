package dev.thinkbench.ui;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.experiments.BudgetChoices;
import dev.thinkbench.ui.experiments.BudgetMode;
import dev.thinkbench.ui.experiments.ExperimentsView;
import dev.thinkbench.ui.experiments.ExperimentsViewModel;
import dev.thinkbench.ui.experiments.Phase;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark scenario (test code): the Experiments tab in the benchmark's window running a sweep of
 * {@code bench.sweep.problems} (300) generated problems (difficulty 1..6) x 8 caps (8..1,024 tokens) at concurrency
 * 8 on a scripted engine whose runs stream their thinking at 1,000 tokens per second (more thinking for harder
 * problems, right once the cap allows it), so results stream into the table and charts for about half a minute.
 * FX thread unless said otherwise.
 */
final class SweepFrameScenario {

    private static final int PROBLEMS = Integer.getInteger("bench.sweep.problems", 300);
    private static final int CONCURRENCY = 8;

    private final Path dir;
    private final ExperimentsView view;
    private final ExperimentsViewModel vm;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();

    SweepFrameScenario(Stage stage) {
        try {
            dir = Files.createTempDirectory("thinkbench-sweep-bench");
            StringBuilder set = new StringBuilder();
            for (int i = 0; i < PROBLEMS; i++) {
                int difficulty = 1 + i % 6;
                set.append(String.format(Locale.ROOT, "{\"id\":\"b%03d\",\"prompt\":\"bench %d: difficulty %d\","
                        + "\"answer\":\"%d\",\"difficulty\":%d}%n", i, i, difficulty, i, difficulty));
            }
            Files.writeString(dir.resolve("bench.jsonl"), set, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ScriptedTestEngine engine = new ScriptedTestEngine("sweepbench", SweepFrameScenario::script,
                List.of(new ModelInfo("m", "")));
        WorkbenchServices services = WorkbenchFixture.services("sweepbench", "Sweep bench engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment());
        connection.modelProperty().set("m");
        vm = new ExperimentsViewModel(connection, services, new SweepStore(dir.resolve("sweeps")), dir, tasks,
                SweepRunner.Options.defaults());
        view = new ExperimentsView(vm);
        stage.getScene().setRoot(view);
        vm.setup().importFile(dir.resolve("bench.jsonl"));
        vm.setup().budgetModeProperty().set(BudgetMode.RANGE);
        vm.setup().rangeKindProperty().set(BudgetChoices.RangeKind.TOKENS);
        vm.setup().rangeWithNoneProperty().set(false);
        vm.setup().rangeLowProperty().set(3);
        vm.setup().rangeHighProperty().set(10);
        vm.setup().concurrencyProperty().set(CONCURRENCY);
    }

    /** Thinks 16 tokens per difficulty step (at most the cap), right when the cap is 12x the difficulty or more. */
    private static ScriptedTestEngine.Script script(RunSpec spec) {
        String[] words = spec.prompt().split(" ");
        int id = Integer.parseInt(words[1].replace(":", ""));
        int difficulty = Integer.parseInt(words[3]);
        int cap = spec.budget() instanceof Budget.Tokens t ? t.maxThinkingTokens() : 0;
        int thinking = Math.min(cap, 16 * difficulty);
        List<String> tokens = new ArrayList<>(thinking);
        for (int i = 0; i < thinking; i++) {
            tokens.add(i % 12 == 11 ? "step.\n" : "think ");
        }
        String answer = cap >= 12 * difficulty ? Integer.toString(id) : "0";
        return ScriptedTestEngine.Script.of(tokens, List.of("Final Answer: " + answer)).paced(1000);
    }

    /**
     * Waits (any thread) until the problems have loaded, Start is enabled and the window has drawn the form that way
     * (two pulses later): a user presses Start once they see it enabled.
     */
    void awaitReady() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> vm.canStartProperty().get()).get());
        CountDownLatch pulses = new CountDownLatch(2);
        Runnable count = pulses::countDown;
        WaitForAsyncUtils.asyncFx(() -> view.getScene().addPostLayoutPulseListener(count)).get();
        try {
            if (!pulses.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the window drew no frame in 30 s");
            }
        } finally {
            WaitForAsyncUtils.asyncFx(() -> view.getScene().removePostLayoutPulseListener(count)).get();
        }
    }

    void start() {
        vm.start();
    }

    /** Waits (any thread) until the sweep has ended. */
    void awaitEnd(long seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> vm.phaseProperty().get() == Phase.ENDED).get());
    }

    String describe() {
        return PROBLEMS + " problems x 8 caps (" + PROBLEMS * 8 + " runs) at concurrency " + CONCURRENCY;
    }

    /** How it ended (any thread). */
    String outcome() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.progressTextProperty().get() + " \u00b7 " + vm.etaTextProperty().get()
                + " \u00b7 " + vm.results().rows().size() + " table rows, " + vm.results().figures().rows().size()
                + " chart points").get();
    }

    boolean finished() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.results().records().size() == PROBLEMS * 8).get();
    }

    void close() {
        vm.close();
        tasks.shutdown();
    }
}
