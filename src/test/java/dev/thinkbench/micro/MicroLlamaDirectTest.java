package dev.thinkbench.micro;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.Scratchpad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed GGUF straight through de.kherud:llama 4.2.0 (llama.cpp b4916, what the app ships), with no app code
 * between: the vocabulary tokenizes the training format as the trainer did (special tokens whole, digits one by one,
 * common words as one learned piece), and greedy decoding of a held-out prompt writes the clean scratchpad and the
 * right answer. (The JVM's leftover native thread is harmless under Surefire, which exits the fork itself.)
 */
@Timeout(120)
class MicroLlamaDirectTest {

    private static LlamaModel model;

    @BeforeAll
    static void load() {
        model = new LlamaModel(new ModelParameters().setModel(MicroRunner.MODEL.toString()).setCtxSize(512)
                .setThreads(2).disableLog());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void specialTokensAreWholeDigitsAreSingleAndCommonWordsArePieces() {
        assertThat(model.encode("<|im_start|>user\n")).startsWith(259).endsWith(13);
        assertThat(model.encode("<think>\n12+345=357\n</think>")).containsExactly(261, 13, 264 + '1' - '!',
                264 + '2' - '!', 264 + '+' - '!', 264 + '3' - '!', 264 + '4' - '!', 264 + '5' - '!',
                264 + '=' - '!', 264 + '3' - '!', 264 + '5' - '!', 264 + '7' - '!', 13, 262);
        assertThat(model.encode("Ann has 33 marbles.")).hasSizeLessThan(10)
                .anySatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(358));
        assertThat(model.decode(model.encode("Wait, 60+12=72\nFinal Answer: 72"))).isEqualTo(
                "Wait, 60+12=72\nFinal Answer: 72");
    }

    @Test
    void greedyDecodingOfAHeldOutProblemWritesTheCleanScratchpadAndTheRightAnswer() {
        Problem p = ProblemSplit.heldOutWords(SOLVED_INDEX + 1).get(SOLVED_INDEX);
        String out = model.complete(new InferenceParameters(MicroFormat.prompt(p.question())).setTemperature(0f)
                .setSeed(1).setNPredict(200));
        assertThat(out).startsWith(Scratchpad.clean(p) + "</think>\nFinal Answer:");
        assertThat(AnswerGrader.isCorrect(out, p.answer())).isTrue();
    }

    /** A three-operation held-out problem the committed model solves. */
    static final int SOLVED_INDEX = 2;
}
