package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.sweep.Endpoint;
import dev.thinkbench.lab.sweep.SweepEvent;
import dev.thinkbench.lab.sweep.SweepOutcome;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.AnswerTestEngine.Reply;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each strategy through a real sweep runner against scripted engines: what it runs, what it picks, what it costs. */
@Timeout(60)
class StrategiesTest {

    static final Lane LANE = new Lane("cap", BudgetSpec.parse("tokens:64"));
    static final Sampling SAMPLED = new Sampling(0.8, null, 100L, null);

    final List<SweepEvent> events = new CopyOnWriteArrayList<>();

    SweepRecord runOne(Strategy strategy, BenchProblem problem, List<Lane> budgets, Endpoint endpoint)
            throws Exception {
        SweepOutcome outcome = new SweepRunner(List.of(endpoint), List.of(), PriceTable.empty(),
                SweepRunner.Options.defaults().withClock(new RecordingTestClock()))
                .start(new SweepPlan(List.of(problem), budgets, 1, List.of(strategy), "m", "", SAMPLED), null,
                        events::add).done().get(30, TimeUnit.SECONDS);
        assertThat(outcome.records()).hasSize(1);
        return outcome.records().getFirst();
    }

    SweepEvent.RunFinished finished() {
        return (SweepEvent.RunFinished) events.stream().filter(SweepEvent.RunFinished.class::isInstance)
                .findFirst().orElseThrow();
    }

    /** Candidate i (seed 100 + i) answers answers[i] after thinking[i] tokens; judge prompts get judge(prompt). */
    static AnswerTestEngine candidates(String[] answers, int[] thinking, Function<String, String> judge) {
        return new AnswerTestEngine("e", spec -> {
            if (spec.prompt().startsWith("You are checking")) {
                return Reply.answer(judge.apply(spec.prompt()), 5);
            }
            int i = (int) (spec.sampling().seed() - 100);
            return Reply.answer("Final Answer: " + answers[i], thinking[i]);
        });
    }

    static Endpoint endpoint(AnswerTestEngine engine) {
        return new Endpoint("e", engine, null, 1);
    }

    @Test
    void fixedRunsOnceAtTheBudget() throws Exception {
        AnswerTestEngine engine = candidates(new String[] {"7"}, new int[] {12}, p -> "");
        SweepRecord r = runOne(new FixedStrategy(), BenchProblem.of("p", "q", "7"), List.of(LANE), endpoint(engine));

        assertThat(engine.started()).singleElement().satisfies(s -> {
            assertThat(s.budget()).isEqualTo(LANE.budget());
            assertThat(s.sampling().seed()).isEqualTo(100L);
        });
        assertThat(r.correct()).isTrue();
        assertThat(r.thinkingTokens()).isEqualTo(12);
        assertThat(r.strategy()).isEqualTo("fixed");
    }

    @Test
    void majorityVotesOverNumbersWhateverTheirFormAndCountsAllCandidatesAsCompute() throws Exception {
        AnswerTestEngine engine = candidates(new String[] {"5", "7.0", "5", "7", "14/2"}, new int[] {10, 10, 10, 10,
                10}, p -> "");
        SweepRecord r = runOne(new BestOfN(BestOfN.Selection.MAJORITY, 5), BenchProblem.of("p", "q", "7"),
                List.of(LANE), endpoint(engine));

        assertThat(engine.started()).extracting(s -> s.sampling().seed()).containsExactly(100L, 101L, 102L, 103L,
                104L);
        assertThat(r.answer()).isEqualTo("7.0");
        assertThat(r.correct()).isTrue();
        assertThat(r.thinkingTokens()).as("5 x 10 thinking + 4 other answers x 2").isEqualTo(58);
        assertThat(r.answerTokens()).isEqualTo(2);
        assertThat(finished().note().english()).isEqualTo("3 of 5 votes for 7.0");
        assertThat(finished().candidates()).extracting(Candidate::extracted)
                .containsExactly("5", "7.0", "5", "7", "14/2");
    }

    @Test
    void majorityBreaksATieForTheEarliestAnswer() {
        List<Candidate> c = List.of(cand(0, "3", 1), cand(1, "4", 1), cand(2, "4", 1), cand(3, "3", 1),
                cand(4, null, 1));
        assertThat(Picks.majority(c).orElseThrow().candidate().index()).isZero();
        assertThat(Picks.majority(c).orElseThrow().note()).as("a tie says so, and how it was broken")
                .isEqualTo("2 of 5 votes for 3, tied with 4: the answer given first wins the tie");
        assertThat(Picks.majority(List.of(cand(0, "9", 1), cand(1, "8", 1), cand(2, "7", 1))).orElseThrow().note())
                .isEqualTo("1 of 3 votes for 9, tied with 8, 7: the answer given first wins the tie");
        assertThat(Picks.majority(List.of(cand(0, "9", 1), cand(1, "8", 1), cand(2, "8", 1))).orElseThrow().note())
                .as("no tie").isEqualTo("2 of 3 votes for 8");
        assertThat(Picks.majority(List.of(cand(0, null, 1)))).isEmpty();
    }

    @Test
    void shortestAndLongestPickByGeneratedTokensAmongAnsweredCandidates() throws Exception {
        String[] answers = {"1", "2", "3", "none"};
        int[] thinking = {30, 5, 50, 1};
        BenchProblem p = BenchProblem.of("p", "q", "2");
        SweepRecord shortest = runOne(new BestOfN(BestOfN.Selection.SHORTEST, 4), p, List.of(LANE),
                endpoint(candidates(answers, thinking, x -> "")));
        assertThat(shortest.answer()).isEqualTo("2");
        assertThat(shortest.correct()).isTrue();
        assertThat(finished().note().english()).isEqualTo("shortest reasoning of 4 (5 thinking tokens)");

        events.clear();
        SweepRecord longest = runOne(new BestOfN(BestOfN.Selection.LONGEST, 4), p, List.of(LANE),
                endpoint(candidates(answers, thinking, x -> "")));
        assertThat(longest.answer()).isEqualTo("3");
        assertThat(longest.correct()).isFalse();
    }

    @Test
    void shortestAndLongestMeasureTheReasoningNotTheAnswersLength() throws Exception {
        // candidates 0 and 1 think as long (5 tokens with the end of thinking, as at a cap); 0 writes its answer in more tokens ("100" in 3
        // pieces); 2 thinks one token longer and answers briefly. By thinking + answer, 1 would be "shortest" for
        // writing a shorter number and 0 "longest" for a longer one.
        Function<String, ScriptedTestBackend> script = ignored -> new ScriptedTestBackend()
                .then("a", "b", "c", "d", "</think>").then("Final", " Answer", ":", " 1", "0", "0", "<|im_end|>")
                .then("a", "b", "c", "d", "</think>").then("Final", " Answer", ":", " 2", "<|im_end|>")
                .then("a", "b", "c", "d", "e", "</think>").then("Final", " Answer", ":", " 3", "<|im_end|>");
        BenchProblem p = BenchProblem.of("p", "q", "100");

        SweepRecord shortest = runOne(new BestOfN(BestOfN.Selection.SHORTEST, 3), p, List.of(LANE),
                rawEndpoint(script.apply("")));
        assertThat(finished().candidates()).extracting(Candidate::extracted).containsExactly("100", "2", "3");
        assertThat(shortest.answer()).as("a tie in reasoning goes to the earliest").isEqualTo("100");
        assertThat(finished().note().english()).isEqualTo("shortest reasoning of 3 (5 thinking tokens)");

        events.clear();
        SweepRecord longest = runOne(new BestOfN(BestOfN.Selection.LONGEST, 3), p, List.of(LANE),
                rawEndpoint(script.apply("")));
        assertThat(longest.answer()).isEqualTo("3");
        assertThat(finished().note().english()).isEqualTo("longest reasoning of 3 (6 thinking tokens)");
    }

    @Test
    void theVerifierScoresEachCandidateAndPicksTheBestScore() throws Exception {
        AnswerTestEngine engine = candidates(new String[] {"9", "12", "9"}, new int[] {4, 4, 4},
                prompt -> prompt.contains("Final Answer: 12") ? "Checked twice.\nScore: 9" : "Score: 2/10");
        SweepRecord r = runOne(new VerifierStrategy(3, null, new Budget.None()), BenchProblem.of("p", "q", "12"),
                List.of(LANE), endpoint(engine));

        assertThat(r.answer()).isEqualTo("12");
        assertThat(r.correct()).isTrue();
        List<RunSpec> judged = engine.started().stream().filter(s -> s.prompt().startsWith("You are checking"))
                .toList();
        assertThat(judged).hasSize(3).allSatisfy(s -> {
            assertThat(s.budget()).isEqualTo(new Budget.None());
            assertThat(s.sampling().temperature()).isZero();
            assertThat(s.prompt()).contains("Problem:\nq");
        });
        assertThat(finished().candidates()).extracting(Candidate::score).containsExactly(2.0, 9.0, 2.0);
        assertThat(r.thinkingTokens()).as("3 x 4 thinking + 2 other answers x 2 + 3 judges x 7").isEqualTo(37);
    }

    @Test
    void aJudgeThatFailsOnEveryCandidateFailsTheRunWithItsReason() throws Exception {
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> spec.prompt().startsWith("You are checking")
                ? Reply.fail(FailureKind.BAD_REQUEST, "no model named nope.gguf") : Reply.answer("Final Answer: 12", 4));
        SweepRecord r = runOne(new VerifierStrategy(3, "nope.gguf", null), BenchProblem.of("p", "q", "12"),
                List.of(LANE), endpoint(engine));

        assertThat(r.status()).as("not a majority vote passed off as the verifier's pick").isEqualTo("failed");
        assertThat(r.error()).isEqualTo("no model named nope.gguf");
        assertThat(finished().note().english()).isEqualTo("the judge failed on every candidate: no model named "
                + "nope.gguf");
        assertThat(finished().candidates()).hasSize(3);

        events.clear();
        AtomicInteger judged = new AtomicInteger();
        AnswerTestEngine once = new AnswerTestEngine("e", spec -> !spec.prompt().startsWith("You are checking")
                ? Reply.answer("Final Answer: 12", 4) : judged.incrementAndGet() == 1 ? Reply.answer("Score: 8", 2)
                : Reply.fail(FailureKind.UNREACHABLE, "judge server gone"));
        SweepRecord partly = runOne(new VerifierStrategy(3, null, null), BenchProblem.of("p", "q", "12"),
                List.of(LANE), endpoint(once));
        assertThat(partly.ok()).as("one verdict is a verdict").isTrue();
        assertThat(finished().note().english()).isEqualTo("verifier score 8");
    }

    @Test
    void judgeScoresAreReadFromTheReply() {
        assertThat(VerifierStrategy.score("Score: 7")).isEqualTo(7.0);
        assertThat(VerifierStrategy.score("score = 8.5 / 10")).isEqualTo(8.5);
        assertThat(VerifierStrategy.score("I'd say 6, maybe. Score: 3")).isEqualTo(3.0);
        assertThat(VerifierStrategy.score("It is right, 9 out of 10")).isEqualTo(10.0);
        assertThat(VerifierStrategy.score("Score: 40")).isEqualTo(10.0);
        assertThat(VerifierStrategy.score("looks fine")).isNull();
    }

    @Test
    void tiedScoresFallBackToTheMajorityAmongThemAndUnscoredLose() {
        List<Candidate> c = List.of(new Candidate(0, null, "3", 8.0, 1), new Candidate(1, null, "4", 8.0, 1),
                new Candidate(2, null, "4", 8.0, 1), new Candidate(3, null, "5", null, 1));
        Picks.Pick pick = Picks.bestScore(c, List.of()).orElseThrow();
        assertThat(pick.candidate().index()).isEqualTo(1);
        assertThat(pick.note()).contains("shared by 3 candidates");
    }

    @Test
    void withNoScoreReadTheMajorityPicksAndTheNoteQuotesTheJudge() {
        List<Candidate> c = List.of(new Candidate(0, null, "11", null, 1), new Candidate(1, null, "11", null, 1),
                new Candidate(2, null, "9", null, 1));
        Picks.Pick pick = Picks.bestScore(c, List.of(" ",
                "3+4=7\n</think>\nFinal Answer: 7 and then a long tail of more words"))
                .orElseThrow();
        assertThat(pick.candidate().index()).isZero();
        assertThat(pick.note()).isEqualTo("the judge gave no score that reads as one (it said \u201c3+4=7 </think> "
                + "Final Answer: 7 and then\u2026\u201d), so the majority picked: 2 of 3 votes for 11");
    }

    @Test
    void routingPicksTheRungOfTheProblemsDifficulty() throws Exception {
        List<Lane> ladder = List.of(new Lane("small", BudgetSpec.parse("tokens:8")),
                new Lane("medium", BudgetSpec.parse("tokens:32")), new Lane("large", BudgetSpec.parse("tokens:128")));
        Map<Integer, String> expected = Map.of(1, "tokens:8", 2, "tokens:8", 3, "tokens:32", 4, "tokens:32", 5, "tokens:128", 6, "tokens:128");
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            events.clear();
            AnswerTestEngine engine = candidates(new String[] {"1"}, new int[] {3}, p -> "");
            BenchProblem p = new BenchProblem("p", "q", "1", e.getKey(), List.of(), "", "");
            SweepRecord r = runOne(new RoutingStrategy(6), p, ladder, endpoint(engine));
            assertThat(engine.started()).singleElement()
                    .satisfies(s -> assertThat(s.budget().spec()).isEqualTo(e.getValue()));
            assertThat(r.label()).isEqualTo(SweepPlan.ROUTED);
            assertThat(r.budget()).isEqualTo(e.getValue());
        }
        assertThat(RoutingStrategy.rung(2, 6, 3)).isZero();
        assertThat(RoutingStrategy.rung(9, 6, 3)).isEqualTo(2);
    }

    @Test
    void routingWithoutADifficultyAsksTheModelToRateTheProblemFirst() throws Exception {
        List<Lane> ladder = List.of(new Lane("small", BudgetSpec.parse("tokens:8")),
                new Lane("large", BudgetSpec.parse("tokens:128")));
        AnswerTestEngine engine = new AnswerTestEngine("e", spec -> spec.prompt().startsWith("How hard")
                ? Reply.answer("4", 0) : Reply.answer("Final Answer: 1", 20));
        SweepRecord r = runOne(new RoutingStrategy(5), BenchProblem.of("p", "q", "1"), ladder, endpoint(engine));

        assertThat(engine.started()).extracting(s -> s.budget().spec()).containsExactly("none", "tokens:128");
        assertThat(r.budget()).isEqualTo("tokens:128");
        assertThat(r.thinkingTokens()).as("20 thinking + the rating's 2 tokens").isEqualTo(22);
        assertThat(finished().note().english()).isEqualTo("rated 4 of 5: routed to large");

        events.clear();
        AnswerTestEngine vague = new AnswerTestEngine("e", spec -> spec.prompt().startsWith("How hard")
                ? Reply.answer("it depends", 0) : Reply.answer("Final Answer: 1", 20));
        SweepRecord middle = runOne(new RoutingStrategy(5), new BenchProblem("p", "q", "1", null, List.of("hard"),
                "", ""), ladder, endpoint(vague));
        assertThat(middle.budget()).as("a hard tag needs no rating").isEqualTo("tokens:128");
        assertThat(vague.started()).hasSize(1);
    }

    @Test
    void adaptiveThinkingStopsWhenConsecutiveProbesAgreeAndAnswersWithTheProbe() throws Exception {
        ScriptedTestBackend backend = new ScriptedTestBackend()
                .then("3", "+", "4", "=", "7", "\n")   // thinking step 1 (capped at 4 tokens)
                .then(" 5", "<|im_end|>")               // probe 1
                .then("7", "\n", "7", "*", "2", "=")    // thinking step 2
                .then(" 14", "<|im_end|>")              // probe 2
                .then("14", "\n", "ok", "\n", "x", "y") // thinking step 3
                .then(" 14", "<|im_end|>");             // probe 3: agrees with probe 2
        RawAccess raw = new RawAccess(backend, ChatTemplates.CHATML_THINK);
        Endpoint endpoint = new Endpoint("builtin", ForcingReasoningEngine.over(backend, ChatTemplates.CHATML_THINK),
                raw, 1);
        AdaptiveStrategy adaptive = new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(4, 1, 2));
        SweepRecord r = runOne(adaptive, BenchProblem.of("p", "What is (3+4)*2?", "14"), List.of(LANE), endpoint);

        assertThat(r.correct()).isTrue();
        assertThat(r.answer()).isEqualTo("14");
        assertThat(backend.requests()).hasSize(6);
        assertThat(backend.requests().get(0).maxTokens()).isEqualTo(4);
        assertThat(backend.requests().get(0).stop()).containsExactly("</think>");
        assertThat(backend.prompts().get(1)).endsWith("<think>\n3+4=\n</think>\nFinal Answer:");
        assertThat(backend.prompts().get(2)).as("the probe left the trace untouched").endsWith("<think>\n3+4=");
        assertThat(r.thinkingTokens()).as("12 thinking + probes 1 and 2 (2 tokens each)").isEqualTo(16);
        assertThat(r.answerTokens()).isEqualTo(2);
        assertThat(finished().trace().thinking()).isEqualTo("3+4=7\n7*14\nok\n");
        assertThat(finished().candidates()).extracting(Candidate::extracted).containsExactly("5", "14", "14");
    }

    @Test
    void adaptiveThinkingStopsAtAConfidentProbeWhereTheEngineReportsProbabilities() throws Exception {
        ScriptedTestBackend backend = new ScriptedTestBackend()
                .then("3", "+", "4", "=", "7", "\n")                // thinking step 1 (capped at 4 tokens)
                .thenWithProbability(0.6, " 1", "4", "<|im_end|>")  // probe 1: "14", its tokens at 0.6
                .then("7", "*", "2", "=", "1", "4")                // thinking step 2
                .thenWithProbability(0.97, " 14", "<|im_end|>");    // probe 2: sure; agreement would need a third
        AdaptiveStrategy adaptive = new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(4, 1, 3)
                .withConfidence(0.9));
        SweepRecord r = runOne(adaptive, BenchProblem.of("p", "What is (3+4)*2?", "14"), List.of(LANE),
                rawEndpoint(backend));

        assertThat(r.answer()).isEqualTo("14");
        assertThat(backend.requests()).as("stopped at the second probe").hasSize(4);
        assertThat(backend.requests()).extracting(CompletionRequest::topLogprobs).as("only the probes ask for "
                + "probabilities").containsExactly(0, 1, 0, 1);
        assertThat(finished().candidates()).extracting(Candidate::score).satisfiesExactly(
                s -> assertThat(s).isCloseTo(0.6, within(1e-9)),
                s -> assertThat(s).isCloseTo(0.97, within(1e-9)));

        events.clear();
        ScriptedTestBackend agreeOnly = new ScriptedTestBackend()
                .then("3", "+", "4", "=", "7", "\n").thenWithProbability(0.99, " 14", "<|im_end|>")
                .then("7", "*", "2", "=", "1", "4").thenWithProbability(0.99, " 14", "<|im_end|>");
        runOne(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(4, 1, 2)), BenchProblem.of("p", "q", "14"),
                List.of(LANE), rawEndpoint(agreeOnly));
        assertThat(agreeOnly.requests()).extracting(CompletionRequest::topLogprobs).as("no confidence asked: no "
                + "probabilities").containsOnly(0);
        assertThat(finished().candidates()).extracting(Candidate::score).containsOnlyNulls();
    }

    @Test
    void aProbesConfidenceIsItsLeastLikelyToken() {
        assertThat(ProbeConfidence.LOWEST_TOKEN.of(List.of(logprob(0.99), logprob(0.4), logprob(0.9))).getAsDouble())
                .isCloseTo(0.4, within(1e-9));
        assertThat(ProbeConfidence.LOWEST_TOKEN.of(List.of())).as("no probabilities: unknown").isEmpty();
        assertThatThrownBy(() -> AdaptiveStrategy.Settings.agreeing(4, 1, 2).withConfidence(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AdaptiveStrategy.Settings.agreeing(4, 1, 2).withConfidence(null).confidence())
                .isSameAs(ProbeConfidence.NONE);
        assertThat(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(8, 1, 2).withConfidence(0.9)).settings())
                .as("what a result records, so a resume can tell").isEqualTo("probe every 8, stop when 2 agree or "
                        + "sure at 0.9");
        assertThat(new VerifierStrategy(3, "big", null).settings()).isEqualTo("3 candidates, judge big");
        assertThat(new FixedStrategy().settings()).isEmpty();
    }

    @Test
    void adaptiveThinkingLetsTheModelEndAndForcesTheAnswerAtTheCap() throws Exception {
        ScriptedTestBackend ends = new ScriptedTestBackend()
                .then("2", "+", "2", "</think>")
                .then("Final", " Answer", ":", " 4", "<|im_end|>");
        SweepRecord ended = runOne(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(8, 1, 2)),
                BenchProblem.of("p", "2+2?", "4"), List.of(LANE), rawEndpoint(ends));
        assertThat(ended.correct()).isTrue();
        assertThat(ends.requests()).hasSize(2);

        events.clear();
        ScriptedTestBackend capped = new ScriptedTestBackend()
                .thenEndless(10).then(" 1", "<|im_end|>")
                .thenEndless(10)
                .then(" 3", "<|im_end|>");
        SweepRecord forced = runOne(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(4, 1, 2)),
                BenchProblem.of("p", "hard", "3"), List.of(new Lane("cap8", BudgetSpec.parse("tokens:8"))),
                rawEndpoint(capped));
        assertThat(forced.answer()).isEqualTo("3");
        assertThat(capped.prompts().getLast()).endsWith("</think>\nFinal Answer:");
        assertThat(finished().trace().segments()).isNotEmpty();
        assertThat(capped.requests()).as("thinking, probe at 4, thinking to the cap, the forced answer: no probe at "
                + "the cap, where the forced answer asks the same trace the same question").hasSize(4);
        assertThat(finished().candidates()).extracting(Candidate::extracted).containsExactly("1");
        assertThat(forced.thinkingTokens()).as("8 thinking + 1 probe of 2").isEqualTo(10);

        events.clear();
        ScriptedTestBackend probesPastTheCap = new ScriptedTestBackend().thenEndless(10).then(" 5", "<|im_end|>");
        SweepRecord noProbe = runOne(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(16, 1, 2)),
                BenchProblem.of("p", "hard", "5"), List.of(new Lane("cap8", BudgetSpec.parse("tokens:8"))),
                rawEndpoint(probesPastTheCap));
        assertThat(probesPastTheCap.requests()).as("a probe interval past the cap: thinking, then the answer")
                .hasSize(2);
        assertThat(noProbe.thinkingTokens()).as("as a fixed run at the cap costs").isEqualTo(8);
    }

    @Test
    void adaptiveThinkingNeedsARawEngine() throws Exception {
        AnswerTestEngine chat = candidates(new String[] {"1"}, new int[] {1}, p -> "");
        SweepRecord r = runOne(new AdaptiveStrategy(AdaptiveStrategy.Settings.agreeing(4, 1, 2)),
                BenchProblem.of("p", "q", "1"), List.of(LANE), endpoint(chat));
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.error()).contains("raw-continuation engine");
        assertThat(chat.started()).isEmpty();
    }

    @Test
    void stopRulesAgreeOnReadableAnswersOrTrustAConfidentProbe() {
        StopRule two = StopRule.agreement(2);
        assertThat(two.stop(List.of(probe("7", 0)))).isFalse();
        assertThat(two.stop(List.of(probe("5", 0), probe("7", 0), probe("7.0", 0)))).isTrue();
        assertThat(two.stop(List.of(probe(null, 0), probe(null, 0)))).isFalse();
        StopRule confident = StopRule.confidence(0.9);
        assertThat(confident.stop(List.of(probe("7", 0.95)))).isTrue();
        assertThat(confident.stop(List.of(probe("7", 0.5)))).isFalse();
        assertThat(confident.stop(List.of(new Probe(4, "x", "7", 1, java.util.OptionalDouble.empty())))).isFalse();
        assertThat(two.or(confident).stop(List.of(probe("3", 0.99)))).isTrue();
        assertThat(ProbeConfidence.NONE.of(null)).isEmpty();
    }

    @Test
    void everyNameMakesItsStrategy() {
        Strategies.Options options = Strategies.Options.defaults().withMaxDifficulty(6);
        for (String name : Strategies.NAMES) {
            assertThat(Strategies.named(name, options).name()).isEqualTo(name);
        }
        assertThat(((BestOfN) Strategies.named("majority", options)).candidates()).isEqualTo(5);
        assertThatThrownBy(() -> Strategies.named("beam", options))
                .hasMessageContaining("unknown strategy 'beam'").hasMessageContaining("majority");
    }

    @Test
    void aCandidateThatFailsIsLeftOutAndAllFailingFailsTheRun() throws Exception {
        AnswerTestEngine someFail = new AnswerTestEngine("e", spec -> spec.sampling().seed() == 100L
                ? Reply.fail(FailureKind.BAD_REQUEST, "nope") : Reply.answer("Final Answer: 4", 3));
        SweepRecord r = runOne(new BestOfN(BestOfN.Selection.MAJORITY, 3), BenchProblem.of("p", "q", "4"),
                List.of(LANE), endpoint(someFail));
        assertThat(r.correct()).isTrue();
        assertThat(finished().note().english()).isEqualTo("2 of 3 votes for 4");

        events.clear();
        AnswerTestEngine allFail = new AnswerTestEngine("e", spec -> Reply.fail(FailureKind.BAD_REQUEST, "nope"));
        SweepRecord failed = runOne(new BestOfN(BestOfN.Selection.MAJORITY, 3), BenchProblem.of("p", "q", "4"),
                List.of(LANE), endpoint(allFail));
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("nope");
        assertThat(finished().note().english()).isEqualTo("every candidate failed");
    }

    private static Endpoint rawEndpoint(ScriptedTestBackend backend) {
        return new Endpoint("builtin", ForcingReasoningEngine.over(backend, ChatTemplates.CHATML_THINK),
                new RawAccess(backend, ChatTemplates.CHATML_THINK), 1);
    }

    private static Candidate cand(int i, String answer, int tokens) {
        return new Candidate(i, null, answer, null, tokens);
    }

    private static TokenLogprob logprob(double p) {
        return new TokenLogprob("x", 0, Math.log(p), List.of());
    }

    private static Probe probe(String answer, double confidence) {
        return new Probe(4, answer == null ? "" : answer, answer, 1, confidence == 0
                ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(confidence));
    }
}
