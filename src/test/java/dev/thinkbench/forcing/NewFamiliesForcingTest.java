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
        return run(model, SETTINGS, template, budget);
    }

    private static RunRecorder run(Path model, LocalEngineSettings settings, ChatTemplate template, String budget)
            throws Exception {
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(
                new LocalCompletionBackend(process, model, settings), template);
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

    @Test
    void harmonyAnswerEndsAtTheFinalChannelsEndToken() throws Exception {
        RunRecorder r = run(harmony, ChatTemplates.GPT_OSS, "force:min=0,max=100,waits=0");

        assertThat(r.interventions()).extracting(i -> i.kind()).containsExactly(InterventionKind.END_ACCEPTED);
        assertThat(r.trace().answer()).as("<|end|> closes the final message; no control token is answer text")
                .isEqualTo("Let x=2.");
    }

    @Test
    void forcingThatFillsTheContextEndsThinkingThereAndStillAnswers() throws Exception {
        // 60 Waits of about 6 tokens each cannot fit in the smallest context: the context, not the budget, ends it
        LocalEngineSettings small = new LocalEngineSettings(1, LocalEngineSettings.MIN_CONTEXT);
        RunRecorder r = run(qwen3, small, ChatTemplates.QWEN3, "force:min=300,max=400,waits=60");

        assertThat(r.interventions().getLast().kind()).isEqualTo(InterventionKind.ANSWER_FORCED);
        assertThat(r.interventions().getLast().reason()).contains("context of", "not the budget's cap of 400",
                "kept for the answer");
        assertThat(r.trace().answer()).isEqualTo("4");
    }

    @Test
    void aStepThatReachesTheContextsEndPausesSayingSoAndTheAnswerFits() throws Exception {
        LocalEngineSettings small = new LocalEngineSettings(1, LocalEngineSettings.MIN_CONTEXT);
        LocalCompletionBackend backend = new LocalCompletionBackend(process, qwen3, small);
        StepperSettings settings = new StepperSettings(Sampling.greedy(1), 16384, java.util.List.of("Wait"),
                "Final Answer:", 1024);
        try (Stepper stepper = new Stepper(backend, ChatTemplates.QWEN3, settings, event -> { })) {
            stepper.start("", "What is x?").get(60, TimeUnit.SECONDS);
            StepperSnapshot looped = stepper.insert("b").get(60, TimeUnit.SECONDS);

            assertThat(looped.state()).isEqualTo(StepperState.PAUSED);
            assertThat(looped.reason()).contains("context of", "not the budget's cap of 16384");
            StepperSnapshot answered = stepper.forceAnswer().get(60, TimeUnit.SECONDS);
            assertThat(answered.state()).as(answered.reason()).isEqualTo(StepperState.DONE);
        }
    }
}
