package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicroFormatTest {

    @Test
    void trainingTextIsExactlyTheBriefsFormat() {
        Problem p = ProblemSplit.heldOut(1).getFirst();
        assertThat(MicroFormat.trainingText(p, "3+4=7\n")).isEqualTo("<|im_start|>user\n" + p.question()
                + "<|im_end|>\n<|im_start|>assistant\n<think>\n3+4=7\n</think>\nFinal Answer: " + p.answer()
                + "<|im_end|>");
    }
}
