package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelLoading;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.lab.strategy.AdaptiveStrategy;
import dev.thinkbench.lab.strategy.BestOfN;
import dev.thinkbench.lab.strategy.FixedStrategy;
import dev.thinkbench.lab.strategy.RawAccess;
import dev.thinkbench.lab.strategy.Strategy;
import dev.thinkbench.lab.strategy.StrategyResult;
import dev.thinkbench.lab.strategy.StrategyRun;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.AnswerTestEngine.Reply;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class SweepRunnerTest {

    static final List<Lane> BUDGETS = List.of(new Lane("small", BudgetSpec.parse("tokens:8")),
            new Lane("large", BudgetSpec.parse("tokens:64")));

    @TempDir
    Path dir;

    final RecordingTestClock clock = new RecordingTestClock();
    final List<SweepEvent> events = new CopyOnWriteArrayList<>();

    static List<BenchProblem> problems(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> BenchProblem.of("p" + i, "question " + i, "" + i))
                .toList();
    }

    /** Answers "Final Answer: i" for question i, thinking as many tokens as the budget allows. */
    static Reply solve(RunSpec spec) {
        String n = spec.prompt().substring("question ".length());
        int tokens = spec.budget().spec().equals("tokens:8") ? 8 : 40;
        return Reply.answer("Final Answer: " + n, tokens);
    }

    SweepPlan plan(int problems, int samples, Strategy... strategies) {
        return new SweepPlan(problems(problems), BUDGETS, samples, List.of(strategies), "test-model", "",
                new Sampling(0.7, null, 100L, null));
    }

    SweepRunner runner(Endpoint... endpoints) {
        return new SweepRunner(List.of(endpoints), List.of(), PriceTable.empty(),
                new SweepRunner.Options(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofMinutes(5)), 3, clock));
    }

    SweepOutcome run(SweepRunner runner, SweepPlan plan, ResultLog log) throws Exception {
        return runner.start(plan, log, events::add).done().get(30, TimeUnit.SECONDS);
    }

    @Test
    void runsEveryProblemBudgetAndSampleInPlanOrderAndWritesOneLineEach() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve);
        Path out = dir.resolve("results.jsonl");
        SweepOutcome outcome;
        try (ResultLog log = ResultLog.open(out)) {
            outcome = run(runner(new Endpoint("local", engine, null, 1)), plan(2, 2, new FixedStrategy()), log);
        }

        assertThat(engine.started()).extracting(s -> s.prompt() + "/" + s.budget().spec() + "/" + s.sampling().seed())
                .containsExactly("question 1/tokens:8/100", "question 1/tokens:8/1100", "question 1/tokens:64/100",
                        "question 1/tokens:64/1100", "question 2/tokens:8/100", "question 2/tokens:8/1100",
                        "question 2/tokens:64/100", "question 2/tokens:64/1100");
        assertThat(engine.started()).as("a sweep's budgets of one problem may share their greedy thinking")
                .allMatch(RunSpec::reuseGreedyPicks);
        List<SweepRecord> lines = ResultLog.read(out).records();
        assertThat(lines).hasSize(8).containsExactlyElementsOf(outcome.records());
        SweepRecord first = lines.getFirst();
        assertThat(first).isEqualTo(new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "1", "1", true, 8,
                2, first.totalMs(), 0.0, "local", null).withRanWith("test-model, temperature 0.7, seed 100"));
        assertThat(first.totalMs()).isNotNull();
        assertThat(outcome.runs()).isEqualTo(8);
        assertThat(outcome.failed()).isZero();
        assertThat(events.getFirst()).isInstanceOf(SweepEvent.Started.class);
        assertThat(events.getLast()).isInstanceOf(SweepEvent.Ended.class);
        assertThat(events).filteredOn(SweepEvent.RunFinished.class::isInstance).hasSize(8);
        SweepEvent.RunFinished last = (SweepEvent.RunFinished) events.stream()
                .filter(SweepEvent.RunFinished.class::isInstance).reduce((a, b) -> b).orElseThrow();
        assertThat(last.progress().finished()).isEqualTo(8);
        assertThat(last.progress().correct()).isEqualTo(8);
        assertThat(last.trace().answer()).isEqualTo("Final Answer: 2");
        assertThat(events).filteredOn(SweepEvent.CallStarted.class::isInstance).hasSize(8);
    }

    @Test
    void anErrorInOneRunFailsThatRunAndTheSweepFinishes() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> {
            if (spec.prompt().equals("question 2")) {
                throw new NoSuchMethodError("a class from another build");
            }
            return solve(spec);
        });

        SweepOutcome outcome = runner(new Endpoint("local", engine, null, 1)).start(plan(3, 1, new FixedStrategy()),
                null, events::add).done().get(30, TimeUnit.SECONDS);

        assertThat(outcome.runs()).as("3 problems x 2 budgets").isEqualTo(6);
        assertThat(outcome.records()).filteredOn(SweepRecord::failed).hasSize(2)
                .allSatisfy(r -> assertThat(r.error()).contains("a class from another build"));
        assertThat(outcome.records()).filteredOn(r -> !r.failed()).hasSize(4);
    }

    @Test
    void neverRunsMoreAtOnceThanEachEndpointAllows() throws Exception {
        AnswerTestEngine a = new AnswerTestEngine("a", SweepRunnerTest::solve).hold(2);
        AnswerTestEngine b = new AnswerTestEngine("b", SweepRunnerTest::solve).hold(3);
        SweepHandle handle = runner(new Endpoint("a", a, null, 2), new Endpoint("b", b, null, 3))
                .start(plan(10, 1, new FixedStrategy()), null, events::add);
        a.awaitHeld();
        b.awaitHeld();
        assertThat(handle.progress().running()).isEqualTo(5);
        assertThat(a.started().size() + b.started().size()).isEqualTo(5);
        a.release();
        b.release();
        SweepOutcome outcome = handle.done().get(30, TimeUnit.SECONDS);

        assertThat(outcome.runs()).isEqualTo(20);
        assertThat(a.maxInFlight()).isEqualTo(2);
        assertThat(b.maxInFlight()).isEqualTo(3);
        assertThat(a.started().size() + b.started().size()).isEqualTo(20);
    }

    @Test
    void aResumedSweepSkipsFinishedRunsRetriesFailedOnesAndRecoversFromACutOffLine() throws Exception {
        AtomicInteger p3Calls = new AtomicInteger();
        Function<RunSpec, Reply> flaky = spec -> spec.prompt().equals("question 3") && p3Calls.incrementAndGet() <= 2
                ? Reply.fail(FailureKind.BAD_REQUEST, "the server rejected it") : solve(spec);
        AnswerTestEngine first = new AnswerTestEngine("e", flaky);
        Path out = dir.resolve("results.jsonl");
        try (ResultLog log = ResultLog.open(out)) {
            SweepOutcome outcome = run(runner(new Endpoint("local", first, null, 1)), plan(4, 1,
                    new FixedStrategy()), log);
            assertThat(outcome.failed()).isEqualTo(2);
            assertThat(outcome.records()).filteredOn(SweepRecord::failed)
                    .allSatisfy(r -> assertThat(r.error()).isEqualTo("the server rejected it"))
                    .allSatisfy(r -> assertThat(r.correct()).isNull());
        }
        // A kill mid-write: the last line is cut in half.
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(8);
        String cut = String.join("\n", lines.subList(0, 7)) + "\n" + lines.get(7).substring(0, 30);
        Files.writeString(out, cut, StandardCharsets.UTF_8);

        AnswerTestEngine second = new AnswerTestEngine("e", flaky);
        SweepOutcome resumed;
        try (ResultLog log = ResultLog.open(out)) {
            assertThat(log.existing().issues()).singleElement()
                    .satisfies(i -> assertThat(i.message()).contains("cut off mid-write"));
            resumed = run(runner(new Endpoint("local", second, null, 1)), plan(4, 1, new FixedStrategy()), log);
        }

        assertThat(second.started()).extracting(s -> s.prompt() + "/" + s.budget().spec())
                .containsExactly("question 3/tokens:8", "question 3/tokens:64", "question 4/tokens:64");
        assertThat(resumed.resumed()).isEqualTo(5);
        assertThat(resumed.records()).hasSize(8).allSatisfy(r -> assertThat(r.ok()).isTrue());
        ResultLog.Contents file = ResultLog.read(out);
        assertThat(file.issues()).isEmpty();
        assertThat(file.records()).hasSize(10);
        assertThat(file.latest()).hasSize(8).allSatisfy(r -> assertThat(r.correct()).isTrue());
    }

    @Test
    void aResumedSweepRunsAgainWhatItsStrategyRanUnderOtherSettings() throws Exception {
        Path out = dir.resolve("results.jsonl");
        AnswerTestEngine first = new AnswerTestEngine("e", SweepRunnerTest::solve);
        try (ResultLog log = ResultLog.open(out)) {
            run(runner(new Endpoint("local", first, null, 1)), plan(2, 1,
                    new BestOfN(BestOfN.Selection.MAJORITY, 2)), log);
        }
        assertThat(ResultLog.read(out).records()).hasSize(4)
                .allSatisfy(r -> assertThat(r.strategySettings()).isEqualTo("2 candidates"));
        assertThat(Files.readString(out)).contains("\"strategySettings\":\"2 candidates\"");

        AnswerTestEngine same = new AnswerTestEngine("e", SweepRunnerTest::solve);
        try (ResultLog log = ResultLog.open(out)) {
            assertThat(run(runner(new Endpoint("local", same, null, 1)), plan(2, 1,
                    new BestOfN(BestOfN.Selection.MAJORITY, 2)), log).resumed()).isEqualTo(4);
        }
        assertThat(same.started()).isEmpty();

        AnswerTestEngine more = new AnswerTestEngine("e", SweepRunnerTest::solve);
        SweepOutcome three;
        try (ResultLog log = ResultLog.open(out)) {
            three = run(runner(new Endpoint("local", more, null, 1)), plan(2, 1,
                    new BestOfN(BestOfN.Selection.MAJORITY, 3)), log);
        }
        assertThat(three.resumed()).as("made with 2 candidates, not 3").isZero();
        assertThat(more.started()).hasSize(4 * 3);
        assertThat(ResultLog.read(out).latest()).hasSize(4)
                .allSatisfy(r -> assertThat(r.strategySettings()).isEqualTo("3 candidates"));
    }

    @Test
    void eachResultLineSaysHowItsStrategyPickedAndAFixedRunSaysNothing() throws Exception {
        Path out = dir.resolve("results.jsonl");
        try (ResultLog log = ResultLog.open(out)) {
            run(runner(new Endpoint("local", new AnswerTestEngine("e", SweepRunnerTest::solve), null, 1)),
                    plan(1, 1, new FixedStrategy(), new BestOfN(BestOfN.Selection.MAJORITY, 3)), log);
        }

        List<SweepRecord> lines = ResultLog.read(out).records();
        assertThat(lines).filteredOn(r -> r.strategy().equals("majority")).hasSize(2)
                .allSatisfy(r -> assertThat(r.note()).isEqualTo("3 of 3 votes for 1"));
        assertThat(lines).filteredOn(r -> r.strategy().equals("fixed")).hasSize(2)
                .allSatisfy(r -> assertThat(r.note()).isNull());
        assertThat(Files.readAllLines(out)).filteredOn(l -> l.contains("\"strategy\":\"majority\"")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"note\":\"3 of 3 votes for 1\""));
        assertThat(Files.readAllLines(out)).filteredOn(l -> l.contains("\"strategy\":\"fixed\""))
                .noneMatch(l -> l.contains("\"note\""));
    }

    @Test
    void rateLimitsBackOffHonouringRetryAfterThenDoubling() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> switch (calls.incrementAndGet()) {
            case 1 -> Reply.fail(FailureKind.RATE_LIMITED, "429").retryAfter(Duration.ofSeconds(7));
            case 2 -> Reply.fail(FailureKind.SERVER_ERROR, "529 overloaded");
            case 3 -> Reply.fail(FailureKind.RATE_LIMITED, "429");
            default -> solve(spec);
        });
        SweepOutcome outcome = run(runner(new Endpoint("api", engine, null, 1)),
                new SweepPlan(problems(1), BUDGETS.subList(0, 1), 1, List.of(new FixedStrategy()), "m", "", null),
                null);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(outcome.records()).singleElement().satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.correct()).isTrue();
        });
        assertThat(events).filteredOn(SweepEvent.Backoff.class::isInstance)
                .extracting(e -> ((SweepEvent.Backoff) e).kind())
                .containsExactly(FailureKind.RATE_LIMITED, FailureKind.SERVER_ERROR, FailureKind.RATE_LIMITED);
        assertThat(outcome.droppedEndpoints()).isEmpty();
    }

    @Test
    void aRateLimitedRawCallWaitsAsLongAsTheServersRetryAfterSays() throws Exception {
        ScriptedTestBackend script = new ScriptedTestBackend().then("2+2=4", "</think>")
                .then("Final Answer: 4", "<|im_end|>");
        AtomicInteger calls = new AtomicInteger();
        CompletionBackend limited = new CompletionBackend() {
            @Override
            public String id() {
                return "limited";
            }

            @Override
            public String displayName() {
                return "rate-limited test backend";
            }

            @Override
            public String model() {
                return "m";
            }

            @Override
            public CompletionResult complete(CompletionRequest request, CompletionListener listener,
                                             CancelToken cancel) throws EngineException {
                if (calls.incrementAndGet() == 1) {
                    throw new EngineException(FailureKind.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(3));
                }
                return script.complete(request, listener, cancel);
            }
        };
        Endpoint endpoint = new Endpoint("raw", ForcingReasoningEngine.over(limited, ChatTemplates.CHATML_THINK),
                new RawAccess(limited, ChatTemplates.CHATML_THINK), 1);
        SweepOutcome outcome = run(runner(endpoint), new SweepPlan(List.of(BenchProblem.of("p", "2+2?", "4")),
                BUDGETS.subList(1, 2), 1, List.of(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(16, 1, 2))),
                "m", "", null), null);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(outcome.records()).singleElement().satisfies(r -> assertThat(r.correct()).isTrue());
    }

    @Test
    void aBackoffThatNeverEndsGivesUpAfterTheLastAttemptWithTheReason() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> Reply.fail(FailureKind.RATE_LIMITED,
                "HTTP 429: slow down"));
        SweepOutcome outcome = run(runner(new Endpoint("api", engine, null, 1)),
                new SweepPlan(problems(1), BUDGETS.subList(0, 1), 1, List.of(new FixedStrategy()), "m", "", null),
                null);

        assertThat(engine.started()).hasSize(4);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(outcome.records()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.error()).isEqualTo("HTTP 429: slow down");
        });
    }

    @Test
    void anEndpointThatKeepsFailingIsDroppedAndItsRunsMoveToTheOthers() throws Exception {
        AnswerTestEngine dead = new AnswerTestEngine("dead", spec -> Reply.fail(FailureKind.UNREACHABLE,
                "connection refused"));
        // each live run takes a moment, so the live endpoint is busy when a new run starts and the dead one, then the
        // least busy, is chosen: it gets its three tries long before the live one has served every run (with instant
        // replies on a loaded 2-core machine, the live one once served all 60 after the dead one's first try)
        AnswerTestEngine alive = new AnswerTestEngine("alive", spec -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return solve(spec);
        });
        SweepOutcome outcome = run(runner(new Endpoint("http://a", dead, null, 1),
                new Endpoint("http://b", alive, null, 1)), plan(30, 1, new FixedStrategy()), null);

        assertThat(outcome.records()).hasSize(60).allSatisfy(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.endpoint()).isEqualTo("http://b");
        });
        assertThat(dead.started()).hasSize(3);
        assertThat(outcome.droppedEndpoints()).containsExactly("http://a");
        assertThat(events).filteredOn(SweepEvent.EndpointDropped.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SweepEvent.EndpointDropped) e).reason())
                        .contains("3 times in a row", "connection refused"));
        assertThat(clock.sleeps()).as("failover needs no wait").isEmpty();
    }

    @Test
    void oneProblemTheServerAlwaysFailsIsRetriedAndFailsWithItsOwnReasonWithoutDroppingTheServer() throws Exception {
        // a server that answers every prompt but one, which it fails each try (a 500, a cut or garbled stream)
        for (FailureKind kind : List.of(FailureKind.SERVER_ERROR, FailureKind.STREAM_CUT,
                FailureKind.MALFORMED_STREAM)) {
            events.clear();
            AnswerTestEngine server = new AnswerTestEngine("server", spec -> spec.prompt().equals("question 1")
                    ? Reply.fail(kind, "HTTP 500: cannot handle this prompt") : solve(spec));
            SweepOutcome outcome = run(runner(new Endpoint("http://a", server, null, 1)), plan(3, 1,
                    new FixedStrategy()), null);

            assertThat(outcome.droppedEndpoints()).as(kind.name()).isEmpty();
            assertThat(outcome.records()).as(kind.name()).hasSize(6)
                    .filteredOn(r -> r.problemId().equals("p1")).hasSize(2).allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo("failed");
                        assertThat(r.error()).isEqualTo("HTTP 500: cannot handle this prompt");
                    });
            assertThat(outcome.records()).as(kind.name()).filteredOn(r -> !r.problemId().equals("p1"))
                    .hasSize(4).allSatisfy(r -> assertThat(r.ok()).isTrue());
        }
    }

    /**
     * A provider's content filter stopped the answer after its text (here, the right answer): the run fails with the
     * reason, is not graded (a cut answer is not the model's answer), and is not asked again (that pays again for the
     * same judgement).
     */
    @Test
    void anAnswerTheContentFilterStoppedFailsUngradedAndIsNotRetried() throws Exception {
        String filtered = "Gemini at http://a stopped the answer with its content filter (finishReason SAFETY)";
        AnswerTestEngine server = new AnswerTestEngine("server", spec -> spec.prompt().equals("question 1")
                ? Reply.failAfter("Final Answer: 1", FailureKind.CONTENT_FILTERED, filtered) : solve(spec));

        SweepOutcome outcome = run(runner(new Endpoint("http://a", server, null, 1)), plan(2, 1,
                new FixedStrategy()), null);

        assertThat(outcome.records()).filteredOn(r -> r.problemId().equals("p1")).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.correct()).as("not graded").isNull();
            assertThat(r.answer()).isNull();
            assertThat(r.error()).isEqualTo(filtered);
        });
        assertThat(outcome.failed()).isEqualTo(2);
        assertThat(server.started()).as("each run asked once").hasSize(4);
        assertThat(outcome.droppedEndpoints()).isEmpty();
    }

    @Test
    void whenEveryEndpointIsGoneTheRestFailWithTheReasonAndTheSweepEnds() throws Exception {
        AnswerTestEngine dead = new AnswerTestEngine("dead", spec -> Reply.fail(FailureKind.UNREACHABLE,
                "connection refused"));
        SweepOutcome outcome = run(runner(new Endpoint("http://a", dead, null, 1)), plan(3, 1,
                new FixedStrategy()), null);

        assertThat(dead.started()).hasSize(3);
        assertThat(outcome.records()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo("failed"));
        assertThat(outcome.records().getLast().error()).contains("no endpoint is left", "connection refused");
        assertThat(outcome.failed()).isEqualTo(6);
    }

    @Test
    void inAWindowASweepWhoseServersAreAllGonePausesAndResumeTriesThemAgain() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean(false);
        AnswerTestEngine server = new AnswerTestEngine("server", spec -> up.get() ? solve(spec)
                : Reply.fail(FailureKind.UNREACHABLE, "connection refused"));
        SweepRunner runner = new SweepRunner(List.of(new Endpoint("http://a", server, null, 1)), List.of(),
                PriceTable.empty(), new SweepRunner.Options(new RetryPolicy(4, Duration.ofSeconds(1),
                        Duration.ofSeconds(30), Duration.ofMinutes(5)), 3, clock).pausingWhenNoEndpoint());
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        SweepHandle sweep = runner.start(plan(3, 1, new FixedStrategy()), null, e -> {
            events.add(e);
            if (e instanceof SweepEvent.Paused p && p.noEndpointLeft() != null) {
                paused.countDown();
            }
        });

        assertThat(paused.await(30, TimeUnit.SECONDS)).as("paused for want of a server").isTrue();
        assertThat(sweep.paused()).isTrue();
        assertThat(sweep.results()).as("no run failed for it").isEmpty();
        assertThat(events).filteredOn(SweepEvent.Paused.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SweepEvent.Paused) e).noEndpointLeft()).contains("connection refused"));

        up.set(true);
        sweep.resume();
        SweepOutcome outcome = sweep.done().get(30, TimeUnit.SECONDS);
        assertThat(outcome.records()).hasSize(6).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void everyRunInFlightWhenTheLastServerGoesIsSaidToGoBackUnfinishedNotOnlyTheFirst() throws Exception {
        AnswerTestEngine server = new AnswerTestEngine("server", spec -> Reply.fail(FailureKind.UNREACHABLE,
                "connection refused"));
        SweepRunner runner = new SweepRunner(List.of(new Endpoint("http://a", server, null, 3)), List.of(),
                PriceTable.empty(), new SweepRunner.Options(new RetryPolicy(4, Duration.ofSeconds(1),
                        Duration.ofSeconds(30), Duration.ofMinutes(5)), 3, clock).pausingWhenNoEndpoint());
        SweepHandle sweep = runner.start(plan(3, 1, new FixedStrategy()), null, events::add);

        // up to three runs were in flight (one endpoint, three at once): each that started goes back, none stays
        // "running" in a window (the second and third used to go back unsaid)
        org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sweep.paused()
                && sweep.progress().running() == 0 && keys(SweepEvent.RunStarted.class).size()
                == keys(SweepEvent.RunGivenBack.class).size());
        assertThat(keys(SweepEvent.RunGivenBack.class)).isNotEmpty().doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(keys(SweepEvent.RunStarted.class));
        assertThat(sweep.results()).as("none failed for it").isEmpty();
        sweep.cancel();
        sweep.done().get(30, TimeUnit.SECONDS);
    }

    /** The keys of the runs that events of {@code kind} (run started, given back) were about, in order. */
    private List<RunKey> keys(Class<? extends SweepEvent> kind) {
        return events.stream().filter(kind::isInstance).map(e -> switch (e) {
            case SweepEvent.RunStarted r -> r.key();
            case SweepEvent.RunGivenBack g -> g.key();
            default -> throw new IllegalArgumentException(kind.getSimpleName());
        }).toList();
    }

    @Test
    void aFinalFailureIsNotRetried() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> Reply.fail(FailureKind.BAD_REQUEST,
                "request rejected"));
        SweepOutcome outcome = run(runner(new Endpoint("api", engine, null, 1)), plan(1, 1, new FixedStrategy()),
                null);

        assertThat(engine.started()).hasSize(2);
        assertThat(clock.sleeps()).isEmpty();
        assertThat(outcome.records()).allSatisfy(r -> assertThat(r.error()).isEqualTo("request rejected"));
        assertThat(outcome.droppedEndpoints()).isEmpty();
    }

    static final String REJECTED = "https://api.example rejected the API key (HTTP 401). Check the key in the "
            + "environment variable EXAMPLE_KEY.";

    @Test
    void aRejectedKeyDropsItsEndpointAtOnceAndTheRunsLeftFailWithItsMessageUnsent() throws Exception {
        AnswerTestEngine rejecting = new AnswerTestEngine("api", spec -> Reply.fail(FailureKind.AUTHENTICATION,
                REJECTED));
        SweepOutcome outcome = run(runner(new Endpoint("https://api.example", rejecting, null, 1)),
                plan(3, 1, new FixedStrategy()), null);

        assertThat(rejecting.started()).as("one request: the rest are not sent").hasSize(1);
        assertThat(outcome.records()).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.error()).isEqualTo(REJECTED);
        });
        assertThat(outcome.failed()).isEqualTo(6);
        assertThat(outcome.droppedEndpoints()).containsExactly("https://api.example");
        assertThat(events).filteredOn(SweepEvent.EndpointDropped.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SweepEvent.EndpointDropped) e).reason())
                        .contains("rejected the API key", "EXAMPLE_KEY"));
        assertThat(events).filteredOn(SweepEvent.RunFinished.class::isInstance).hasSize(6);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void anEndpointThatRejectsTheKeyIsDroppedAndTheOthersServeTheRest() throws Exception {
        AnswerTestEngine rejecting = new AnswerTestEngine("api", spec -> Reply.fail(FailureKind.AUTHENTICATION,
                REJECTED));
        AnswerTestEngine alive = new AnswerTestEngine("alive", spec -> {
            try {
                Thread.sleep(2); // busy when the next run starts, so the rejecting endpoint gets a run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return solve(spec);
        });
        SweepOutcome outcome = run(runner(new Endpoint("https://api.example", rejecting, null, 1),
                new Endpoint("http://b", alive, null, 1)), plan(10, 1, new FixedStrategy()), null);

        assertThat(rejecting.started()).hasSize(1);
        assertThat(outcome.records()).hasSize(20);
        assertThat(outcome.records()).filteredOn(SweepRecord::failed).singleElement()
                .satisfies(r -> assertThat(r.error()).isEqualTo(REJECTED));
        assertThat(outcome.records()).filteredOn(SweepRecord::ok).hasSize(19)
                .allSatisfy(r -> assertThat(r.endpoint()).isEqualTo("http://b"));
        assertThat(outcome.droppedEndpoints()).containsExactly("https://api.example");
    }

    @Test
    void inAWindowARejectedKeyFailsTheRunsLeftRatherThanPausingForIt() throws Exception {
        AnswerTestEngine rejecting = new AnswerTestEngine("api", spec -> Reply.fail(FailureKind.AUTHENTICATION,
                REJECTED));
        SweepRunner runner = new SweepRunner(List.of(new Endpoint("https://api.example", rejecting, null, 1)),
                List.of(), PriceTable.empty(), new SweepRunner.Options(new RetryPolicy(4, Duration.ofSeconds(1),
                        Duration.ofSeconds(30), Duration.ofMinutes(5)), 3, clock).pausingWhenNoEndpoint());
        SweepOutcome outcome = run(runner, plan(2, 1, new FixedStrategy()), null);

        assertThat(rejecting.started()).hasSize(1);
        assertThat(outcome.records()).hasSize(4).allSatisfy(r -> assertThat(r.error()).isEqualTo(REJECTED));
        assertThat(events).noneMatch(SweepEvent.Paused.class::isInstance);
    }

    @Test
    void problemsWithoutAnAnswerRunUngradedAndAnUnreadableAnswerIsWrongNotDropped() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> spec.prompt().startsWith("prove")
                ? Reply.answer("Suppose it were rational...", 3) : Reply.answer("I cannot tell", 3));
        SweepPlan plan = new SweepPlan(List.of(BenchProblem.of("proof", "prove it", null),
                BenchProblem.of("sum", "add them", "12")), BUDGETS.subList(0, 1), 1, List.of(new FixedStrategy()),
                "m", "", null);
        SweepOutcome outcome = run(runner(new Endpoint("e", engine, null, 1)), plan, null);

        assertThat(outcome.records()).extracting(SweepRecord::problemId, SweepRecord::status, SweepRecord::answer,
                        SweepRecord::expected, SweepRecord::correct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("proof", "ok", "Suppose it were rational", null,
                                null),
                        org.assertj.core.groups.Tuple.tuple("sum", "ok", null, "12", false));
    }

    @Test
    void aStrategyThatBreaksFailsOnlyItsOwnRun() throws Exception {
        Strategy broken = new Strategy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public StrategyResult run(StrategyRun run) {
                throw new IllegalStateException("bug");
            }
        };
        AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve);
        SweepOutcome outcome = run(runner(new Endpoint("e", engine, null, 1)), plan(2, 1, new FixedStrategy(),
                broken), null);

        assertThat(outcome.records()).hasSize(8);
        assertThat(outcome.records()).filteredOn(r -> r.strategy().equals("broken"))
                .allSatisfy(r -> assertThat(r.error()).contains("internal error in strategy broken", "bug"));
        assertThat(outcome.records()).filteredOn(r -> r.strategy().equals("fixed"))
                .allSatisfy(r -> assertThat(r.correct()).isTrue());
    }

    @Test
    void pauseStopsNewRunsUntilResumedAndCancelStopsTheRestWithoutWritingThem() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve).hold(1);
        CountDownLatch firstFinished = new CountDownLatch(1);
        Map<String, Integer> finished = new ConcurrentHashMap<>();
        Path out = dir.resolve("r.jsonl");
        ResultLog log = ResultLog.open(out);
        SweepHandle handle = runner(new Endpoint("e", engine, null, 1)).start(plan(3, 1, new FixedStrategy()), log,
                event -> {
                    events.add(event);
                    if (event instanceof SweepEvent.RunFinished f) {
                        finished.merge("n", 1, Integer::sum);
                        firstFinished.countDown();
                    }
                });
        engine.awaitHeld();
        handle.pause();
        assertThat(handle.paused()).isTrue();
        engine.release();
        assertThat(firstFinished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.started()).as("nothing starts while paused").hasSize(1);
        assertThat(handle.progress().paused()).isTrue();
        assertThat(handle.results()).hasSize(1);

        engine.hold(1);
        handle.resume();
        engine.awaitHeld();
        handle.cancel();
        SweepOutcome outcome = handle.done().get(10, TimeUnit.SECONDS);
        log.close();

        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.records()).hasSize(1);
        assertThat(ResultLog.read(out).records()).hasSize(1);
        assertThat(engine.started()).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof SweepEvent.Paused || e instanceof SweepEvent.Resumed)
                .hasSize(2);
        assertThat(events.getLast()).isInstanceOf(SweepEvent.Ended.class);
        assertThat(finished).containsEntry("n", 1);
    }

    @Test
    void aPausePressedAsTheLastRunFinishesStillEndsTheSweep() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve).hold(1);
        SweepPlan one = new SweepPlan(problems(1), List.of(BUDGETS.getFirst()), 1, List.of(new FixedStrategy()),
                "test-model", "", new Sampling(0.7, null, 100L, null));
        SweepHandle handle = runner(new Endpoint("e", engine, null, 1)).start(one, null, events::add);
        engine.awaitHeld();
        handle.pause();
        engine.release();

        SweepOutcome outcome = handle.done().get(10, TimeUnit.SECONDS);
        assertThat(outcome.cancelled()).isFalse();
        assertThat(outcome.records()).hasSize(1).allMatch(r -> r.status().equals("ok"));
        assertThat(events.getLast()).isInstanceOf(SweepEvent.Ended.class);
    }

    @Test
    void progressCountsAndEstimatesTheTimeLeftFromThisSessionsPace() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> {
            clock.advance(Duration.ofSeconds(2));
            return solve(spec);
        });
        List<SweepProgress> seen = new ArrayList<>();
        runner(new Endpoint("e", engine, null, 1)).start(plan(2, 1, new FixedStrategy()), null, e -> {
            if (e instanceof SweepEvent.RunFinished f) {
                seen.add(f.progress());
            }
        }).done().get(10, TimeUnit.SECONDS);

        assertThat(seen).hasSize(4);
        assertThat(seen.getFirst().total()).isEqualTo(4);
        assertThat(seen.getFirst().finished()).isEqualTo(1);
        assertThat(seen.getFirst().elapsedMs()).isEqualTo(2000);
        assertThat(seen.getFirst().etaMs()).as("the first run waited for the engine: no estimate from it").isNull();
        assertThat(seen.get(1).etaMs()).isEqualTo(4000);
        assertThat(seen.getLast().etaMs()).isZero();
        assertThat(seen.getLast().fraction()).isEqualTo(1.0);
    }

    @Test
    void aResumedSweepEstimatesTheTimeLeftFromThisSessionsRunsAndTheRunsLeftOnly() throws Exception {
        Path out = dir.resolve("results.jsonl");
        try (ResultLog log = ResultLog.open(out)) {
            run(runner(new Endpoint("e", new AnswerTestEngine("e", SweepRunnerTest::solve), null, 1)),
                    plan(2, 1, new FixedStrategy()), log);
        }
        clock.advance(Duration.ofSeconds(600)); // the file's runs are long done: their time is none of this session's
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> {
            clock.advance(Duration.ofSeconds(2));
            return solve(spec);
        });
        List<SweepProgress> seen = new CopyOnWriteArrayList<>();
        try (ResultLog log = ResultLog.open(out)) {
            runner(new Endpoint("e", engine, null, 1)).start(plan(4, 1, new FixedStrategy()), log, e -> {
                if (e instanceof SweepEvent.RunFinished f) {
                    seen.add(f.progress());
                }
            }).done().get(10, TimeUnit.SECONDS);
        }

        assertThat(engine.started()).hasSize(4);
        assertThat(seen).extracting(SweepProgress::finished).containsExactly(5, 6, 7, 8);
        assertThat(seen.getFirst().etaMs()).isNull();
        assertThat(seen).extracting(SweepProgress::etaMs).containsExactly(null, 4000L, 2000L, 0L);
    }

    /**
     * A resume that lets the last runs go must still report Resumed before the end: a window that took a late
     * Resumed for its phase showed "running" forever after the sweep had ended (seen once in CI). The race is
     * timing-dependent, so the test repeats it; on the old code it failed when the workers won the monitor.
     */
    @Test
    void theEndStaysTheLastEventWhenAResumeLetsTheLastRunsFinishAtOnce() throws Exception {
        for (int round = 0; round < 40; round++) {
            AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve).hold(4);
            List<SweepEvent> seen = new CopyOnWriteArrayList<>();
            CountDownLatch inFlightFinished = new CountDownLatch(4);
            SweepHandle handle = runner(new Endpoint("e", engine, null, 4)).start(plan(4, 1, new FixedStrategy()),
                    null, event -> {
                        seen.add(event);
                        if (event instanceof SweepEvent.RunFinished) {
                            inFlightFinished.countDown();
                        }
                    });
            engine.awaitHeld();
            handle.pause();
            engine.release();
            assertThat(inFlightFinished.await(10, TimeUnit.SECONDS)).as("round %d: the runs in flight finish", round)
                    .isTrue();
            handle.resume();
            handle.pause();
            handle.resume();
            handle.done().get(10, TimeUnit.SECONDS);

            assertThat(seen.getLast()).as("round %d", round).isInstanceOf(SweepEvent.Ended.class);
            assertThat(seen).as("round %d", round).filteredOn(SweepEvent.Ended.class::isInstance).hasSize(1);
            assertThat(engine.started()).hasSize(8);
        }
    }

    @Test
    void aModelThatLoadsHereIsLoadedOnceBeforeAnyRunStartsSoNoRunsTimeHoldsTheLoad() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve);
        LoadCountingTestBackend backend = new LoadCountingTestBackend(engine, 2500L, null);
        SweepOutcome outcome = run(runner(new Endpoint("builtin", engine,
                new RawAccess(backend, ChatTemplates.CHATML_THINK), 4)), plan(3, 1, new FixedStrategy()), null);

        assertThat(backend.loads.get()).isEqualTo(1);
        assertThat(backend.runsStartedAtLoad).containsExactly(0);
        assertThat(events.subList(0, 3)).containsExactly(events.getFirst(),
                new SweepEvent.ModelLoading("builtin", "m"), new SweepEvent.ModelLoaded("builtin", "m", 2500L, null));
        assertThat(events.get(3)).isInstanceOf(SweepEvent.RunStarted.class);
        assertThat(outcome.runs()).isEqualTo(6);
    }

    @Test
    void aModelThatCannotBeLoadedIsSaidAndTheRunsStillRunToSayItThemselves() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", SweepRunnerTest::solve);
        LoadCountingTestBackend backend = new LoadCountingTestBackend(engine, null, "llama.cpp could not load m");
        SweepOutcome outcome = run(runner(new Endpoint("builtin", engine,
                new RawAccess(backend, ChatTemplates.CHATML_THINK), 4)), plan(1, 1, new FixedStrategy()), null);

        assertThat(events).contains(new SweepEvent.ModelLoaded("builtin", "m", null, "llama.cpp could not load m"));
        assertThat(outcome.runs()).isEqualTo(2);
    }

    @Test
    void anEngineThatLoadsNoModelHereStartsItsRunsWithoutALoad() throws Exception {
        run(runner(new Endpoint("e", new AnswerTestEngine("e", SweepRunnerTest::solve), null, 2)),
                plan(1, 1, new FixedStrategy()), null);

        assertThat(events).noneMatch(e -> e instanceof SweepEvent.ModelLoading || e instanceof SweepEvent.ModelLoaded);
    }

    /**
     * A test double: a raw backend whose model loads here (as the built-in engine's does), counting its loads and
     * noting how many runs {@code engine} had started at each.
     */
    static final class LoadCountingTestBackend implements CompletionBackend, ModelLoading {

        final AtomicInteger loads = new AtomicInteger();
        final List<Integer> runsStartedAtLoad = new CopyOnWriteArrayList<>();
        private final AnswerTestEngine engine;
        private final Long loadMs;
        private final String failure;

        LoadCountingTestBackend(AnswerTestEngine engine, Long loadMs, String failure) {
            this.engine = engine;
            this.loadMs = loadMs;
            this.failure = failure;
        }

        @Override
        public Long loadModel() throws EngineException {
            loads.incrementAndGet();
            runsStartedAtLoad.add(engine.started().size());
            if (failure != null) {
                throw new EngineException(FailureKind.BAD_REQUEST, failure);
            }
            return loadMs;
        }

        @Override
        public String id() {
            return "loading";
        }

        @Override
        public String displayName() {
            return "loading test backend";
        }

        @Override
        public String model() {
            return "m";
        }

        @Override
        public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
                throws EngineException {
            throw new EngineException(FailureKind.UNSUPPORTED, "not used by these tests");
        }
    }
}
