package dev.thinkbench.lab.session;

import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownAnswersTest {

    @Test
    void theExerciseAndTheHeldOutProblemsAreKnownOtherPromptsAreNot() {
        var exercise = MicroExerciseSample.problem();
        assertThat(KnownAnswers.forPrompt("  " + exercise.question() + "\n")).isEqualTo(
                String.valueOf(exercise.answer()));
        var p163 = ProblemSplit.heldOut(164).get(163);
        assertThat(KnownAnswers.forPrompt(p163.question())).isEqualTo(String.valueOf(p163.answer()));
        assertThat(KnownAnswers.forPrompt("What is the capital of France?")).isNull();
        assertThat(KnownAnswers.forPrompt("")).isNull();
    }
}
