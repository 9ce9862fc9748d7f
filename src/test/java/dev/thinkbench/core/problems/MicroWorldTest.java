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
    void everyProblemOfTheSecondModelsGeneratorIsInItsWorld() {
        WordProblemGenerator g = new WordProblemGenerator(7);
        for (int i = 0; i < 500; i++) {
            Problem p = g.next(1 + i % 4, "w" + i);
            assertThat(MicroWorld.check(p.question())).as(p.question()).isEqualTo(MicroWorld.Fit.FITS);
        }
    }

    @Test
    void theHandWrittenWorksheetIsInside() throws Exception {
        var lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("samples/problems/micro-worksheet.jsonl"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(60);
        for (String line : lines) {
            String prompt = json.readTree(line).get("prompt").asText();
            assertThat(MicroWorld.check(prompt)).as(prompt).isEqualTo(MicroWorld.Fit.FITS);
        }
    }

    @Test
    void problemsInPeoplesOwnWordsAreInside() {
        assertThat(MicroWorld.check("Jennifer buys 3 bags of 24 apples. She gives 15 to her neighbour. "
                + "How many apples does Jennifer have left?")).isEqualTo(MicroWorld.Fit.FITS);
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
    void bareArithmeticIsInsideAndMissingNumbersAreOutside() {
        assertThat(MicroWorld.fits("1 + 1 = ?")).isTrue();
        assertThat(MicroWorld.check("Calculate 19 - 18 + 14.")).isEqualTo(MicroWorld.Fit.FITS);
        assertThat(MicroWorld.check("Start with a number. Double it. What number do you get?"))
                .isEqualTo(MicroWorld.Fit.NO_NUMBERS);
        assertThat(MicroWorld.check("Double it. What number do you get?")).isEqualTo(MicroWorld.Fit.NO_NUMBERS);
    }

    @Test
    void timesDecimalsFractionsAndPercentagesAreOutside() {
        assertThat(MicroWorld.check("A train leaves at 9:00 and drives 80 km. When does it arrive?"))
                .isEqualTo(MicroWorld.Fit.NOT_WHOLE_NUMBERS);
        assertThat(MicroWorld.check("Ann has 7 baskets of 24 apples. She sells 3/8 of them. How many are left?"))
                .isEqualTo(MicroWorld.Fit.NOT_WHOLE_NUMBERS);
        assertThat(MicroWorld.check("What is 75.8 + 20.92?")).isEqualTo(MicroWorld.Fit.NOT_WHOLE_NUMBERS);
    }

    @Test
    void largeNumbersAndTooManyStepsAreOutside() {
        assertThat(MicroWorld.check("Start with 2500. Add 3. What number do you get?"))
                .isEqualTo(MicroWorld.Fit.NUMBERS_TOO_LARGE);
        assertThat(MicroWorld.check("Start with 2." + " Add 1.".repeat(MicroWorld.MAX_SENTENCES)
                + " What number do you get?")).isEqualTo(MicroWorld.Fit.TOO_MANY_STEPS);
    }
}
