package dev.thinkbench.engine.local.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptCacheTrackerTest {

    private static int[] bos(int... ids) {
        return PromptCacheTracker.withBos(ids, true);
    }

    @Test
    void firstPromptEvaluatesEveryTokenIncludingBos() {
        assertThat(new PromptCacheTracker().evaluatedFor(bos(5, 6, 7), true)).isEqualTo(4);
    }

    @Test
    void continuationEvaluatesOnlyWhatFollowsTheDecodedTokens() {
        PromptCacheTracker t = new PromptCacheTracker();
        t.completed(bos(5, 6), new int[] {7, 8, 9}, false, false);

        assertThat(t.evaluatedFor(bos(5, 6, 7, 8, 20, 21), true)).as("9 was sampled, never decoded").isEqualTo(2);
        assertThat(t.evaluatedFor(bos(5, 6, 7, 8, 9, 20), true)).isEqualTo(2);
    }

    @Test
    void fullyCachedPromptStillEvaluatesItsLastToken() {
        PromptCacheTracker t = new PromptCacheTracker();
        t.completed(bos(5, 6), new int[] {7}, false, false);

        assertThat(t.evaluatedFor(bos(5, 6), true)).isEqualTo(1);
    }

    @Test
    void afterACancelTheTailIsUnknownUnlessThePromptLeavesItEarlier() {
        PromptCacheTracker t = new PromptCacheTracker();
        t.completed(bos(5), new int[] {7, 8}, false, true);

        assertThat(t.evaluatedFor(bos(5, 7, 30), true)).as("diverges at the last sampled token").isEqualTo(1);
        assertThat(t.evaluatedFor(bos(5, 7, 8, 30), true)).as("follows into the unknown tail").isNull();
    }

    @Test
    void unverifiedGenerationMakesTheNextCountUnknownAndNoCacheMeansAll() {
        PromptCacheTracker t = new PromptCacheTracker();
        t.completed(bos(5), null, false, false);

        assertThat(t.evaluatedFor(bos(5, 6), true)).isNull();
        assertThat(t.evaluatedFor(bos(5, 6), false)).isEqualTo(3);
    }

    @Test
    void eosEndedRunKeepsEveryVisibleToken() {
        PromptCacheTracker t = new PromptCacheTracker();
        t.completed(bos(5), new int[] {7, 8}, true, false);

        assertThat(t.evaluatedFor(bos(5, 7, 8, 40), true)).isEqualTo(1);
    }
}
