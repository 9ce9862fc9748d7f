package dev.thinkbench.lab;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.testing.AnswerTestEngine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Best-of-N as live columns: candidates differ by seed and are picked with best-of-N's own selection. */
class CandidateRoundTest {

    private static final RunSpec BASE = new RunSpec("What is 6 x 7?", "", "m", new Budget.None(),
            new Sampling(0.8, null, 100L, null));

    /** Seed 100 and 101 answer 42 after 30 thinking tokens, seed 102 answers 41 after 5; the judge likes 41. */
    private static AnswerTestEngine engine() {
        return new AnswerTestEngine("t", spec -> {
            if (spec.prompt().contains("Proposed answer")) {
                return AnswerTestEngine.Reply.answer(spec.prompt().contains("Final Answer: 41") ? "Score: 9"
                        : "Score: 2", 1);
            }
            return spec.sampling().seed() == 102 ? AnswerTestEngine.Reply.answer("Final Answer: 41", 5)
                    : AnswerTestEngine.Reply.answer("Final Answer: 42", 30);
        });
    }

    private static CandidateRound.Outcome round(AnswerTestEngine engine, CandidateRound.Selection selection)
            throws Exception {
        CandidateRound round = CandidateRound.start(engine, PriceTable.empty(), BASE, new Budget.Tokens(64), 3,
                selection, "42");
        assertThat(round.comparison().runs()).extracting(r -> r.lane().label()).containsExactly("#1", "#2", "#3");
        return round.pick().get(10, TimeUnit.SECONDS);
    }

    @Test
    void candidatesRunOneBudgetWithTheSeedOffsetPerColumnAndTheMajorityWins() throws Exception {
        AnswerTestEngine engine = engine();
        CandidateRound.Outcome outcome = round(engine, CandidateRound.Selection.MAJORITY);

        assertThat(engine.started()).extracting(s -> s.sampling().seed()).containsExactlyInAnyOrder(100L, 101L, 102L);
        assertThat(engine.started()).allSatisfy(s -> assertThat(s.budget()).isEqualTo(new Budget.Tokens(64)));
        assertThat(outcome.candidates()).extracting(Candidate::extracted).containsExactly("42", "42", "41");
        assertThat(outcome.pick()).hasValueSatisfying(p -> {
            assertThat(p.candidate().index()).isZero();
            assertThat(p.note()).isEqualTo("2 of 3 votes for 42");
        });
        assertThat(outcome.judges()).isEmpty();
    }

    @Test
    void theShortestReasoningAndTheVerifiersPickAreMarked() throws Exception {
        assertThat(round(engine(), CandidateRound.Selection.SHORTEST).pick())
                .hasValueSatisfying(p -> assertThat(p.candidate().index()).isEqualTo(2));

        AnswerTestEngine engine = engine();
        CandidateRound.Outcome verified = round(engine, CandidateRound.Selection.VERIFIER);
        assertThat(verified.judges()).hasSize(3);
        assertThat(verified.candidates()).extracting(Candidate::score).containsExactly(2.0, 2.0, 9.0);
        assertThat(verified.pick()).hasValueSatisfying(p -> {
            assertThat(p.candidate().index()).isEqualTo(2);
            assertThat(p.note()).startsWith("verifier score 9");
        });
        assertThat(engine.started()).filteredOn(s -> s.prompt().contains("Proposed answer"))
                .allSatisfy(s -> assertThat(s.sampling().temperature()).isZero());

        AnswerTestEngine judged = engine();
        CandidateRound withJudge = CandidateRound.start(judged, PriceTable.empty(), BASE, new Budget.Tokens(64), 3,
                CandidateRound.Selection.VERIFIER, "42", null, " big-judge ");
        assertThat(withJudge.pick().get(10, TimeUnit.SECONDS).pick()).isPresent();
        assertThat(judged.started()).filteredOn(s -> s.prompt().contains("Proposed answer")).hasSize(3)
                .allSatisfy(s -> assertThat(s.model()).isEqualTo("big-judge"));
        assertThat(judged.started()).filteredOn(s -> !s.prompt().contains("Proposed answer"))
                .allSatisfy(s -> assertThat(s.model()).isEqualTo(BASE.model()));
        AnswerTestEngine noJudge = new AnswerTestEngine("e", spec -> spec.prompt().contains("Proposed answer")
                ? AnswerTestEngine.Reply.fail(dev.thinkbench.core.FailureKind.BAD_REQUEST, "no model named nope")
                : AnswerTestEngine.Reply.answer("Final Answer: 42", 5));
        CandidateRound.Outcome failed = CandidateRound.start(noJudge, PriceTable.empty(), BASE,
                new Budget.Tokens(64), 3, CandidateRound.Selection.VERIFIER, "42", null, "nope")
                .pick().get(10, TimeUnit.SECONDS);
        assertThat(failed.pick()).as("no verdict, no pick").isEmpty();
        assertThat(failed.judgeFailure()).isEqualTo("no model named nope");
    }
}
