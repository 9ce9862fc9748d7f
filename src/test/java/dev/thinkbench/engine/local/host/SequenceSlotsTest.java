package dev.thinkbench.engine.local.host;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a prompt runs and what it reuses, with exact knowledge of what each sequence holds. */
class SequenceSlotsTest {

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    private static int[] concat(int[] a, int... b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }

    @Test
    void aPromptExtendingTheCachedOneReusesAllOfIt() {
        SequenceSlots slots = new SequenceSlots(4);
        int[] first = range(0, 50);
        slots.set(2, first, first.length);

        SequenceSlots.Plan plan = slots.plan(concat(first, 100, 101, 102, 103), Set.of(), true);

        assertThat(plan).isEqualTo(new SequenceSlots.Plan(2, -1, 50));
    }

    @Test
    void aFullyCachedPromptStillEvaluatesItsLastToken() {
        SequenceSlots slots = new SequenceSlots(2);
        int[] prompt = range(0, 30);
        slots.set(0, prompt, prompt.length);

        assertThat(slots.plan(prompt, Set.of(), true).reuse()).isEqualTo(29);
    }

    @Test
    void aBranchFarFromTheEndOfATraceForksIntoAnotherSequence() {
        SequenceSlots slots = new SequenceSlots(3);
        int[] trace = range(0, 200);
        slots.set(0, trace, trace.length);

        SequenceSlots.Plan fork = slots.plan(concat(range(0, 150), 999), Set.of(), true);
        SequenceSlots.Plan rewind = slots.plan(concat(range(0, 195), 999), Set.of(), true);

        assertThat(fork).as("50 tokens of trace would be lost: copy the prefix instead")
                .isEqualTo(new SequenceSlots.Plan(1, 0, 150));
        assertThat(rewind).as("a short tail is rewound in place").isEqualTo(new SequenceSlots.Plan(0, -1, 195));
    }

    @Test
    void withoutCacheReuseTheLeastRecentlyUsedEmptySequenceIsTaken() {
        SequenceSlots slots = new SequenceSlots(3);
        slots.set(0, range(0, 10), 10);
        slots.set(2, range(0, 10), 10);

        assertThat(slots.plan(range(0, 10), Set.of(), false)).isEqualTo(new SequenceSlots.Plan(1, -1, 0));
    }

    @Test
    void aBatchPromptCopiesTheSharedPrefixFromTheFirstSequence() {
        SequenceSlots slots = new SequenceSlots(4);
        int[] shared = range(0, 40);
        slots.set(0, shared, shared.length);

        SequenceSlots.Plan plan = slots.planBeside(concat(shared, 7), Set.of(0), 0, shared, true);

        assertThat(plan.sequence()).isNotZero();
        assertThat(plan.copyFrom()).isZero();
        assertThat(plan.reuse()).isEqualTo(40);
    }

    @Test
    void appendedTokensCountAndEvictionSkipsTheBusyOnes() {
        SequenceSlots slots = new SequenceSlots(3);
        slots.set(0, range(0, 5), 5);
        slots.set(1, range(0, 5), 5);
        for (int t = 0; t < 100; t++) {
            slots.append(1, t, null);
        }

        assertThat(slots.length(1)).isEqualTo(105);
        assertThat(slots.tokens(1)).startsWith(0, 1, 2, 3, 4, 0, 1).endsWith(99);
        assertThat(slots.evictable(Set.of(1))).containsExactly(0);
        slots.clear(0);
        assertThat(slots.evictable(Set.of(1))).isEmpty();
    }

    @Test
    void greedyPicksAfterAPromptAreCountedUpToTheFirstTokenThatWasNotOne() {
        SequenceSlots slots = new SequenceSlots(2);
        slots.set(0, range(0, 5), 5);
        SequenceSlots.Sampled pick = new SequenceSlots.Sampled(null, 0);
        slots.append(0, 50, pick);
        slots.append(0, 51, pick);
        slots.append(0, 52, null);           // forced text, not a pick
        slots.append(0, 53, pick);
        assertThat(slots.greedyRunAfter(0, range(0, 5), 0, 100)).isEqualTo(2);
        assertThat(slots.greedyRunAfter(0, range(0, 5), 0, 1)).as("at most max").isEqualTo(1);
        assertThat(slots.greedyRunAfter(0, range(0, 5), 1, 100)).as("no probabilities recorded").isZero();
        assertThat(slots.greedyRunAfter(0, range(0, 4), 0, 100)).as("not right after the prompt").isZero();
        assertThat(slots.greedyRunAfter(0, concat(range(0, 4), 9), 0, 100)).as("another prompt").isZero();

        slots.take(1, 0, 7);
        assertThat(slots.tokens(1)).containsExactly(0, 1, 2, 3, 4, 50, 51);
        assertThat(slots.greedyRunAfter(1, range(0, 5), 0, 100)).as("picks travel with a copy").isEqualTo(2);
        slots.set(1, concat(range(0, 5), 50, 51), 7);
        assertThat(slots.greedyRunAfter(1, range(0, 5), 0, 100)).as("a prompt's tokens are no picks").isZero();
    }
}
