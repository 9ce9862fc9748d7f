package dev.thinkbench.micro;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.Scratchpad;
import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaModel;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import dev.thinkbench.engine.local.llama.LlamaVocab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed GGUF straight through llama.cpp (v0.5.0, what the app ships, called through the FFM binding), with no
 * app code between: the vocabulary tokenizes the training format as the trainer did, and greedy decoding of a
 * held-out prompt writes the clean scratchpad and the right answer.
 */
@Timeout(120)
class MicroLlamaDirectTest {

    @Test
    void llamaCppTokenizesTheFormatAndSolvesAHeldOutProblemGreedily() {
        LlamaLibrary lib = LlamaLibrary.load();
        try (LlamaModel model = LlamaModel.load(lib, MicroRunner.MODEL, null);
             LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 1, 1));
             LlamaBatch batch = new LlamaBatch(512);
             LlamaSampler greedy = LlamaSampler.create(lib, LlamaSampler.Settings.greedy())) {
            LlamaVocab vocab = model.vocab();
            assertThat(vocab.tokenize("<|im_start|>user\nAb 1<|im_end|>\n", false, true)).containsExactly(259, 348,
                    346, 332, 345, 13, 296, 329, 263, 280, 260, 13);
            Problem p = ProblemSplit.heldOut(3).get(2);
            int[] prompt = vocab.tokenize(MicroFormat.prompt(p.question()), true, true);
            for (int i = 0; i < prompt.length; i++) {
                batch.add(prompt[i], i, 0, i == prompt.length - 1);
            }
            ctx.decode(batch);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int index = prompt.length - 1;
            for (int pos = prompt.length; pos < prompt.length + 200; pos++) {
                int token = greedy.sample(ctx, index);
                if (vocab.isEndOfGeneration(token)) {
                    break;
                }
                out.writeBytes(vocab.piece(token, true));
                batch.clear();
                index = batch.add(token, pos, 0, true);
                ctx.decode(batch);
            }
            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith(Scratchpad.clean(p) + "</think>\nFinal Answer:");
            assertThat(AnswerGrader.isCorrect(text, p.answer())).isTrue();
        }
    }
}
