package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicroWorldTest {

    @Test
    void everyGeneratedProblemIsInTheMicroModelsWorld() {
        ProblemGenerator g = new ProblemGenerator(99);
        for (int i = 0; i < 300; i++) {
            Problem p = g.next(1 + i % ProblemGenerator.MAX_STEPS, "p" + i);
            assertThat(MicroWorld.check(p.question())).as(p.question()).isEqualTo(MicroWorld.Fit.FITS);
        }
    }

    @Test
    void otherTopicsAndLanguagesAreOutside() {
        assertThat(MicroWorld.check("What is the capital of France?")).isEqualTo(MicroWorld.Fit.UNKNOWN_WORDS);
        assertThat(MicroWorld.check("How many times does the letter \"r\" appear in the word \"raspberry\"?"))
                .isEqualTo(MicroWorld.Fit.UNKNOWN_WORDS);
        assertThat(MicroWorld.check("버스에 12명이 있습니다. 9명이 탔습니다. 몇 명인가요?"))
                .isEqualTo(MicroWorld.Fit.UNKNOWN_WORDS);
        assertThat(MicroWorld.check("")).isEqualTo(MicroWorld.Fit.UNKNOWN_WORDS);
    }

    @Test
    void bareArithmeticAndMissingNumbersAreOutside() {
        assertThat(MicroWorld.fits("1 + 1 = ?")).isFalse();
        assertThat(MicroWorld.check("Start with a number. Double it. What number do you get?"))
                .isEqualTo(MicroWorld.Fit.NO_NUMBERS);
        assertThat(MicroWorld.check("Double it. What number do you get?")).isEqualTo(MicroWorld.Fit.NO_NUMBERS);
    }

    @Test
    void largeNumbersAndTooManyStepsAreOutside() {
        assertThat(MicroWorld.check("Start with 250. Add 3. What number do you get?"))
                .isEqualTo(MicroWorld.Fit.NUMBERS_TOO_LARGE);
        assertThat(MicroWorld.check("Start with 2. Add 1. Add 1. Add 1. Add 1. Add 1. Add 1. Add 1. "
                + "What number do you get?")).isEqualTo(MicroWorld.Fit.TOO_MANY_STEPS);
    }
}
