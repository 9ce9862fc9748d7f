package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaSampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cached trace left idle while another completion generates alone moves out of the KV cache into memory (its cells
 * would cost every step of that decode), on two threads and on one, and comes back when a prompt uses it: continued
 * in place, forked, or replayed, with the same text as if it had never left and nothing evaluated again; batched
 * steps leave it in place. All on the micro model without the {@link LoneContext} it would decode alone in, as a model
 * above {@link LlamaSession#LONE_CONTEXT_PARAMETERS} runs.
 */
class ContinuousBatchMemoryTest {

    private static final String QUESTION = "Ann has 20 books. She buys 3 more books. How many books does Ann have?";
    private static final String OTHER = "Bob has 5 pens. He finds 2 more pens. He loses 4 pens. How many pens does "
            + "Bob have now?";

    private MicroBatchFixture f;

    @BeforeEach
    void load() {
        f = MicroBatchFixture.sharedOnly(2);
    }

    @AfterEach
    void free() {
        f.close();
    }

    @Test
    void anIdleTraceMovesToMemoryOnlyAfterOthersDecodeForAWhileAndComesBackForItsNextStep() {
        int[] prompt = f.prompt(QUESTION);
        MicroBatchFixture.Finished first = f.finish(1, greedy(prompt, 24, false));
        int held = holding(prompt);
        int[] trace = f.slots.tokens(held);

        f.running.add(2, greedy(f.prompt(OTHER), 60, false), f.replies);
        f.running.step(x -> false);
        assertThat(f.slots.memoryState(held)).as("just ended: still in the cache").isNull();
        assertThat(f.ctx.maxPosition(held)).isEqualTo(trace.length - 1);

        f.advance(ContinuousBatch.KEEP_IN_CACHE_MS + 1);
        f.running.step(x -> false);
        assertThat(f.slots.memoryState(held)).as("idle while another decodes: in memory").isNotNull();
        assertThat(f.ctx.maxPosition(held)).as("no cell of it left in the cache").isEqualTo(-1);
        assertThat(f.slots.tokens(held)).as("what it holds is still known").isEqualTo(trace);
        f.stepToEnd();

        // a Wait step: the trace and a few tokens more
        int[] wait = f.model.vocab().tokenize("Wait", false, true);
        int[] next = IntStream.concat(Arrays.stream(trace), Arrays.stream(wait)).toArray();
        MicroBatchFixture.Finished step = f.finish(3, greedy(next, 16, false));
        assertThat(step.done().promptTokensEvaluated()).as("only the inserted tokens evaluated")
                .isEqualTo(wait.length);
        assertThat(f.slots.memoryState(held)).as("back in the cache").isNull();
        assertThat(f.slots.memoryBytes()).isZero();

        try (MicroBatchFixture never = MicroBatchFixture.sharedOnly(2)) {
            assertThat(never.finish(1, greedy(prompt, 24, false)).text()).isEqualTo(first.text());
            assertThat(never.finish(3, greedy(next, 16, false)).text()).as("the same text as a trace that never "
                    + "left").isEqualTo(step.text());
        }
    }

    @Test
    void aTraceInMemoryIsCopiedForAPromptThatBranchesOffIt() {
        int[] prompt = f.prompt(QUESTION);
        MicroBatchFixture.Finished first = f.finish(1, greedy(prompt, 24, false));
        moveIdleTracesToMemory();
        assertThat(f.slots.memoryBytes()).isPositive();

        MicroBatchFixture.Finished again = f.finish(3, greedy(prompt, 24, false));
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.done().promptTokensEvaluated()).as("only the prompt's last token, for its logits")
                .isEqualTo(1);
    }

    @Test
    void aLongerBudgetReplaysTheThinkingOfAShorterOneFromMemory() {
        int[] prompt = f.prompt(QUESTION);
        f.finish(1, replaying(prompt, 12));
        moveIdleTracesToMemory();
        assertThat(f.slots.memoryBytes()).isPositive();
        MicroBatchFixture.Finished large = f.finish(3, replaying(prompt, 40));

        assertThat(large.done().promptTokensEvaluated()).isZero();
        assertThat(large.done().decodeSteps()).as("only what follows the 11 tokens the small budget evaluated")
                .isEqualTo(large.done().tokens() - 11);
        try (MicroBatchFixture never = MicroBatchFixture.sharedOnly(2)) {
            assertThat(large.text()).as("the same text as decoding it all").isEqualTo(never.finish(1,
                    greedy(prompt, 40, false)).text());
        }
    }

    @Test
    void batchedStepsLeaveIdleTracesInTheCache() {
        int[] prompt = f.prompt(QUESTION);
        f.finish(1, greedy(prompt, 24, false));
        int held = holding(prompt);
        f.running.add(2, greedy(f.prompt(OTHER), 60, false), f.replies);
        f.running.add(3, greedy(f.prompt("Cat has 9 cups. She breaks 2 cups. How many cups does Cat have?"), 60,
                false), f.replies);
        f.running.step(x -> false);
        f.advance(ContinuousBatch.KEEP_IN_CACHE_MS + 1);
        f.running.step(x -> false);
        assertThat(f.slots.memoryState(held)).as("two generate together: their traces come back soon").isNull();
        f.stepToEnd();
    }

    @Test
    void aLoneDecodeOnOneThreadMovesIdleTracesToMemoryToo() {
        try (MicroBatchFixture oneThread = MicroBatchFixture.sharedOnly(1)) {
            int[] prompt = oneThread.prompt(QUESTION);
            oneThread.finish(1, greedy(prompt, 24, false));
            int kept = IntStream.range(0, oneThread.slots.size()).filter(s -> oneThread.slots.length(s) > 0)
                    .findFirst().orElseThrow();
            oneThread.running.add(2, greedy(oneThread.prompt(OTHER), 60, false), oneThread.replies);
            oneThread.running.step(x -> false);
            assertThat(oneThread.slots.memoryState(kept)).as("just ended: still in the cache").isNull();
            oneThread.advance(ContinuousBatch.KEEP_IN_CACHE_MS + 1);
            oneThread.running.step(x -> false);
            assertThat(oneThread.slots.memoryState(kept)).as("idle below a lone decode: in memory").isNotNull();
            assertThat(oneThread.ctx.maxPosition(kept)).isEqualTo(-1);
            oneThread.stepToEnd();
        }
    }

    @Test
    void aLoneDecodeMovesDownIntoTheFreedCellsOnceTheOthersLeaveAndWritesTheSameText() {
        int[] question = f.prompt(QUESTION);
        int[] longOther = f.prompt(OTHER.repeat(12));
        assertThat(longOther.length).as("more cells beside it than llama.cpp pads to")
                .isGreaterThan(ContinuousBatch.PACK_MIN_CELLS);
        f.clearEvents();
        f.running.add(1, greedy(question, 200, false), f.replies);
        f.running.add(2, greedy(longOther, 4, false), f.replies);
        while (f.events.stream().noneMatch(e -> e instanceof HostEvent.Done d && d.id() == 2)) {
            f.running.step(x -> false);
        }
        f.running.step(x -> false);
        assertThat(f.running.packs()).as("the other's trace is still in the cache").isZero();

        f.advance(ContinuousBatch.KEEP_IN_CACHE_MS + 1);
        f.running.step(x -> false);
        assertThat(f.running.packs()).as("alone in the cache: moved down once").isEqualTo(1);
        f.running.step(x -> false);
        assertThat(f.running.packs()).as("and only once").isEqualTo(1);
        f.stepToEnd();
        String text = f.textOf(1);

        try (MicroBatchFixture alone = MicroBatchFixture.sharedOnly(2)) {
            MicroBatchFixture.Finished never = alone.finish(1, greedy(question, 200, false));
            assertThat(alone.running.packs()).as("nothing ever beside it").isZero();
            assertThat(text).as("the same text as a decode that never shared the cache").isEqualTo(never.text());
        }
    }

    @Test
    void aLoneDecodeStaysWhereItIsWhileATraceBesideItIsStillInTheCache() {
        int[] longOther = f.prompt(OTHER.repeat(12));
        f.finish(1, greedy(longOther, 4, false));
        f.running.add(2, greedy(f.prompt(QUESTION), 200, false), f.replies);
        for (int i = 0; i < 5; i++) {
            f.running.step(x -> false);
        }
        assertThat(f.running.packs()).as("the idle trace below has not moved out yet").isZero();
        f.stepToEnd();
    }

    /** Runs another completion past the time an idle trace stays in the cache. */
    private void moveIdleTracesToMemory() {
        f.running.add(2, greedy(f.prompt(OTHER), 60, false), f.replies);
        f.running.step(x -> false);
        f.advance(ContinuousBatch.KEEP_IN_CACHE_MS + 1);
        f.running.step(x -> false);
        f.stepToEnd();
    }

    private int holding(int[] prompt) {
        return IntStream.range(0, f.slots.size()).filter(s -> f.slots.length(s) > prompt.length
                && Arrays.equals(f.slots.tokens(s), 0, prompt.length, prompt, 0, prompt.length)).findFirst()
                .orElseThrow();
    }

    private static ContinuousBatch.Spec greedy(int[] prompt, int cap, boolean replay) {
        return new ContinuousBatch.Spec(prompt, cap, List.of(), LlamaSampler.Settings.greedy(), 0, true, replay);
    }

    private static ContinuousBatch.Spec replaying(int[] prompt, int cap) {
        return greedy(prompt, cap, true);
    }
}
