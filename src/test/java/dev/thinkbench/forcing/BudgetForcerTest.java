package dev.thinkbench.forcing;

import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetForcerTest {

    private static final String BASE = "<|im_start|>user\nHow many r in raspberry?<|im_end|>\n"
            + "<|im_start|>assistant\n<think>\n";

    private final ScriptedTestBackend backend = new ScriptedTestBackend();
    private final Events events = new Events();

    private ForcingOutcome run(ForcingPlan plan) {
        return new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(
                new ForcingRun("", "How many r in raspberry?", "m", plan, null, "force"), events, new CancelToken());
    }

    @Test
    void belowTheMinimumTheMarkerIsDroppedAndRotatingWaitsAreAppended() {
        backend.then("Two", " r's", ".", "</think>")
                .then(" Let", " me", " recount", ".", "</think>")
                .then(" Three", ".", "</think>", "junk")
                .then(" 3", "<|im_end|>");

        ForcingOutcome out = run(new ForcingPlan(20, 100, 2, List.of("Wait", "Hmm"), null));

        List<CompletionRequest> rq = backend.requests();
        assertThat(rq).extracting(CompletionRequest::prompt).containsExactly(
                BASE,
                BASE + "Two r's.Wait",
                BASE + "Two r's.Wait Let me recount.Hmm",
                BASE + "Two r's.Wait Let me recount.Hmm Three.\n</think>\n");
        assertThat(rq).extracting(CompletionRequest::maxTokens).containsExactly(100, 96, 91, 2048);
        assertThat(rq.get(0).stop()).containsExactly("</think>", "<|im_end|>");
        assertThat(rq.get(3).stop()).containsExactly("<|im_end|>");
        assertThat(events.interventions()).extracting(ReasoningEvent.Intervention::kind).containsExactly(
                InterventionKind.WAIT_INSERTED, InterventionKind.WAIT_INSERTED, InterventionKind.END_ACCEPTED);
        assertThat(events.interventions().getLast().reason()).contains("no Waits are left");
        assertThat(out.answer()).isEqualTo(" 3");
        assertThat(out.status()).isEqualTo(RunStatus.OK);
        assertThat(events.last()).isInstanceOf(ReasoningEvent.Finished.class);
    }

    @Test
    void theContextCapsThinkingOnlyWhereItCouldAndIsCountedOnlyThen() {
        backend.withContextSize(4096).then("Two", "</think>").then(" 2", "<|im_end|>");
        run(ForcingPlan.of(0, 100, 0));
        assertThat(backend.countCalls()).as("a short step in a large context needs no count").isZero();
        assertThat(backend.requests().getFirst().maxTokens()).isEqualTo(100);

        ScriptedTestBackend small = new ScriptedTestBackend().withContextSize(200).then("Two", "</think>")
                .then(" 2", "<|im_end|>");
        new BudgetForcer(small, ChatTemplates.CHATML_THINK).run(new ForcingRun("", "How many r in raspberry?", "m",
                ForcingPlan.of(0, 1000, 0), null, "force"), events, new CancelToken());
        assertThat(small.countCalls()).as("a cap past the context's end is counted").isPositive();
        assertThat(small.requests().getFirst().maxTokens()).as("thinking capped where the answer still fits")
                .isBetween(1, 199);
    }

    @Test
    void aFailureAfterTextSaysWhatIsKeptAsASentenceOfItsOwn() {
        backend.then("Two", " r's", ".", "</think>").thenFail(dev.thinkbench.core.FailureKind.BAD_REQUEST,
                "the prompt fills the context of 4096: raise the context size");

        ForcingOutcome out = new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(new ForcingRun("",
                "How many r in raspberry?", "m", new ForcingPlan(50, 100, 3, List.of("Wait"), null), null, "force"),
                events, new CancelToken());

        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(((ReasoningEvent.Failed) events.last()).message())
                .isEqualTo("the prompt fills the context of 4096: raise the context size. What arrived before is kept.");
    }

    @Test
    void aRunReusesEarlierGreedyPicksOnlyWhenItsSpecAllowsIt() {
        backend.then("Two", "</think>").then(" 2", "<|im_end|>").then("Two", "</think>").then(" 2", "<|im_end|>");
        run(ForcingPlan.of(0, 8, 0));
        new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(new ForcingRun("", "How many r in raspberry?", "m",
                ForcingPlan.of(0, 8, 0), null, "force", true), events, new CancelToken());

        assertThat(backend.requests()).extracting(CompletionRequest::reuseGreedyPicks)
                .containsExactly(false, false, true, true);
    }

    @Test
    void atTheCapTheEndMarkerAndAnswerPrefixAreAppended() {
        backend.thenEndless(50).then(" 3", "<|im_end|>");

        ForcingOutcome out = run(ForcingPlan.of(0, 8, 0));

        assertThat(backend.prompts().get(1)).isEqualTo(BASE + " t t t t t t t t\n</think>\nFinal Answer:");
        ReasoningEvent.Intervention forced = events.interventions().getLast();
        assertThat(forced.kind()).isEqualTo(InterventionKind.ANSWER_FORCED);
        assertThat(forced.text()).isEqualTo("\n</think>\nFinal Answer:");
        assertThat(forced.thinkingTokensSoFar()).isEqualTo(8);
        assertThat(forced.reason()).contains("cap of 8 tokens");
        assertThat(out.thinkingTokens()).isEqualTo(8);
    }

    @Test
    void theCapHoldsWhenTheServerIgnoresItAndStopStrings() {
        backend.ignoringCap().ignoringStop().thenEndless(50).then(" 3", "<|im_end|>", " more", " junk");

        ForcingOutcome out = run(ForcingPlan.of(0, 6, 0));

        assertThat(out.thinkingTokens()).isEqualTo(6);
        assertThat(out.thinking()).isEqualTo(" t t t t t t");
        assertThat(out.answer()).isEqualTo(" 3");
        assertThat(events.interventions().getLast().reason()).contains("ignored the cap");
        assertThat(out.steps().getLast().note()).contains("ignored the stop string");
    }

    @Test
    void aNaturalStopAboveTheMinimumIsAccepted() {
        backend.then("Clearly", " 3", ".", "</think>").then("3", "<|im_end|>");

        run(new ForcingPlan(2, 100, 3, List.of("Wait"), null));

        assertThat(backend.prompts().get(1)).isEqualTo(BASE + "Clearly 3.\n</think>\n");
        assertThat(events.interventions()).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(InterventionKind.END_ACCEPTED));
    }

    @Test
    void theRecorderBuildsOneSegmentPerWait() {
        backend.then("a", "</think>").then(" b", "</think>").then(" c", "</think>").then("x");
        RunRecorder recorder = new RunRecorder(Price.free("test"));

        new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(new ForcingRun("", "q", "m",
                ForcingPlan.of(50, 100, 2), null, "force"), recorder::accept, new CancelToken());

        Trace t = recorder.trace();
        assertThat(t.segments()).hasSize(3);
        assertThat(t.segments()).extracting(s -> s.insertedText()).containsExactly("", "Wait", "Wait");
        assertThat(t.thinking()).isEqualTo("aWait bWait c");
        assertThat(t.answer()).isEqualTo("x");
        assertThat(recorder.metrics(0).waits()).isEqualTo(2);
        assertThat(recorder.metrics(0).promptTokens().known()).isTrue();
    }

    @Test
    void thinkingOffForcesTheAnswerAtOnce() {
        backend.then(" 2", "<|im_end|>");

        ForcingOutcome out = run(null);

        assertThat(backend.prompts()).containsExactly(BASE + "</think>\nFinal Answer:");
        assertThat(events.interventions()).singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("thinking is off"));
        assertThat(out.answer()).isEqualTo(" 2");
    }

    @Test
    void cancellingKeepsTheThinkingAndEndsCancelled() throws Exception {
        backend.holdAfter(2).then("one", " two", " three", "</think>");
        CancelToken cancel = new CancelToken();
        Thread t = Thread.ofVirtual().start(() -> new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(
                new ForcingRun("", "q", "m", ForcingPlan.of(0, 50, 0), null, "force"), events, cancel));
        backend.awaitHeld();
        cancel.cancel();
        t.join(5000);

        assertThat(events.last()).isInstanceOf(ReasoningEvent.Cancelled.class);
        assertThat(events.all).filteredOn(e -> e instanceof ReasoningEvent.ThinkingDelta).hasSize(2);
    }
}
