package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaSampler;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model with a recurrent state (a tiny Mamba written by {@link TinyGguf#writeMamba}; Qwen3.5 and the other hybrids
 * keep one beside their attention): llama.cpp copies such a sequence's whole state whatever range is asked and cannot
 * cut one short, so a prompt that shares only the start of what a sequence holds is evaluated from the beginning
 * (never forked at the cut), and one that continues all of it (a Wait step) evaluates only its new tokens. Every text
 * is the one a fresh context gives.
 */
class ContinuousBatchRecurrentTest {

    @TempDir
    static Path dir;
    private static Path mamba;

    private MicroBatchFixture f;

    @BeforeAll
    static void write() throws IOException {
        mamba = TinyGguf.writeMamba(dir.resolve("mamba-tiny.gguf"));
    }

    @BeforeEach
    void load() {
        f = new MicroBatchFixture(mamba, 2);
        assertThat(f.model.keepsRecurrentState()).isTrue();
    }

    @AfterEach
    void free() {
        f.close();
    }

    @Test
    void aPromptSharingTheStartOfALongerTraceIsEvaluatedWholeNotForkedFromTheTrace() {
        int[] prompt = prompt("Let x=2. Let y=");
        String fresh = fresh(greedy(prompt, 24)).text();
        MicroBatchFixture.Finished first = f.finish(1, greedy(prompt, 24));
        assertThat(first.text()).isEqualTo(fresh);
        assertThat(first.done().tokens()).as("long enough to fork from").isGreaterThan(SequenceSlots.FORK_MIN_TAIL);

        MicroBatchFixture.Finished again = f.finish(2, greedy(prompt, 24));
        assertThat(again.text()).as("the state after the prompt, not after the first trace").isEqualTo(fresh);
        assertThat(again.done().promptTokensEvaluated()).isEqualTo(prompt.length);
    }

    @Test
    void promptsRunTogetherFromOnePromptEachReadItThemselves() {
        int[] prompt = prompt("Let x=2. Let y=");
        String fresh = fresh(greedy(prompt, 12)).text();
        f.clearEvents();
        f.running.add(1, greedy(prompt, 12), f.replies);
        f.running.add(2, greedy(prompt, 12), f.replies);
        f.running.add(3, greedy(prompt, 12), f.replies);
        f.stepToEnd();
        for (long id = 1; id <= 3; id++) {
            assertThat(f.textOf(id)).as("completion %d", id).isEqualTo(fresh);
        }
    }

    @Test
    void aWaitStepContinuesTheWholeTraceEvaluatingOnlyItsNewTokens() {
        int[] prompt = prompt("Let x=2. Let y=");
        f.finish(1, greedy(prompt, 20));
        int held = IntStream.range(0, f.slots.size()).filter(s -> f.slots.length(s) > prompt.length).findFirst()
                .orElseThrow();
        int[] trace = f.slots.tokens(held);
        int[] wait = f.model.vocab().tokenize("Wait", false, true);
        int[] next = IntStream.concat(Arrays.stream(trace), Arrays.stream(wait)).toArray();

        MicroBatchFixture.Finished step = f.finish(2, greedy(next, 12));
        assertThat(step.done().promptTokensEvaluated()).as("only the inserted tokens").isEqualTo(wait.length);
        assertThat(step.text()).isEqualTo(fresh(greedy(next, 12)).text());
    }

    @Test
    void aSmallerGreedyBudgetAfterALargerOneDecodesWhatAFreshContextDecodes() {
        int[] prompt = prompt("Let x=2. Let y=");
        f.finish(1, replaying(prompt, 24));
        MicroBatchFixture.Finished smaller = f.finish(2, replaying(prompt, 8));
        assertThat(smaller.text()).isEqualTo(fresh(greedy(prompt, 8)).text());
    }

    @Test
    void aTransformerKeepsNoRecurrentState() {
        try (MicroBatchFixture micro = new MicroBatchFixture(1)) {
            assertThat(micro.model.keepsRecurrentState()).isFalse();
        }
    }

    private int[] prompt(String text) {
        return f.model.vocab().tokenize(text, true, true);
    }

    private static MicroBatchFixture.Finished fresh(ContinuousBatch.Spec spec) {
        try (MicroBatchFixture never = new MicroBatchFixture(mamba, 2)) {
            return never.finish(1, spec);
        }
    }

    private static ContinuousBatch.Spec greedy(int[] prompt, int cap) {
        return new ContinuousBatch.Spec(prompt, cap, List.of(), LlamaSampler.Settings.greedy(), 0, true, false);
    }

    private static ContinuousBatch.Spec replaying(int[] prompt, int cap) {
        return new ContinuousBatch.Spec(prompt, cap, List.of(), LlamaSampler.Settings.greedy(), 0, true, true);
    }
}
