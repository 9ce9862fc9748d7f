package dev.thinkbench.lab.samples;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.problems.MicroWorld;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewProblemTest {

    @Test
    void aNewProblemHasTheStepsAskedForItsAnswerAndIsHeldOut() {
        for (int steps = 1; steps <= 6; steps++) {
            Problem p = NewProblem.draw(steps, 1000 + steps);
            assertThat(p.difficulty()).isEqualTo(steps);
            assertThat(ProblemSplit.isHeldOut(p.question())).as("never seen in training").isTrue();
            assertThat(MicroWorld.fits(p.question())).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameProblemAndAnotherSeedAnother() {
        assertThat(NewProblem.draw(4, 7)).isEqualTo(NewProblem.draw(4, 7));
        assertThat(NewProblem.draw(4, 7).question()).isNotEqualTo(NewProblem.draw(4, 8).question());
    }

    @Test
    void asASampleItCarriesItsAnswerForTheMicroModel() {
        Problem p = NewProblem.draw(3, 11);
        SamplePrompt s = NewProblem.asSample(p);

        assertThat(s.prompt()).isEqualTo(p.question());
        assertThat(s.answer()).isEqualTo(Integer.toString(p.answer()));
        assertThat(s.suitsMicro()).isTrue();
        assertThat(s.title()).isEqualTo("New problem (3 steps)");
        assertThat(AnswerGrader.isCorrect("Final Answer: " + p.answer(), p.answer())).isTrue();
    }

    @Test
    void stepsOutsideOneToSixAreRefused() {
        assertThatThrownBy(() -> NewProblem.draw(7, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 6");
    }

    @Test
    void withTheMicroModelItsSamplesComeFirst() {
        SamplePrompt any = new SamplePrompt("any", "Any", "logic", "Who?", "", "");
        SamplePrompt micro = NewProblem.asSample(NewProblem.draw(1, 3));

        assertThat(ModelFit.order(List.of(any, micro), true)).containsExactly(micro, any);
        assertThat(ModelFit.order(List.of(any, micro), false)).containsExactly(any, micro);
        assertThat(ModelFit.isMicroModel("builtin", "micro-reasoner.gguf")).isTrue();
        assertThat(ModelFit.isMicroModel("builtin", "/models/micro-reasoner.gguf")).isTrue();
        assertThat(ModelFit.isMicroModel("builtin", "qwen3.gguf")).isFalse();
        assertThat(ModelFit.isMicroModel("ollama", "micro-reasoner.gguf")).isFalse();
        assertThat(ModelFit.microProblem("What is the capital of France?")).isEqualTo(ModelFit.OUTSIDE_MICRO_WORLD);
        assertThat(ModelFit.microProblem(micro.prompt())).isNull();
    }
}
