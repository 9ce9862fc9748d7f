package dev.thinkbench.ui;

import dev.thinkbench.app.WorkbenchFactory;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnView;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frame benchmark (Maven profile {@code bench-ui}, not part of the test suite), through the real workbench window
 * under Monocle, printing the frame (pulse) interval p50 / p99 / max with the machine's load average, the UI and
 * render threads' CPU time per frame (which, unlike intervals, does not depend on how busy the machine is), split by
 * phase, with what the long intervals had in them ({@link FrameRecorder}). Scenarios ({@code -Dbench.only=NAME} runs
 * one): {@code columns}: {@code bench.columns} budget columns (3) at {@code bench.rate} thinking tokens per second each
 * (1,000) for {@code bench.seconds} (60), charts shown unless {@code bench.charts=false}, after a baseline with nothing
 * streaming; {@code candidates}: best-of-N's 8 live candidate columns at the same rate; {@code sweep}: a sweep of
 * {@code bench.sweep.problems} (300) problems x 8 caps at concurrency 8 streaming results into the Experiments tab's
 * table and charts, {@code bench.rounds} times in the same window (1: the first sweep after the JVM started, with
 * its cold code; later rounds show the warm state); {@code trace}: a 100,000-token trace in a streaming text area, scrolled a page per frame, dragged
 * through by its scroll bar, then searched (every match, then next match once per frame). Asserted: no token lost and
 * every run finished; timings are printed, never asserted. {@code -Dbench.slowest=true} also prints the 12 longest
 * frames of each phase (when, and where their time went). To profile, add e.g.
 * {@code JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=/tmp/bench-%p.jfr,settings=profile} and
 * {@code -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=25} to the Maven command line.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFrameBench {

    private static final int COLUMNS = Integer.getInteger("bench.columns", 3);
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final boolean CHARTS = !"false".equals(System.getProperty("bench.charts"));
    private static final int CANDIDATES = 8;
    private static final long CANDIDATE_SEED = 1000;
    private static final String[] WORDS = ("so the first train covers forty kilometres before the second starts "
            + "which leaves three hundred sixty between them closing at one hundred eighty per hour wait let me "
            + "check that again the distance from city a is two hundred and the time is half past eleven").split(" ");

    private final List<List<String>> sent = new ArrayList<>();
    private final FrameRecorder frames = new FrameRecorder((SECONDS + 120) * 240);
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        for (int c = 0; c < Math.max(COLUMNS, CANDIDATES); c++) {
            sent.add(trace(new Random(c), RATE * SECONDS));
        }
        frames.install();
        ScriptedTestEngine engine = new ScriptedTestEngine("bench", this::script, List.of(new ModelInfo("m", "")));
        view = WorkbenchFactory.create(WorkbenchFixture.services("bench", "Bench", engine), new FxBackgroundTasks(),
                Settings.defaults());
        stage.setScene(view.createScene(1440, 900));
        frames.attach(stage.getScene());
        stage.show();
    }

    /** Realistic thinking: words and spaces, a line break after each sentence of 6 to 24 words. */
    private static List<String> trace(Random random, int tokens) {
        List<String> out = new ArrayList<>(tokens);
        int sentence = 6 + random.nextInt(19);
        for (int i = 0; i < tokens; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (--sentence == 0) {
                out.add(word + ".\n");
                sentence = 6 + random.nextInt(19);
            } else {
                out.add(word + " ");
            }
        }
        return out;
    }

    /** Budget columns stream trace {@code tokens:N - 1}; best-of-N candidates the trace of their seed's offset. */
    private ScriptedTestEngine.Script script(RunSpec spec) {
        Long seed = spec.sampling().seed();
        int column = seed != null && seed >= CANDIDATE_SEED ? (int) (seed - CANDIDATE_SEED)
                : spec.budget() instanceof Budget.Tokens t ? t.maxThinkingTokens() - 1 : 0;
        return ScriptedTestEngine.Script.of(sent.get(column), List.of("done")).paced(RATE);
    }

    @Test
    void streamThreeColumnsForAMinute() throws Exception {
        Assumptions.assumeTrue(scenario("columns"));
        WaitForAsyncUtils.asyncFx(() -> {
            var compare = view.viewModel().compare();
            compare.restoreColumns(java.util.stream.IntStream.rangeClosed(1, COLUMNS)
                    .mapToObj(i -> "c" + i + "=tokens:" + i).toList());
            compare.prompt().promptProperty().set("benchmark");
            view.viewModel().connection().modelProperty().set("m");
            view.compareView().setChartsVisible(CHARTS);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        long heapBefore = usedHeapAfterGc();
        int baselineSeconds = Integer.getInteger("bench.baseline", 10);
        frames.begin();
        Thread.sleep(baselineSeconds * 1000L);
        frames.end();
        frames.print("\nbaseline, nothing streaming");

        frames.begin();
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().compare().run()).get();
        WaitForAsyncUtils.waitFor(SECONDS + 60, TimeUnit.SECONDS, () -> columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == ColumnState.DONE));
        frames.end();
        WaitForAsyncUtils.waitForFxEvents();
        long heapAfter = usedHeapAfterGc();

        long lost = 0;
        for (int c = 0; c < COLUMNS; c++) {
            String expected = String.join("", sent.get(c));
            String shown = columns().get(c).thinkingText();
            lost += Math.abs(expected.length() - shown.length()) + (expected.equals(shown) ? 0 : 1);
        }
        System.out.printf(Locale.ROOT, "UI frame benchmark: %d columns x %d tokens/s x %d s (%,d tokens each), "
                + "%d CPUs, load average %.1f%n", COLUMNS, RATE, SECONDS, RATE * SECONDS,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        frames.print("streaming");
        System.out.printf(Locale.ROOT, "tokens lost: %d (chars per column: %,d)%n", lost,
                columns().getFirst().thinkingText().length());
        System.out.printf(Locale.ROOT, "heap: %.1f MB before, %.1f MB after, growth %.1f MB; %d nodes in the scene%n%n",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6,
                WaitForAsyncUtils.asyncFx(() -> nodes(view)).get());
        assertThat(lost).as("tokens lost").isZero();
    }

    @Test
    void streamEightBestOfNCandidates() throws Exception {
        Assumptions.assumeTrue(scenario("candidates"));
        WaitForAsyncUtils.asyncFx(() -> {
            var compare = view.viewModel().compare();
            compare.prompt().promptProperty().set("benchmark");
            compare.prompt().temperatureProperty().set("0.8");
            compare.prompt().seedProperty().set(Long.toString(CANDIDATE_SEED));
            view.viewModel().connection().modelProperty().set("m");
            compare.bestOfN().candidatesProperty().set(CANDIDATES);
            compare.bestOfN().budgetProperty().set("tokens:1");
            compare.bestOfN().enabledProperty().set(true);
            view.compareView().setChartsVisible(CHARTS);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        frames.begin();
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().compare().run()).get();
        WaitForAsyncUtils.waitFor(SECONDS + 60, TimeUnit.SECONDS, () -> columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == ColumnState.DONE));
        frames.end();
        WaitForAsyncUtils.waitForFxEvents();
        long lost = 0;
        for (int c = 0; c < CANDIDATES; c++) {
            String expected = String.join("", sent.get(c));
            String shown = columns().get(c).thinkingText();
            lost += Math.abs(expected.length() - shown.length()) + (expected.equals(shown) ? 0 : 1);
        }
        System.out.printf(Locale.ROOT, "%nUI frame benchmark: best-of-N, %d live candidate columns x %d tokens/s x %d s"
                + " (%,d tokens each), %d CPUs%n", CANDIDATES, RATE, SECONDS, RATE * SECONDS,
                Runtime.getRuntime().availableProcessors());
        frames.print("8 candidates streaming");
        System.out.printf(Locale.ROOT, "tokens lost: %d%n%n", lost);
        assertThat(lost).as("tokens lost").isZero();
    }

    @Test
    void streamASweepIntoTheExperimentsTable() throws Exception {
        Assumptions.assumeTrue(scenario("sweep"));
        for (int round = 0; round < Integer.getInteger("bench.rounds", 1); round++) {
            sweepOnce();
        }
    }

    private void sweepOnce() throws Exception {
        SweepFrameScenario sweep = WaitForAsyncUtils.asyncFx(() -> new SweepFrameScenario(stage)).get();
        WaitForAsyncUtils.waitForFxEvents();
        sweep.awaitReady();
        frames.begin();
        long started = System.nanoTime();
        WaitForAsyncUtils.asyncFx(sweep::start).get();
        sweep.awaitEnd(600);
        frames.end();
        System.out.printf(Locale.ROOT, "%nUI frame benchmark: a sweep of %s streaming into the Experiments table and "
                + "charts, %.1f s, %d CPUs%n", sweep.describe(), (System.nanoTime() - started) / 1e9,
                Runtime.getRuntime().availableProcessors());
        frames.print("sweep streaming");
        System.out.println(sweep.outcome() + "\n");
        WaitForAsyncUtils.asyncFx(sweep::close).get();
        assertThat(sweep.finished()).as("every run finished").isTrue();
    }

    @Test
    void scrollAndSearchAHundredThousandTokenTrace() throws Exception {
        Assumptions.assumeTrue(scenario("trace"));
        TraceFrameScenario trace = WaitForAsyncUtils.asyncFx(() -> new TraceFrameScenario(stage, 100_000)).get();
        WaitForAsyncUtils.waitForFxEvents();
        trace.load();
        System.out.printf(Locale.ROOT, "%nUI frame benchmark: a 100,000-token trace (%,d characters) in a streaming "
                + "text area, %d CPUs%n", trace.length(), Runtime.getRuntime().availableProcessors());
        frames.begin();
        trace.scrollPages(900);
        frames.end();
        frames.print("scrolling a page per frame (900 frames)");
        frames.begin();
        trace.dragScrollBar(600);
        frames.end();
        frames.print("dragging the scroll bar across the trace (600 frames)");
        frames.begin();
        trace.search("wait", 600);
        frames.end();
        frames.print("searching: every match, then the next match each frame (600 frames)");
        System.out.println(trace.searchTimes() + "\n");
        assertThat(trace.matches()).isPositive();
    }

    /** Whether {@code -Dbench.only} asks for this scenario (all run when it is not set). */
    static boolean scenario(String name) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || List.of(only.split(",")).contains(name);
    }

    private List<ColumnView> columns() {
        return view.compareView().columnsPane().columnViews();
    }

    private static int nodes(Node node) {
        int n = 1;
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                n += nodes(child);
            }
        }
        return n;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
