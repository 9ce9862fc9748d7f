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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed GGUF straight through llama.cpp (v0.5.0, what the app ships, called through the FFM binding), with no
 * app code between: the vocabulary tokenizes the training format as the trainer did (special tokens whole, digits one
 * by one, common words as one learned piece), and greedy decoding of a held-out prompt writes the clean scratchpad
 * and the right answer.
 */
@Timeout(120)
class MicroLlamaDirectTest {

    /** A four-operation widened held-out problem the committed model solves with the clean scratchpad. */
    static final int SOLVED_INDEX = 3;

    private static LlamaLibrary lib;
    private static LlamaModel model;

    @BeforeAll
    static void load() {
        lib = LlamaLibrary.load();
        model = LlamaModel.load(lib, MicroRunner.MODEL, null);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void specialTokensAreWholeDigitsAreSingleAndCommonWordsArePieces() {
        LlamaVocab vocab = model.vocab();
        int[] head = vocab.tokenize("<|im_start|>user\n", false, true);
        assertThat(head[0]).isEqualTo(259);
        assertThat(head[head.length - 1]).isEqualTo(13);
        assertThat(vocab.tokenize("<think>\n12+345=357\n</think>", false, true)).containsExactly(261, 13,
                264 + '1' - '!', 264 + '2' - '!', 264 + '+' - '!', 264 + '3' - '!', 264 + '4' - '!', 264 + '5' - '!',
                264 + '=' - '!', 264 + '3' - '!', 264 + '5' - '!', 264 + '7' - '!', 13, 262);
        int[] words = vocab.tokenize("Ann has 33 marbles.", false, true);
        assertThat(words.length).isLessThan(10);
        assertThat(Arrays.stream(words).max().orElseThrow()).isGreaterThanOrEqualTo(358);
        String text = "Wait, 60+12=72\nFinal Answer: 72";
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        for (int token : vocab.tokenize(text, false, true)) {
            back.writeBytes(vocab.piece(token, true));
        }
        assertThat(back.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void greedyDecodingOfAHeldOutProblemWritesTheCleanScratchpadAndTheRightAnswer() {
        Problem p = ProblemSplit.heldOutWords(SOLVED_INDEX + 1).get(SOLVED_INDEX);
        String out = greedy(MicroFormat.prompt(p.question()), 200);
        assertThat(out).startsWith(Scratchpad.clean(p) + "</think>\nFinal Answer:");
        assertThat(AnswerGrader.isCorrect(out, p.answer())).isTrue();
    }

    private static String greedy(String promptText, int maxTokens) {
        try (LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 1, 1));
             LlamaBatch batch = new LlamaBatch(512);
             LlamaSampler greedy = LlamaSampler.create(lib, LlamaSampler.Settings.greedy())) {
            LlamaVocab vocab = model.vocab();
            int[] prompt = vocab.tokenize(promptText, true, true);
            for (int i = 0; i < prompt.length; i++) {
                batch.add(prompt[i], i, 0, i == prompt.length - 1);
            }
            ctx.decode(batch);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int index = prompt.length - 1;
            for (int pos = prompt.length; pos < prompt.length + maxTokens; pos++) {
                int token = greedy.sample(ctx, index);
                if (vocab.isEndOfGeneration(token)) {
                    break;
                }
                out.writeBytes(vocab.piece(token, true));
                batch.clear();
                index = batch.add(token, pos, 0, true);
                ctx.decode(batch);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
