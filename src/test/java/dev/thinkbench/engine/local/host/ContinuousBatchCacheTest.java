package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaSampler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the KV cache keeps between completions: traces of the problem at hand, not those of finished ones. */
class ContinuousBatchCacheTest {

    @Test
    void idleTracesOfOtherProblemsAreDroppedButTheRecentAndTheRelatedStay() {
        try (MicroBatchFixture f = new MicroBatchFixture()) {
            SequenceSlots slots = f.slots;
            int[] first = f.prompt("Mark has 173 dollars. He pays 49 dollars for a plant. How many dollars does "
                    + "Mark have now?");
            run(f, 1, first);
            for (int p = 0; p < ContinuousBatch.KEEP_RECENT + 4; p++) {
                run(f, 10 + p, f.prompt("Ann has " + (20 + p) + " books. She buys " + (3 + p)
                        + " more books. How many books does Ann have?"));
            }
            int held = (int) IntStream.range(0, slots.size()).filter(s -> slots.length(s) > 0).count();
            assertThat(held).as("the most recent traces, all of other problems than the last one's")
                    .isEqualTo(ContinuousBatch.KEEP_RECENT + 1);
            assertThat(IntStream.range(0, slots.size()).noneMatch(s -> startsWith(slots.tokens(s), first)))
                    .as("the first problem's trace is gone").isTrue();

            // the budgets of one problem: each one's trace stays while another of them runs
            int[] again = f.prompt("Mark has 173 dollars. He pays 49 dollars for a plant. How many dollars does "
                    + "Mark have now?");
            for (int b = 0; b < 6; b++) {
                f.running.add(100 + b, new ContinuousBatch.Spec(again, 4 + 4 * b, List.of(),
                        LlamaSampler.Settings.greedy(), 0, true, true), f.replies);
            }
            f.stepToEnd();
            long sharing = IntStream.range(0, slots.size()).filter(s -> startsWith(slots.tokens(s), again)).count();
            assertThat(sharing).as("one problem's six budgets keep their traces").isEqualTo(6);
        }
    }

    @Test
    void aTraceAnotherSequenceHoldsAsWellIsDroppedWhenTheNextCompletionStarts() {
        try (MicroBatchFixture f = new MicroBatchFixture()) {
            SequenceSlots slots = f.slots;
            int[] prompt = f.prompt("Ann has 20 books. She buys 3 more books. How many books does Ann have?");
            // each greedy run forks the last one's trace at the end of the prompt and decodes its own 16 tokens
            // (no replay): copies of one trace
            for (int i = 0; i < 4; i++) {
                run(f, i, prompt, 16, false);
            }
            assertThat(holding(slots, prompt)).as("one copy left beside the last run's own").isEqualTo(2);

            run(f, 10, prompt, 16, false);
            assertThat(holding(slots, prompt)).isEqualTo(2);
            int shorter = IntStream.range(0, slots.size()).filter(s -> startsWith(slots.tokens(s), prompt))
                    .map(slots::length).min().orElseThrow();
            // a longer trace of the same prompt (its first 16 tokens replayed): the 16-token copies are prefixes of it
            f.runToEnd(20, new ContinuousBatch.Spec(prompt, 40, List.of(), LlamaSampler.Settings.greedy(), 0, true,
                    true));
            run(f, 21, f.prompt("Bob has 5 pens. He finds 2 more pens. How many pens does Bob have?"), true);
            assertThat(holding(slots, prompt)).as("only the longer trace of the prompt is left").isEqualTo(1);
            assertThat(IntStream.range(0, slots.size()).filter(s -> startsWith(slots.tokens(s), prompt))
                    .map(slots::length).max().orElseThrow()).isGreaterThan(shorter);
        }
    }

    @Test
    void aCompletionWithTheCacheOffLeavesNothingBehind() {
        try (MicroBatchFixture f = new MicroBatchFixture()) {
            int[] prompt = f.prompt("Ann has 20 books. She buys 3 more books. How many books does Ann have?");
            run(f, 1, prompt, true);
            assertThat(holding(f.slots, prompt)).as("a run with the cache on stays for the next").isEqualTo(1);
            for (int i = 2; i < 5; i++) {
                run(f, i, prompt, false);
            }
            assertThat(holding(f.slots, prompt)).as("runs with the cache off keep nothing").isEqualTo(1);
            assertThat(IntStream.range(0, f.slots.size()).filter(s -> f.slots.length(s) > 0).count())
                    .as("no other sequence holds anything").isEqualTo(1);
        }
    }

    private static long holding(SequenceSlots slots, int[] prompt) {
        return IntStream.range(0, slots.size()).filter(s -> startsWith(slots.tokens(s), prompt)).count();
    }

    private static void run(MicroBatchFixture f, long id, int[] prompt) {
        run(f, id, prompt, true);
    }

    /** An 8-token greedy completion, with the cache (and replay) or without. */
    private static void run(MicroBatchFixture f, long id, int[] prompt, boolean cache) {
        f.runToEnd(id, new ContinuousBatch.Spec(prompt, 8, List.of(), LlamaSampler.Settings.greedy(), 0, cache,
                cache));
    }

    /** A greedy completion of at most {@code cap} tokens with the cache on, replaying greedy picks or not. */
    private static void run(MicroBatchFixture f, long id, int[] prompt, int cap, boolean replay) {
        f.runToEnd(id, new ContinuousBatch.Spec(prompt, cap, List.of(), LlamaSampler.Settings.greedy(), 0, true,
                replay));
    }

    private static boolean startsWith(int[] tokens, int[] prefix) {
        return tokens.length >= prefix.length
                && java.util.Arrays.equals(tokens, 0, prefix.length, prefix, 0, prefix.length);
    }
}
