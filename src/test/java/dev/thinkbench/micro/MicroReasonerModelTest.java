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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed micro reasoner through the app's own path: GGUF validation, the built-in engine (llama.cpp in its
 * child JVM), the s1 forcer with {@code chatml-think}, greedy, graded by the sweeps' grader, on a fixed held-out
 * subset (the first 18 held-out problems, three per difficulty).
 */
@Timeout(300)
class MicroReasonerModelTest {

    static final List<Problem> SUBSET = ProblemSplit.heldOut(18);
    /** About half of the 7 the committed model rescues here, a margin for other CPUs' rounding. */
    static final int RESCUED_AT_LEAST = 4;
    static MicroRunner runner;

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
                .contains("<|im_start|>", "<|im_end|>", "<think>", "</think>", "<0x0A>");
        assertThat(file.parameterCount()).isBetween(500_000L, 5_000_000L);
    }

    @Test
    void aLargeThinkingBudgetBeatsNoThinkingByAWideMargin() {
        int none = 0;
        int large = 0;
        for (Problem p : SUBSET) {
            none += runner.run(p, null).correct() ? 1 : 0;
            MicroRunner.Attempt a = runner.run(p, MicroRunner.capped(256));
            large += a.correct() ? 1 : 0;
            assertThat(a.thinking()).as(p.id()).contains("=");
        }
        assertThat(large).as("right with 256 thinking tokens, of %d", SUBSET.size()).isGreaterThanOrEqualTo(14);
        assertThat(none).as("right with no thinking, of %d", SUBSET.size()).isLessThanOrEqualTo(large - 9);
    }

    @Test
    void oneWaitAfterAPrematureStopRescuesSomeProblems() throws Exception {
        int wrongWhenStopped = 0;
        int rescued = 0;
        for (Problem p : SUBSET.stream().filter(p -> p.difficulty() >= 2).toList()) {
            MicroRunner.EarlyStop e = runner.earlyStop(p, 1);
            if (!e.stoppedCorrect()) {
                wrongWhenStopped++;
                rescued += e.waitedCorrect() ? 1 : 0;
            }
        }
        System.out.printf("premature stop after one line: %d wrong, one Wait rescued %d%n", wrongWhenStopped, rescued);
        assertThat(wrongWhenStopped).as("wrong when stopped after one line, of 15").isGreaterThanOrEqualTo(12);
        assertThat(rescued).as("rescued by one Wait, of %d", wrongWhenStopped).isGreaterThanOrEqualTo(RESCUED_AT_LEAST);
    }

    @Test
    void cuttingThinkingShortHurtsTheHardestProblems() {
        List<Problem> hardest = SUBSET.stream().filter(p -> p.difficulty() >= 5).toList();
        int shortCap = 0;
        int fullCap = 0;
        for (Problem p : hardest) {
            MicroRunner.Attempt cut = runner.run(p, MicroRunner.capped(16));
            assertThat(cut.thinkingTokens()).isLessThanOrEqualTo(16);
            shortCap += cut.correct() ? 1 : 0;
            fullCap += runner.run(p, MicroRunner.capped(256)).correct() ? 1 : 0;
        }
        assertThat(fullCap).isGreaterThan(shortCap);
    }
}
