package dev.thinkbench.forcing;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.raw.RawBackendKinds;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.ScriptStep;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForcingReasoningEngineTest {

    private static RunSpec spec(String budget) {
        return new RunSpec("How many r in raspberry?", "", "sim", BudgetSpec.parse(budget), null);
    }

    @Test
    void aRegisteredRawEngineRunsAForcingBudgetOverHttp() throws Exception {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.then(ScriptStep.reply("Two", ".", "</think>"), ScriptStep.reply(" Three", ".", "</think>"),
                    ScriptStep.reply(" 3", "<|im_end|>"));
            ReasoningEngine engine = RawEngines.create(rawKinds().raw("llama-server"), new EngineConfig("llama-server",
                    server.baseUrl(), null, Duration.ofSeconds(5)), ChatTemplates.CHATML_THINK);
            RunRecorder recorder = new RunRecorder(engine.price("sim", PriceTable.empty()));

            RunHandle run = engine.start(spec("force:min=10,max=50,waits=1,wait=Wait"), recorder::accept);
            run.done().get(10, TimeUnit.SECONDS);

            assertThat(recorder.status()).isEqualTo(RunStatus.OK);
            assertThat(recorder.trace().segments()).hasSize(2);
            assertThat(recorder.trace().answer()).isEqualTo(" 3");
            assertThat(recorder.metrics(0).cost().display()).isEqualTo("free");
            assertThat(engine.displayName()).contains("llama.cpp server").contains(server.baseUrl().toString())
                    .contains("chatml-think");
        }
    }

    @Test
    void everyBudgetKindMapsToForcingAndSaysSo() {
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(new ScriptedTestBackend(),
                ChatTemplates.CHATML_THINK);

        assertThat(engine.capabilities().rawContinuation()).isTrue();
        assertThat(engine.capabilities().budgetKinds()).contains(Budget.Kind.FORCING, Budget.Kind.NONE);
        assertThat(engine.describe(new Budget.Effort(EffortLevel.MEDIUM)))
                .isEqualTo("effort medium means budget forcing with at most 4096 thinking tokens here (no Waits); "
                        + "gpt-oss is also told \"Reasoning: medium\"");
        assertThat(ForcingReasoningEngine.planFor(new Budget.Tokens(300)).maxThinkingTokens()).isEqualTo(300);
        assertThat(ForcingReasoningEngine.planFor(new Budget.None())).isNull();
        assertThat(engine.describe(BudgetSpec.parse("force:min=100,max=500,waits=2,wait=Wait|Hmm")))
                .contains("up to 2 \u00d7 \"Wait\" / \"Hmm\" below 100 tokens").contains("forced at 500 tokens");
        assertThat(engine.capabilities().whyUnsupported(new Budget.Effort(EffortLevel.XHIGH))).contains("low");
    }

    @Test
    void anEffortTellsGptOssItsReasoningLevelAndATokenCapKeepsMedium() throws Exception {
        ScriptedTestBackend backend = new ScriptedTestBackend().then(" so 4", "<|end|>").then("4", "<|return|>")
                .then(" so 4", "<|end|>").then("4", "<|return|>").then(" so 4", "<|end|>").then("4", "<|return|>");
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(backend, ChatTemplates.GPT_OSS);

        for (String budget : List.of("effort:low", "effort:high", "tokens:100")) {
            engine.start(spec(budget), new Events()).done().get(10, TimeUnit.SECONDS);
        }

        assertThat(backend.prompts().get(0)).contains("Reasoning: low\n");
        assertThat(backend.prompts().get(2)).contains("Reasoning: high\n");
        assertThat(backend.prompts().get(4)).contains("Reasoning: medium\n");
    }

    @Test
    void aHintDoesNotPromiseMoreThinkingThanTheContextHolds() {
        ScriptedTestBackend scripted = new ScriptedTestBackend();
        dev.thinkbench.engine.CompletionBackend in4096 = new dev.thinkbench.engine.CompletionBackend() {
            @Override public String id() { return "sim"; }
            @Override public String displayName() { return "sim"; }
            @Override public String model() { return "sim"; }
            @Override public dev.thinkbench.engine.CompletionResult complete(
                    dev.thinkbench.engine.CompletionRequest request, dev.thinkbench.engine.CompletionListener listener,
                    dev.thinkbench.engine.CancelToken cancel) throws dev.thinkbench.engine.EngineException {
                return scripted.complete(request, listener, cancel);
            }
            @Override public java.util.OptionalInt contextSize() { return java.util.OptionalInt.of(4096); }
        };
        ForcingReasoningEngine engine = ForcingReasoningEngine.over(in4096, ChatTemplates.CHATML_THINK);

        assertThat(engine.describe(new Budget.Effort(EffortLevel.HIGH))).contains("at most 16384 thinking tokens")
                .contains("the model's context of 4096 tokens holds the prompt, the thinking and the answer, so "
                        + "thinking ends sooner");
        assertThat(engine.describe(new Budget.Tokens(8000))).contains("context of 4096 tokens");
        assertThat(engine.describe(new Budget.Effort(EffortLevel.LOW))).doesNotContain("context");
        assertThat(engine.describe(new Budget.Tokens(1000))).doesNotContain("context");
    }

    @Test
    void noThinkingForcesTheAnswerAtOnce() throws Exception {
        ScriptedTestBackend backend = new ScriptedTestBackend().then(" 2", "<|im_end|>");
        Events events = new Events();

        ForcingReasoningEngine.over(backend, ChatTemplates.CHATML_THINK).start(spec("none"), events)
                .done().get(10, TimeUnit.SECONDS);

        assertThat(backend.prompts().getFirst()).endsWith("<think>\n</think>\nFinal Answer:");
        assertThat(events.interventions()).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(InterventionKind.ANSWER_FORCED));
        assertThat(events.last()).isInstanceOf(ReasoningEvent.Finished.class);
    }

    @Test
    void whateverEscapesTheRunStillEndsItWithOneFailedEvent() throws Exception {
        dev.thinkbench.engine.CompletionBackend outOfMemory = new dev.thinkbench.engine.CompletionBackend() {
            @Override public String id() { return "oom-test-double"; }
            @Override public String displayName() { return "a backend that runs out of memory"; }
            @Override public String model() { return "m"; }
            @Override public dev.thinkbench.engine.CompletionResult complete(dev.thinkbench.engine.CompletionRequest r,
                    dev.thinkbench.engine.CompletionListener l, dev.thinkbench.engine.CancelToken c) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        Events oom = new Events();
        Events broken = new Events();

        ForcingReasoningEngine.over(outOfMemory, ChatTemplates.CHATML_THINK).start(spec("tokens:8"), oom)
                .done().get(10, TimeUnit.SECONDS);
        new ForcingReasoningEngine("broken", "broken", model -> {
            throw new IllegalStateException("bug");
        }, ChatTemplates.CHATML_THINK, true).start(spec("tokens:8"), broken).done().get(10, TimeUnit.SECONDS);

        for (Events events : List.of(oom, broken)) {
            assertThat(events.all.stream().filter(e -> e instanceof ReasoningEvent.Failed)).hasSize(1);
            assertThat(events.last()).isInstanceOf(ReasoningEvent.Failed.class);
        }
        assertThat(((ReasoningEvent.Failed) oom.last()).message()).contains("ran out of memory");
        assertThat(((ReasoningEvent.Failed) broken.last()).message()).contains("internal error")
                .doesNotContain("\tat ");
    }

    @Test
    void anEffortItCannotMapFailsTheRunWithAReason() throws Exception {
        Events events = new Events();

        ForcingReasoningEngine.over(new ScriptedTestBackend(), ChatTemplates.CHATML_THINK)
                .start(spec("effort:max"), events).done().get(10, TimeUnit.SECONDS);

        assertThat(events.all.getFirst()).isInstanceOf(ReasoningEvent.Started.class);
        assertThat(events.last()).isInstanceOfSatisfying(ReasoningEvent.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNSUPPORTED);
            assertThat(f.message()).contains("use low, medium or high");
        });
    }

    @Test
    void cancelEndsTheRunCancelled() throws Exception {
        ScriptedTestBackend backend = new ScriptedTestBackend().holdAfter(1).then("a", "b", "c");
        Events events = new Events();
        RunHandle run = ForcingReasoningEngine.over(backend, ChatTemplates.CHATML_THINK).start(
                spec("tokens:100"), events);
        backend.awaitHeld();

        run.cancel();
        run.done().get(10, TimeUnit.SECONDS);

        assertThat(events.last()).isInstanceOf(ReasoningEvent.Cancelled.class);
    }

    @Test
    void aBadBaseUrlIsRefusedWhenTheEngineIsMade() {
        assertThatThrownBy(() -> RawEngines.create(rawKinds().raw("ollama-raw"), new EngineConfig("ollama-raw",
                URI.create("ftp://x"), null, null), ChatTemplates.CHATML_THINK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> rawKinds().raw("vllm"))
                .hasMessageContaining("raw engines: llama-server, openai-completions, ollama-raw, deepseek-prefix");
    }

    private static EngineRegistry rawKinds() {
        EngineRegistry registry = new EngineRegistry();
        RawBackendKinds.standard().forEach(registry::register);
        return registry;
    }
}
