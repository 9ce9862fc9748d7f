package dev.thinkbench.lab.samples;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MicroExerciseSampleTest {

    @Test
    void theExerciseIsAMultiStepHeldOutProblemAndTheSameEveryTime() {
        Problem p = MicroExerciseSample.problem();
        SamplePrompt sample = MicroExerciseSample.prompt();

        assertThat(p.difficulty()).isGreaterThanOrEqualTo(4);
        assertThat(ProblemSplit.isHeldOut(p.question())).isTrue();
        assertThat(sample.prompt()).isEqualTo(p.question()).isEqualTo(MicroExerciseSample.prompt().prompt());
        assertThat(sample.id()).isEqualTo(MicroExerciseSample.ID);
        assertThat(sample.title()).isEqualTo("Micro model exercise (multi-step)");
        assertThat(sample.note()).contains("answer is " + p.answer(), p.id());
        // the whole scratchpad as the built-in engine counts it (lesson 1 shows it: 46), </think> included
        assertThat(sample.note()).contains("about 46 thinking tokens");
    }

    @Test
    void theExerciseComesFirstAndReplacesAnEntryWithItsId() {
        SamplePrompt old = new SamplePrompt(MicroExerciseSample.ID, "stale", "math", "1 + 1", "", "");
        SamplePrompt other = new SamplePrompt("other", "Other", "math", "2 + 2", "", "");

        List<SamplePrompt> all = MicroExerciseSample.withExercise(List.of(other, old));

        assertThat(all).extracting(SamplePrompt::id).containsExactly(MicroExerciseSample.ID, "other");
        assertThat(all.getFirst().prompt()).isEqualTo(MicroExerciseSample.problem().question());
    }
}
