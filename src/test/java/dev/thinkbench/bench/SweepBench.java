package dev.thinkbench.bench;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.core.problemset.MicroProblems;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import dev.thinkbench.lab.sweep.Endpoint;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepOutcome;
import dev.thinkbench.lab.sweep.SweepEndpoints;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepSummary;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.UncachedTestBackend;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweep benchmarks; not tests: run with {@code mvn -B -ntp test -Pbench-sweep} and read the printed tables.
 * <ol>
 * <li>Scheduling: 200 runs at concurrency 8 against a loopback OpenAI-compatible server that answers each request
 * after a fixed latency (100 and 500 ms), against the ideal makespan {@code ceil(200 / 8) x latency} (target at most
 * 1.1x) and against {@code ceil(200 / 8) x} the measured time of one request alone; and against an in-process engine
 * double with the same fixed latency, which isolates the runner's own scheduling.</li>
 * <li>The micro model's curve (600 held-out problems, {@code -Dbench.limit=N} for fewer, x 8 budgets, greedy) on the
 * built-in engine with its default settings, through the sweep runner as the command line runs it: one run at a time
 * with nothing shared (the prompt cache off: every run evaluates its prompt and thinking from scratch; the baseline),
 * one at a time with the cache (a budget reuses the prompt, and takes without decoding the thinking greedy decoding
 * picked for an earlier budget of the same problem), and at the built-in engine's default concurrency ({@link SweepEndpoints#BUILTIN_CONCURRENCY}:
 * runs decoded together by the host's continuous batching, the budgets of one prompt sharing its evaluation). Wall
 * time, runs per second, speed-up over the baseline, and whether every mode graded every run the same.
 * {@code -Dbench.concurrency=1,4,8,16} compares other levels, {@code -Dbench.threads=N} other engine threads,
 * {@code -Dbench.context=N} another context size, {@code -Dbench.baseline=false} skips the baseline (the speed-up
 * column is then relative to the first level).</li>
 * </ol>
 */
class SweepBench {

    static final Path MODEL = Path.of("assets/models/micro-reasoner.gguf");

    @Test
    void schedulingAgainstIdealMakespan() throws Exception {
        int concurrency = 8;
        System.out.printf(Locale.ROOT, "%nScheduling at concurrency %d (ideal = ceil(runs / %d) x per-request time)%n",
                concurrency, concurrency);
        System.out.printf(Locale.ROOT, "%-44s %6s %9s %10s %7s %12s %7s%n", "engine and plan", "runs", "wall ms",
                "ideal ms", "ratio", "ideal* ms", "ratio*");
        for (long latencyMs : new long[] {100, 500}) {
            try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
                server.respond(request -> OpenAiChatScript.of("m").reasoning("ok").content("Final Answer: 1")
                        .finish("stop").usage(5, 2, 1).done().withHeaderDelay(Duration.ofMillis(latencyMs)));
                OpenAiCompatEngine engine = new OpenAiCompatEngine(new EngineConfig(OpenAiCompatEngine.ID,
                        server.baseUrl(), null, Duration.ofSeconds(30)));
                Endpoint endpoint = new Endpoint("loopback", engine, null, concurrency);
                run(endpoint, problems(16), List.of(lane("low", "effort:low")));   // warm-up
                double single = run(new Endpoint("loopback", engine, null, 1), problems(12),
                        List.of(lane("low", "effort:low"))).wallMs() / 12.0;
                for (int[] shape : SHAPES) {
                    print("loopback HTTP, " + latencyMs + " ms, " + shape[0] + "p x " + shape[1] + "b", endpoint,
                            shape, concurrency, latencyMs, single);
                }
            }
        }
        long latencyMs = 100;
        AnswerTestEngine fixed = new AnswerTestEngine("fixed-latency", spec -> {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AnswerTestEngine.Reply.answer("Final Answer: 1", 1);
        });
        for (int[] shape : SHAPES) {
            print("in-process, " + latencyMs + " ms, " + shape[0] + "p x " + shape[1] + "b",
                    new Endpoint("in-process", fixed, null, concurrency), shape, concurrency, latencyMs, latencyMs);
        }
        System.out.println("(* ideal from the measured time of one request at concurrency 1, which includes the "
                + "HTTP client's and the test server's own overhead)");
    }

    /** Problems x budgets of the scheduling runs: 200 runs each. */
    static final int[][] SHAPES = {{200, 1}, {50, 4}, {25, 8}};

    private static void print(String name, Endpoint endpoint, int[] shape, int concurrency, long latencyMs,
                              double singleMs) throws Exception {
        List<Lane> lanes = IntStream.range(0, shape[1]).mapToObj(i -> lane("b" + i,
                i % 2 == 0 ? "effort:low" : "effort:high")).toList();
        int runs = shape[0] * shape[1];
        long wall = run(endpoint, problems(shape[0]), lanes).wallMs();
        long rounds = (long) Math.ceil(runs / (double) concurrency);
        long ideal = rounds * latencyMs;
        double measured = rounds * singleMs;
        System.out.printf(Locale.ROOT, "%-44s %6d %9d %10d %7.3f %12.0f %7.3f%n", name, runs, wall, ideal,
                wall / (double) ideal, measured, wall / measured);
    }

    @Test
    void microCurveWallTimeAndSpeedUp() throws Exception {
        int n = Integer.getInteger("bench.limit", Integer.getInteger("bench.micro.problems", 600));
        List<BenchProblem> problems = MicroProblems.heldOut(n);
        List<Lane> lanes = new ArrayList<>(List.of(lane("none", "none")));
        for (int cap : new int[] {8, 16, 24, 32, 48, 64, 256}) {
            lanes.add(lane("cap" + cap, "tokens:" + cap));
        }
        Sampling greedy = new Sampling(0.0, null, 1L, 24);
        LocalEngineSettings defaults = LocalEngineSettings.defaults();
        LocalEngineSettings settings = defaults.withThreads(Integer.getInteger("bench.threads", defaults.threads()))
                .withContextSize(Integer.getInteger("bench.context", defaults.contextSize()));
        System.out.printf(Locale.ROOT, "%nMicro curve: %d problems x %d budgets = %d runs, greedy, %d cores, engine "
                + "%d threads, context %d%n", n, lanes.size(), n * lanes.size(),
                Runtime.getRuntime().availableProcessors(), settings.threads(), settings.contextSize());

        Map<String, Result> results = new LinkedHashMap<>();
        if (Boolean.parseBoolean(System.getProperty("bench.baseline", "true"))) {
            try (LocalEngineProcess process = new LocalEngineProcess()) {
                ForcingReasoningEngine engine = ForcingReasoningEngine.over(new UncachedTestBackend(
                        new LocalCompletionBackend(process, MODEL, settings)), ChatTemplates.CHATML_THINK);
                warmUp(engine, greedy);
                results.put("one at a time, nothing shared (as the first release)",
                        sweep(List.of(new Endpoint("builtin", engine, null, 1)), problems, lanes, greedy));
            }
        }
        int[] levels = java.util.Arrays.stream(System.getProperty("bench.concurrency", "1,"
                + SweepEndpoints.BUILTIN_CONCURRENCY).split(",")).mapToInt(c -> Integer.parseInt(c.strip())).toArray();
        for (int concurrency : levels) {
            try (LocalEngineProcess process = new LocalEngineProcess()) {
                ForcingReasoningEngine engine = engine(process, settings);
                warmUp(engine, greedy);
                results.put("concurrency " + concurrency
                        + (concurrency == SweepEndpoints.BUILTIN_CONCURRENCY ? " (default): batched + shared"
                        : concurrency == 1 ? ", prompts and thinking shared through the cache" : ""),
                        sweep(List.of(new Endpoint("builtin", engine, null, concurrency)), problems, lanes, greedy));
            }
        }
        Result base = results.values().iterator().next();
        System.out.printf(Locale.ROOT, "%-60s %9s %8s %9s %s%n", "mode (sweep runner, built-in engine)", "wall s",
                "runs/s", "speed-up", "accuracy none..cap256");
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Result r = e.getValue();
            System.out.printf(Locale.ROOT, "%-60s %9.1f %8.1f %8.2fx %s%n", e.getKey(), r.wallMs / 1000.0,
                    r.runs * 1000.0 / r.wallMs, base.wallMs / (double) r.wallMs, r.accuracy);
        }
        boolean same = results.values().stream().map(r -> r.correctByKey).distinct().count() == 1;
        System.out.println("every mode graded every run the same: " + same);
    }

    record Result(long wallMs, int runs, List<String> accuracy, Map<String, Boolean> correctByKey) {
    }

    private static Result sweep(List<Endpoint> endpoints, List<BenchProblem> problems, List<Lane> lanes,
                                Sampling greedy) throws Exception {
        long start = System.nanoTime();
        SweepOutcome outcome = new SweepRunner(endpoints, PriceTable.empty()).start(new SweepPlan(problems, lanes, 1,
                List.of(new FixedStrategy()), "micro", "", greedy), null, null).done().get(2, TimeUnit.HOURS);
        return result(System.nanoTime() - start, outcome.records());
    }

    private static Result result(long nanos, List<SweepRecord> records) {
        Map<String, Boolean> byKey = new java.util.TreeMap<>();
        records.forEach(r -> byKey.put(r.problemId() + "/" + r.label(), r.correct()));
        List<String> accuracy = SweepSummary.rows(records).stream().map(SummaryRow::accuracy)
                .map(a -> a == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * a)).toList();
        return new Result(nanos / 1_000_000, records.size(), accuracy, byKey);
    }

    private static ForcingReasoningEngine engine(LocalEngineProcess process, LocalEngineSettings settings) {
        return ForcingReasoningEngine.over(new LocalCompletionBackend(process, MODEL, settings),
                ChatTemplates.CHATML_THINK);
    }

    private static void warmUp(ForcingReasoningEngine engine, Sampling greedy) throws Exception {
        engine.start(new RunSpec("Start with 2. Add 3. What number do you get?", "", "micro",
                BudgetSpec.parse("tokens:16"), greedy), e -> { }).done().get(60, TimeUnit.SECONDS);
    }

    private static SweepOutcome run(Endpoint endpoint, List<BenchProblem> problems, List<Lane> lanes)
            throws Exception {
        return new SweepRunner(List.of(endpoint), PriceTable.empty()).start(new SweepPlan(problems, lanes, 1,
                List.of(new FixedStrategy()), "m", "", null), null, null).done().get(10, TimeUnit.MINUTES);
    }

    private static List<BenchProblem> problems(int n) {
        return IntStream.range(0, n).mapToObj(i -> BenchProblem.of("p" + i, "question " + i, "1")).toList();
    }

    private static Lane lane(String label, String spec) {
        return new Lane(label, BudgetSpec.parse(spec));
    }
}
