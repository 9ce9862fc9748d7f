package dev.thinkbench.micro;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.engine.local.gguf.GgufFile;
import dev.thinkbench.engine.local.gguf.GgufReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed micro reasoner through the app's own path: GGUF validation, the built-in engine (llama.cpp in its
 * child JVM), the s1 forcer with {@code chatml-think}, greedy, graded by the sweeps' grader, on fixed held-out
 * subsets (the first 16 widened problems, four per operation count, and the first 12 of the first model's set) and
 * a few prompts outside the task. Margins sit below the committed model's measured counts (noted per test) so that
 * another CPU's rounding cannot flip them.
 */
@Timeout(600)
class MicroReasonerModelTest {

    static final List<Problem> WORDS = ProblemSplit.heldOutWords(16);
    static final List<Problem> LEGACY = ProblemSplit.heldOut(12);
    static final List<Problem> SUBSET = concat(WORDS, LEGACY);
    static MicroRunner runner;

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @BeforeAll
    static void start() {
        runner = new MicroRunner(MicroRunner.MODEL);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void committedModelIsASmallLlamaGgufWithTheChatAndThinkingTokens() throws Exception {
        assertThat(Files.size(MicroRunner.MODEL)).isLessThanOrEqualTo(20L * 1024 * 1024);
        GgufFile file = GgufReader.readAll(MicroRunner.MODEL);
        assertThat(file.architecture()).isEqualTo("llama");
        assertThat(List.<Object>copyOf(file.array("tokenizer.ggml.tokens").values()))
                .contains("<|im_start|>", "<|im_end|>", "<think>", "</think>", "<0x0A>", "\u2581marbles");
        assertThat(file.parameterCount()).isBetween(500_000L, 5_000_000L);
    }

    @Test
    void aLargeThinkingBudgetBeatsNoThinkingByAWideMarginAndNoRealProblemIsRefused() {
        int none = 0;
        int large = 0;
        for (Problem p : SUBSET) {
            none += runner.run(p, null).correct() ? 1 : 0;
            MicroRunner.Attempt a = runner.run(p, MicroRunner.capped(256));
            large += a.correct() ? 1 : 0;
            assertThat(a.refused()).as(p.id()).isFalse();
            assertThat(a.thinking()).as(p.id()).contains("=");
        }
        assertThat(large).as("right with 256 thinking tokens, of %d", SUBSET.size()).isGreaterThanOrEqualTo(LARGE_AT_LEAST);
        assertThat(none).as("right with no thinking, of %d", SUBSET.size()).isLessThanOrEqualTo(large - 15);
    }

    @Test
    void promptsOutsideTheTaskGetTheFixedRefusal() {
        List<String> prompts = List.of("What is the capital of France?", "Hi!", "Tell me a joke.",
                "프랑스의 수도는 어디입니까?", "Ann has some apples. She buys 5 more. How many apples does Ann have now?",
                "Write a poem about the ocean.");
        int refused = 0;
        for (String q : prompts) {
            MicroRunner.Attempt a = runner.run(MicroRunner.Case.outOfScope("q", q, "test"), MicroRunner.capped(256));
            refused += a.refused() ? 1 : 0;
            assertThat(a.thinking().lines().count()).as(q).isLessThanOrEqualTo(2);
        }
        assertThat(refused).as("refused, of %d", prompts.size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void oneWaitAfterAFinishedScratchpadKeepsTheRightAnswer() {
        int rightAtEnd = 0;
        int kept = 0;
        for (Problem p : WORDS) {
            MicroRunner.Attempt a = runner.run(p, MicroRunner.capped(256));
            if (a.endedItself() && a.correct()) {
                rightAtEnd++;
                MicroRunner.Attempt waited = runner.run(p, MicroRunner.oneWait(a.thinkingTokens() + 1, 320));
                kept += waited.correct() ? 1 : 0;
                assertThat(waited.thinking()).as(p.id()).contains("Wait");
            }
        }
        assertThat(rightAtEnd).isGreaterThanOrEqualTo(LARGE_AT_LEAST / 2);
        assertThat(kept).as("kept right after one more Wait, of %d", rightAtEnd).isGreaterThanOrEqualTo(rightAtEnd - 1);
    }

    @Test
    void oneWaitAfterAPrematureStopRescuesSomeProblems() throws Exception {
        int wrongWhenStopped = 0;
        int rescued = 0;
        for (Problem p : SUBSET.stream().filter(p -> p.steps().size() >= 2).toList()) {
            MicroRunner.EarlyStop e = runner.earlyStop(p, 1);
            if (!e.stoppedCorrect()) {
                wrongWhenStopped++;
                rescued += e.waitedCorrect() ? 1 : 0;
            }
        }
        System.out.printf("premature stop after one line: %d wrong, one Wait rescued %d%n", wrongWhenStopped, rescued);
        assertThat(wrongWhenStopped).as("wrong when stopped after one line").isGreaterThanOrEqualTo(15);
        assertThat(rescued).as("rescued by one Wait, of %d", wrongWhenStopped).isGreaterThanOrEqualTo(RESCUED_AT_LEAST);
    }

    @Test
    void cuttingThinkingShortHurtsTheHardestProblems() {
        List<Problem> hardest = WORDS.stream().filter(p -> p.difficulty() >= 3).toList();
        int shortCap = 0;
        int fullCap = 0;
        for (Problem p : hardest) {
            MicroRunner.Attempt cut = runner.run(p, MicroRunner.capped(16));
            assertThat(cut.thinkingTokens()).isLessThanOrEqualTo(16);
            shortCap += cut.correct() ? 1 : 0;
            fullCap += runner.run(p, MicroRunner.capped(256)).correct() ? 1 : 0;
        }
        assertThat(fullCap).isGreaterThan(shortCap + 3);
    }

    /** Measured on the committed model: 26 of 28 right at 256 tokens (0 with no thinking). */
    static final int LARGE_AT_LEAST = 24;
    /** Measured: 24 wrong when stopped after one line, 15 of them rescued by one Wait; 15 of 15 kept after a Wait. */
    static final int RESCUED_AT_LEAST = 12;
}
