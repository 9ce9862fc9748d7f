package dev.thinkbench.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerGraderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Final Answer: 14|14",
            "' 14'|14",
            "Final Answer: 3 then 5. Final Answer: 42 apples|42",
            "7+7=14 so Final Answer:  -8|-8",
            "the total is \\boxed{1,234} really|1234",
            "\\boxed{3} and later \\boxed{ 9 }|9",
            "first 3 then 12 and 15.|15",
            "Final Answer: 99<im_end>|99",
            "answer 1,234,567|1234567"})
    void extractsTheAnswerByMarkerThenBoxThenLastNumber(String text, long expected) {
        assertThat(AnswerGrader.extract(text)).contains(BigInteger.valueOf(expected));
    }

    @Test
    void markerWinsOverALaterBoxAndNumbers() {
        assertThat(AnswerGrader.extract("\\boxed{5} Final Answer: 6 because 7")).contains(BigInteger.valueOf(6));
    }

    @Test
    void textWithoutAnIntegerHasNoAnswer() {
        assertThat(AnswerGrader.extract("Final Answer: many")).isEmpty();
        assertThat(AnswerGrader.extract("")).isEmpty();
        assertThat(AnswerGrader.extract(null)).isEmpty();
        assertThat(AnswerGrader.isCorrect("no idea", 0)).isFalse();
    }

    @Test
    void gradingIsExact() {
        assertThat(AnswerGrader.isCorrect(" 19", 19)).isTrue();
        assertThat(AnswerGrader.isCorrect(" 190", 19)).isFalse();
        assertThat(AnswerGrader.isCorrect("Final Answer: 1.9", 19)).isFalse();
        assertThat(AnswerGrader.isCorrect("Final Answer: -19", 19)).isFalse();
        assertThat(AnswerGrader.isCorrect("Final Answer: 99999999999999999999", 19)).isFalse();
    }
}
