package dev.thinkbench.forcing;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budget forcing on today's families through the built-in engine: a qwen3-architecture model with the {@code qwen3}
 * template, and harmony (gpt-oss) where thinking is the analysis channel and the answer opens the final channel.
 * Tiny models written by the test follow a fixed greedy chain.
 */
@Timeout(120)
class NewFamiliesForcingTest {

    static final LocalEngineSettings SETTINGS = new LocalEngineSettings(1, 1024);

    @TempDir
    static Path dir;
    static LocalEngineProcess process;
    static Path qwen3;
    static Path harmony;

    @BeforeAll
    static void models() throws IOException {
        process = new LocalEngineProcess();
        qwen3 = TinyGguf.writeQwen3ForChat(dir.resolve("tiny-qwen3.gguf"));
        harmony = TinyGguf.writeHarmony(dir.resolve("tiny-harmony.gguf"));
    }

    @AfterAll
    static void stop() {
        process.close();
    }

    private static RunRecorder run(Path model, ChatTemplate template, String budget) throws Exception {
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(
                new LocalCompletionBackend(process, model, SETTINGS), template);
        RunRecorder recorder = new RunRecorder(Price.free("local"));
        engine.start(new RunSpec("What is x?", "", "tiny", BudgetSpec.parse(budget), Sampling.greedy(1)),
                recorder::accept).done().get(60, TimeUnit.SECONDS);
        assertThat(recorder.status()).as(String.valueOf(recorder.trace().error())).isEqualTo(RunStatus.OK);
        return recorder;
    }

    @Test
    void qwen3ThinksUntilItsCapThenTheAnswerIsForced() throws Exception {
        RunRecorder r = run(qwen3, ChatTemplates.QWEN3, "force:min=0,max=5,waits=0");

        assertThat(r.trace().thinking()).isEqualTo("Let x");
        assertThat(r.interventions()).extracting(i -> i.kind()).contains(InterventionKind.ANSWER_FORCED);
        assertThat(r.trace().answer()).isEqualTo("4");
    }

    @Test
    void qwen3SuppressesAnEarlyEndWithWait() throws Exception {
        RunRecorder r = run(qwen3, ChatTemplates.QWEN3, "force:min=12,max=100,waits=1");

        assertThat(r.trace().thinking()).isEqualTo("Let x=2.Wait x=2.");
        assertThat(r.interventions()).extracting(i -> i.kind()).startsWith(InterventionKind.WAIT_INSERTED);
    }

    @Test
    void harmonyEndsTheAnalysisChannelAtItsEndToken() throws Exception {
        RunRecorder r = run(harmony, ChatTemplates.GPT_OSS, "force:min=12,max=100,waits=1");

        assertThat(r.trace().thinking()).as("<|end|> closed the analysis channel, a Wait reopened the thinking")
                .isEqualTo("Let x=2.Wait x=2.");
        assertThat(r.interventions()).extracting(i -> i.kind())
                .containsExactly(InterventionKind.WAIT_INSERTED, InterventionKind.END_ACCEPTED);
    }

    @Test
    void harmonyForcedAnswerClosesAnalysisAndOpensFinal() throws Exception {
        RunRecorder r = run(harmony, ChatTemplates.GPT_OSS, "force:min=0,max=5,waits=0");

        assertThat(r.trace().thinking()).isEqualTo("Let x");
        assertThat(r.interventions()).extracting(i -> i.kind()).contains(InterventionKind.ANSWER_FORCED);
        assertThat(r.trace().answer()).isEqualTo("4");
    }
}
