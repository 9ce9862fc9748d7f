package dev.thinkbench.forcing;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.LoadingTestBackend;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that waited for its model's load says so in its start, and the load is not time to the first token. */
class ModelLoadTest {

    private static RunSpec spec() {
        return new RunSpec("Start with 2. Double it.", "", "scripted", BudgetSpec.parse("tokens:20"), null);
    }

    @Test
    void theFirstRunCarriesTheModelLoadAndALaterOneNone() throws Exception {
        ScriptedTestBackend scripted = new ScriptedTestBackend().then("2*2=4", "\n", "</think>").then(" 4")
                .then("2*2=4", "\n", "</think>").then(" 4");
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(new LoadingTestBackend(scripted, 2500, null),
                ChatTemplates.CHATML_THINK);

        RunRecorder first = new RunRecorder(null);
        RunHandle run = engine.start(spec(), first::accept);
        run.done().get(10, TimeUnit.SECONDS);
        RunRecorder second = new RunRecorder(null);
        engine.start(spec(), second::accept).done().get(10, TimeUnit.SECONDS);

        RunMetrics m = first.metrics(System.nanoTime());
        assertThat(first.status()).isEqualTo(RunStatus.OK);
        assertThat(m.modelLoadMs()).isEqualTo(2500L);
        assertThat(m.timeToFirstThinkingMs()).as("the load is not in the time to the first token").isLessThan(2500L);
        assertThat(m.generationMs()).isNotNull();
        assertThat(second.metrics(System.nanoTime()).modelLoadMs()).isNull();
    }

    @Test
    void aModelThatCannotLoadFailsTheRunWithTheReason() throws Exception {
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(new LoadingTestBackend(new ScriptedTestBackend(),
                0, "Cannot use broken.gguf: not a GGUF file"), ChatTemplates.CHATML_THINK);
        CollectingSink sink = new CollectingSink();

        sink.awaitEnd(engine.start(spec(), sink));

        assertThat(sink.events().getFirst()).isInstanceOf(ReasoningEvent.Started.class);
        assertThat(sink.failure().kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(sink.failure().message()).isEqualTo("Cannot use broken.gguf: not a GGUF file");
        assertThat(sink.terminals()).hasSize(1);
    }
}
