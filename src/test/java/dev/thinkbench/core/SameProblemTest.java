package dev.thinkbench.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An edited prompt still asks the same problem when its numbers stay and most of its words do. */
class SameProblemTest {

    private static final String APPLES = "I had 7 apples and ate 2, then bought 5 more. How many now?";

    @Test
    void aTypoFixedOrAWordChangedIsTheSameProblem() {
        assertThat(SameProblem.asks(APPLES, "I had 7 apples and ate 2, then bought 5 more. How many do I have now?"))
                .isTrue();
        assertThat(SameProblem.asks("How many r's are in raspberry?", "How many r's are in rasberry?")).isTrue();
        assertThat(SameProblem.asks("Sum 1,000 and 2", "Sum 1000 and 2")).as("a thousands separator").isTrue();
    }

    @Test
    void aChangedNumberOrAnotherProblemIsNot() {
        assertThat(SameProblem.asks(APPLES, "I had 8 apples and ate 2, then bought 5 more. How many now?")).isFalse();
        assertThat(SameProblem.asks(APPLES, "I had 7 apples and ate 5, then bought 2 more. How many now?"))
                .as("the same numbers in another order").isFalse();
        assertThat(SameProblem.asks(APPLES, "T")).as("the first letter typed over it").isFalse();
        assertThat(SameProblem.asks("How many r's are in raspberry?", "Which planet is largest?")).isFalse();
    }
}
