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
    void aNumberWithAUnitIsGradedByValueAndKeepsItsWording() {
        Grade wrong = AnswerGrader.grade("Final Answer: 65 people", "66 people");
        assertThat(wrong.verdict()).isEqualTo(Grade.Verdict.WRONG);
        assertThat(wrong.expected()).isEqualTo("66 people");
        assertThat(AnswerGrader.grade("Final Answer: Route 66", "Route 66").verdict())
                .as("text that only contains a number stays text").isEqualTo(Grade.Verdict.CORRECT);
        assertThat(AnswerGrader.grade("Final Answer: 66", "Route 66").verdict()).isEqualTo(Grade.Verdict.WRONG);
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

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            // integers, separators, signs
            "Final Answer: 1,234 apples|1234|1234|FINAL_ANSWER",
            "so the total is 42.|42|42|LAST_VALUE",
            "Answer: -7|-7|-7|ANSWER",
            "답: 12|12|12|ANSWER",
            // decimals and fractions compare by value
            "Final Answer: 0.50|1/2|0.50|FINAL_ANSWER",
            "\\boxed{\\frac{3}{4}}|0.75|3/4|BOXED",
            "Final Answer: \\boxed{\\dfrac{6}{8}} since|3/4|6/8|FINAL_ANSWER",
            "it costs $12.00 in all|12|12.00|LAST_VALUE",
            "Final Answer: 2,500.5|2500.5|2500.5|FINAL_ANSWER",
            "Final Answer: 12.0|12|12.0|FINAL_ANSWER",
            // a number with a unit is graded as the number
            "Final Answer: 66|66 people|66|FINAL_ANSWER",
            "Final Answer: 66 people|66 people.|66|FINAL_ANSWER",
            "답: 66명|66명|66|ANSWER",
            "it is 12.5 km away|12.5 km|12.5|LAST_VALUE",
            // multiple choice
            "Final Answer: (C)|C|C|FINAL_ANSWER",
            "Answer: b|(B)|B|ANSWER",
            "I think the answer is D.|D|D|LAST_VALUE",
            "\\boxed{E}|e|E|BOXED",
            // yes or no: the answer line's leading word, else its last yes or no
            "91 = 7 x 13, so the answer is no.|No|no|LAST_VALUE",
            "Yes, because 7 has no divisor but 1 and itself.|yes|Yes|LAST_VALUE",
            "Final Answer: Yes. There is no doubt.|Yes|Yes|FINAL_ANSWER",
            "Answer: true|yes|true|ANSWER",
            "답: 아니요|아니요|아니요|ANSWER",
            // text, exact after trimming and case
            "Final Answer: Paris.|Paris|Paris|FINAL_ANSWER",
            "Answer: **new york**|New York|new york|ANSWER",
            "Paris|paris|Paris|LAST_VALUE"})
    void gradesEachFormatAsCorrect(String output, String expected, String extracted, String foundBy) {
        Grade g = AnswerGrader.grade(output, expected);
        assertThat(g.verdict()).as(g.toString()).isEqualTo(Grade.Verdict.CORRECT);
        assertThat(g.correct()).isTrue();
        assertThat(g.extracted()).isEqualTo(extracted);
        assertThat(g.foundBy()).isEqualTo(Grade.FoundBy.valueOf(foundBy));
        assertThat(g.flag()).isEqualTo(Grade.Flag.NONE);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "Final Answer: 0.5|1/3|0.5",
            "Final Answer: 1,235|1234|1235",
            "Final Answer: (B)|C|B",
            "Final Answer: Lyon|Paris|Lyon",
            "Final Answer: Paris, France|Paris|Paris, France",
            "There is no remainder, so yes.|No|yes",
            "Final Answer: No, 91 = 7 x 13|yes|No",
            "\\boxed{5} Final Answer: 6|5|6"})
    void gradesAWrongAnswerAsWrongWithWhatWasFound(String output, String expected, String extracted) {
        Grade g = AnswerGrader.grade(output, expected);
        assertThat(g.verdict()).isEqualTo(Grade.Verdict.WRONG);
        assertThat(g.correct()).isFalse();
        assertThat(g.extracted()).isEqualTo(extracted);
        assertThat(g.flag()).isEqualTo(Grade.Flag.NONE);
    }

    @Test
    void aYesOrNoAnswerIsReadFromTheLastLineWithoutAMarkerAndTheFirstAfterOne() {
        assertThat(AnswerGrader.grade("Yes, 91 looks prime.\nBut 91 = 7 x 13.\nSo no.", "no").verdict())
                .isEqualTo(Grade.Verdict.CORRECT);
        assertThat(AnswerGrader.grade("Answer: no\nI checked: there is no divisor... wait, yes there is.", "no")
                .verdict()).isEqualTo(Grade.Verdict.CORRECT);
        Grade none = AnswerGrader.grade("91 = 7 x 13.", "no");
        assertThat(none.verdict()).isEqualTo(Grade.Verdict.WRONG);
        assertThat(none.flag()).isEqualTo(Grade.Flag.NO_ANSWER_FOUND);
        assertThat(AnswerGrader.canonical("Yes")).isEqualTo(AnswerGrader.canonical("yes."));
    }

    @Test
    void anOutputWithoutAnAnswerIsWrongAndFlaggedNotDropped() {
        Grade none = AnswerGrader.grade("Final Answer: I am not sure", "42");
        assertThat(none.verdict()).isEqualTo(Grade.Verdict.WRONG);
        assertThat(none.correct()).isFalse();
        assertThat(none.extracted()).isNull();
        assertThat(none.expected()).isEqualTo("42");
        assertThat(none.foundBy()).isEqualTo(Grade.FoundBy.NONE);
        assertThat(none.flag()).isEqualTo(Grade.Flag.NO_ANSWER_FOUND);
        assertThat(AnswerGrader.grade("", "B").flag()).isEqualTo(Grade.Flag.NO_ANSWER_FOUND);
        assertThat(AnswerGrader.grade(null, "Paris").flag()).isEqualTo(Grade.Flag.NO_ANSWER_FOUND);
        assertThat(AnswerGrader.grade("the model rambles", "B").verdict()).isEqualTo(Grade.Verdict.WRONG);
    }

    @Test
    void aProblemWithoutAnExpectedAnswerIsUngradableButKeepsWhatWasFound() {
        Grade g = AnswerGrader.grade("Final Answer: 7 cats", null);
        assertThat(g.verdict()).isEqualTo(Grade.Verdict.UNGRADABLE);
        assertThat(g.correct()).isNull();
        assertThat(g.extracted()).isEqualTo("7");
        assertThat(g.flag()).isEqualTo(Grade.Flag.NO_EXPECTED_ANSWER);
        Grade text = AnswerGrader.grade("Suppose sqrt(2) = p/q in lowest terms ... a contradiction.", " ");
        assertThat(text.verdict()).isEqualTo(Grade.Verdict.UNGRADABLE);
        assertThat(text.extracted()).isEqualTo("2");
    }

    @Test
    void aMinusBetweenNumbersIsNotASign() {
        assertThat(AnswerGrader.grade("33-18=15", "15").verdict()).isEqualTo(Grade.Verdict.CORRECT);
        assertThat(AnswerGrader.grade("Final Answer: 33-18", "33").verdict()).isEqualTo(Grade.Verdict.CORRECT);
    }

    @Test
    void theMicroModelsForcedAnswerGradesLikeItsOwn() {
        assertThat(AnswerGrader.grade(" 78<|im_end|>", "78").verdict()).isEqualTo(Grade.Verdict.CORRECT);
        assertThat(AnswerGrader.grade("Final Answer: 78", "78").verdict()).isEqualTo(Grade.Verdict.CORRECT);
        assertThat(AnswerGrader.extract("Final Answer: 1.9")).isEmpty();
    }
}
