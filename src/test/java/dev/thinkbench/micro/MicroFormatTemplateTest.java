package dev.thinkbench.micro;

import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.Scratchpad;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ChatTemplates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the forcer writes around the micro model's thinking is exactly what the model was trained on. */
class MicroFormatTemplateTest {

    private static final ChatTemplate T = ChatTemplates.CHATML_THINK;
    private final Problem p = ProblemSplit.heldOut(4).get(3);

    @Test
    void chatmlThinkPromptIsTheTrainingPrompt() {
        assertThat(T.prompt("", p.question())).isEqualTo(MicroFormat.prompt(p.question()));
    }

    @Test
    void naturalEndAndForcedAnswerContinueTheTrainingText() {
        String thinking = Scratchpad.clean(p);
        String sofar = MicroFormat.prompt(p.question()) + thinking;
        String natural = sofar + T.closeThinking(sofar, null) + "Final Answer: " + p.answer() + "<|im_end|>";
        assertThat(natural).isEqualTo(MicroFormat.trainingText(p, thinking));
        assertThat(T.closeThinking(sofar, "Final Answer:")).isEqualTo("</think>\nFinal Answer:");
        assertThat(T.closeThinking(sofar + "12+3", "Final Answer:")).isEqualTo("\n</think>\nFinal Answer:");
    }
}
