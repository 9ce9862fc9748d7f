package dev.thinkbench.micro;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.Scratchpad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed GGUF straight through de.kherud:llama 4.2.0 (llama.cpp b4916, what the app ships), with no app code
 * between: the vocabulary tokenizes the training format as the trainer did, and greedy decoding of a held-out prompt
 * writes the clean scratchpad and the right answer. (The JVM's leftover native thread is harmless under Surefire,
 * which exits the fork itself.)
 */
@Timeout(120)
class MicroLlamaDirectTest {

    @Test
    void llamaCppTokenizesTheFormatAndSolvesAHeldOutProblemGreedily() {
        LlamaModel model = new LlamaModel(new ModelParameters().setModel(MicroRunner.MODEL.toString())
                .setCtxSize(512).setThreads(2).disableLog());
        assertThat(model.encode("<|im_start|>user\nAb 1<|im_end|>\n")).containsExactly(259, 348, 346, 332, 345, 13,
                296, 329, 263, 280, 260, 13);
        Problem p = ProblemSplit.heldOut(3).get(2);
        String out = model.complete(new InferenceParameters(MicroFormat.prompt(p.question())).setTemperature(0f)
                .setSeed(1).setNPredict(200));
        assertThat(out).startsWith(Scratchpad.clean(p) + "</think>\nFinal Answer:");
        assertThat(AnswerGrader.isCorrect(out, p.answer())).isTrue();
    }
}
