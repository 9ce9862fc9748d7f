package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Trace;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.raw.LlamaServerBackend;
import dev.thinkbench.engine.RawBackendSpec;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.ScriptStep;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepperTest {

    private static final String BASE = "<|im_start|>user\nraspberry?<|im_end|>\n<|im_start|>assistant\n<think>\n";

    private final ScriptedTestBackend backend = new ScriptedTestBackend();
    private final List<StepperEvent> events = new CopyOnWriteArrayList<>();
    private Stepper stepper = stepper(100);

    private Stepper stepper(int maxThinking) {
        return new Stepper(backend, ChatTemplates.CHATML_THINK, new StepperSettings(Sampling.greedy(1), maxThinking,
                List.of("Wait", "Hmm"), "Final Answer:", 64), events::add);
    }

    @AfterEach
    void close() {
        stepper.close();
    }

    private static StepperSnapshot done(java.util.concurrent.CompletableFuture<StepperSnapshot> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private StepperSnapshot startPaused() throws Exception {
        return done(stepper.start("", "raspberry?"));
    }

    @Test
    void thinkingPausesWhereTheModelTriesToStop() throws Exception {
        backend.then("Two", " r's", ".", "</think>", "2");

        StepperSnapshot s = startPaused();

        assertThat(s.state()).isEqualTo(StepperState.PAUSED);
        assertThat(s.reason()).contains("wants to stop thinking (4 tokens so far)");
        assertThat(s.active().thinking()).isEqualTo("Two r's.");
        assertThat(s.allowed()).containsExactlyInAnyOrder(StepperAction.CONTINUE, StepperAction.WAIT,
                StepperAction.INSERT, StepperAction.EDIT, StepperAction.FORCE_ANSWER, StepperAction.FORK,
                StepperAction.UNDO);
        CompletionRequest first = backend.requests().getFirst();
        assertThat(first.prompt()).isEqualTo(BASE);
        assertThat(first.stop()).containsExactly("</think>", "<|im_end|>");
        assertThat(first.maxTokens()).isEqualTo(100);
        assertThat(events).filteredOn(e -> e instanceof StepperEvent.Recorded r
                && r.event() instanceof ReasoningEvent.ThinkingDelta).hasSize(4);
    }

    @Test
    void waitAppendsTheRotatingWaitTextAndThinksOnWithTheRemainingCap() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", ".", "</think>").then(" Sure", ".", "</think>");
        startPaused();

        done(stepper.waitMore());
        StepperSnapshot s = done(stepper.waitMore());

        assertThat(backend.prompts()).containsExactly(BASE, BASE + "Two.Wait", BASE + "Two.Wait Three.Hmm");
        assertThat(backend.requests()).extracting(CompletionRequest::maxTokens).containsExactly(100, 97, 94);
        assertThat(s.active().thinkingSteps()).extracting(StepRecord::openedBy)
                .containsExactly(null, InterventionKind.WAIT_INSERTED, InterventionKind.WAIT_INSERTED);
        assertThat(s.active().thinkingSteps()).extracting(StepRecord::tokens).containsExactly(3, 3, 3);
        assertThat(s.active().thinking()).isEqualTo("Two.Wait Three.Hmm Sure.");
    }

    @Test
    void continueAcceptsTheEndAndTheModelAnswers() throws Exception {
        backend.then("Three", ".", "</think>").then("3", "<|im_end|>");
        startPaused();

        StepperSnapshot s = done(stepper.continueToAnswer());

        assertThat(backend.prompts().get(1)).isEqualTo(BASE + "Three.\n</think>\n");
        assertThat(backend.requests().get(1).stop()).containsExactly("<|im_end|>");
        assertThat(backend.requests().get(1).maxTokens()).isEqualTo(64);
        assertThat(s.state()).isEqualTo(StepperState.DONE);
        assertThat(s.active().answer()).isEqualTo("3");
        assertThat(s.active().answers()).singleElement()
                .satisfies(a -> assertThat(a.how()).isEqualTo(InterventionKind.END_ACCEPTED));
        assertThat(s.allowed()).containsExactlyInAnyOrder(StepperAction.FORK, StepperAction.UNDO);
    }

    @Test
    void insertAppendsTheUsersTextEscaped() throws Exception {
        backend.then("Two", ".", "</think>").then(" ok", "</think>");
        startPaused();

        done(stepper.insert(" Hmm, </think> no"));

        assertThat(backend.prompts().get(1)).isEqualTo(BASE + "Two. Hmm, <\u200B/think> no");
        assertThat(stepper.snapshot().active().thinkingSteps().get(1).openedBy())
                .isEqualTo(InterventionKind.TEXT_INSERTED);
    }

    @Test
    void editReplacesTheThinkingTheNextStepContinues() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", ".", "</think>");
        startPaused();

        StepperSnapshot edited = stepper.edit("Count: r, r, r.");
        done(stepper.insert(""));

        assertThat(edited.state()).isEqualTo(StepperState.PAUSED);
        assertThat(edited.active().thinking()).isEqualTo("Count: r, r, r.");
        assertThat(backend.prompts().get(1)).isEqualTo(BASE + "Count: r, r, r.");
        Trace trace = stepper.snapshot().active().toTrace();
        assertThat(trace.thinking()).isEqualTo("Count: r, r, r. Three.");
    }

    @Test
    void forceAnswerWhenPausedAppendsTheMarkerAndPrefix() throws Exception {
        backend.then("Two", ".", "</think>").then(" 2", "<|im_end|>");
        startPaused();

        StepperSnapshot s = done(stepper.forceAnswer());

        assertThat(backend.prompts().get(1)).isEqualTo(BASE + "Two.\n</think>\nFinal Answer:");
        assertThat(s.active().answer()).isEqualTo(" 2");
        assertThat(s.active().steps().getLast().openedBy()).isEqualTo(InterventionKind.ANSWER_FORCED);
    }

    @Test
    void forceAnswerWhileThinkingStopsTheStepKeepsItsTextAndForces() throws Exception {
        backend.holdAfter(2).then("Let", " me", " count", "</think>").then(" 3", "<|im_end|>");
        var started = stepper.start("", "raspberry?");
        backend.awaitHeld();
        assertThat(stepper.snapshot().allowed()).containsExactly(StepperAction.FORCE_ANSWER);

        StepperSnapshot s = done(stepper.forceAnswer());

        assertThat(started.isDone()).isTrue();
        assertThat(backend.prompts().get(1)).isEqualTo(BASE + "Let me\n</think>\nFinal Answer:");
        assertThat(s.state()).isEqualTo(StepperState.DONE);
        assertThat(s.active().thinkingSteps().getFirst().stop())
                .isEqualTo(dev.thinkbench.engine.CompletionResult.Stop.CANCELLED);
        assertThat(s.active().answer()).isEqualTo(" 3");
    }

    @Test
    void undoGoesBackOneStepAndKeepsTheWithdrawnAnswer() throws Exception {
        backend.then("Two", ".", "</think>").then("2").then(" No,", " three", ".", "</think>").then("3");
        startPaused();
        done(stepper.continueToAnswer());

        StepperSnapshot back = stepper.undo();
        done(stepper.waitMore());
        StepperSnapshot s = done(stepper.continueToAnswer());

        assertThat(back.state()).isEqualTo(StepperState.PAUSED);
        assertThat(back.active().answer()).isEmpty();
        assertThat(backend.prompts().get(2)).isEqualTo(BASE + "Two.Wait");
        assertThat(s.active().answers()).extracting(AnswerRecord::text, AnswerRecord::withdrawn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", true),
                        org.assertj.core.groups.Tuple.tuple("3", false));
        assertThat(s.active().answers().get(1).thinkingSegments()).isEqualTo(2);

        stepper.undo();
        stepper.undo();
        StepperSnapshot idle = stepper.undo();
        assertThat(idle.state()).isEqualTo(StepperState.IDLE);
        assertThat(idle.allowed()).containsExactly(StepperAction.START);
    }

    @Test
    void lettingTheModelAnswerAfterItsEndOfTurnSaysTheUserClosedTheThinkingEvenAfterAnUndo() throws Exception {
        // the model ends its turn inside its thinking (no </think>): the user forces, undoes, then lets it answer
        backend.then("Let", " x=2.").then("4").then("4", "<|im_end|>");
        StepperSnapshot paused = startPaused();
        assertThat(paused.reason()).startsWith("the model ended its turn without closing its thinking");
        done(stepper.forceAnswer());

        StepperSnapshot back = stepper.undo();
        StepperSnapshot s = done(stepper.continueToAnswer());

        assertThat(back.reason()).isEqualTo(paused.reason());
        assertThat(s.state()).isEqualTo(StepperState.DONE);
        assertThat(s.reason()).isEqualTo("answer written (you closed the thinking the model had left open)")
                .doesNotContain("ended its thinking");
    }

    @Test
    void aNearlyCertainAnswerIsAboveNinetyNinePercentNeverAHundred() throws Exception {
        backend.thenWithProbability(0.996, "Three", ".", "</think>").thenWithProbability(0.996, "3", "<|im_end|>");

        startPaused();
        StepperSnapshot s = done(stepper.continueToAnswer());

        assertThat(s.reason()).isEqualTo("answer written after the model ended its thinking (its least sure token "
                + "at >99%)");
    }

    @Test
    void lettingTheModelAnswerAfterItClosedItsThinkingSaysSo() throws Exception {
        backend.then("Three", ".", "</think>").then("3", "<|im_end|>");
        startPaused();

        assertThat(done(stepper.continueToAnswer()).reason())
                .isEqualTo("answer written after the model ended its thinking");
    }

    @Test
    void lettingTheModelAnswerAfterTheUserStoppedOrEditedSaysTheUserClosedTheThinking() throws Exception {
        backend.then("Two", ".", "</think>").then("2", "<|im_end|>");
        startPaused();
        stepper.edit("Two, surely.");

        assertThat(done(stepper.continueToAnswer()).reason()).isEqualTo("answer written (you closed the thinking)");
    }

    @Test
    void aForkIsANewBranchBesideTheFirstAndBothKeepTheirAnswers() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", ".", "</think>").then("3").then("2");
        startPaused();

        StepperSnapshot forked = stepper.fork();
        done(stepper.waitMore());
        done(stepper.continueToAnswer());
        stepper.select(1);
        StepperSnapshot s = done(stepper.continueToAnswer());

        assertThat(forked.branches()).hasSize(2);
        assertThat(forked.activeBranchId()).isEqualTo(2);
        assertThat(forked.active().parentId()).isEqualTo(1);
        assertThat(forked.active().forkedAfterSteps()).isEqualTo(1);
        BranchView first = s.branches().get(0);
        BranchView second = s.branches().get(1);
        assertThat(first.answer()).isEqualTo("2");
        assertThat(first.thinkingSteps()).hasSize(1);
        assertThat(second.answer()).isEqualTo("3");
        assertThat(second.thinking()).isEqualTo("Two.Wait Three.");
        assertThat(backend.prompts().get(3)).isEqualTo(BASE + "Two.\n</think>\n");
    }

    @Test
    void theCapPausesAndOnlyTheAnswerOrUndoRemain() throws Exception {
        stepper.close();
        stepper = stepper(5);
        backend.thenEndless(40);

        StepperSnapshot s = startPaused();

        assertThat(s.reason()).contains("cap of 5 tokens");
        assertThat(s.active().thinkingTokens()).isEqualTo(5);
        assertThat(s.allowed()).doesNotContain(StepperAction.WAIT, StepperAction.INSERT)
                .contains(StepperAction.FORCE_ANSWER, StepperAction.CONTINUE);
        assertThatThrownBy(stepper::waitMore).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot wait now: thinking reached its cap of 5 tokens");
    }

    @Test
    void actionsThatDoNotFitTheMomentAreRefusedWithAReason() {
        assertThatThrownBy(stepper::waitMore).hasMessage("cannot wait now: nothing has run yet");
        assertThatThrownBy(stepper::undo).hasMessage("cannot undo now: nothing has run yet");
        assertThatThrownBy(() -> stepper.start("", " ")).hasMessage("the prompt is empty");
    }

    @Test
    void anErrorInTheEngineFailsTheStepWhereTheUserLooksInsteadOfLeavingItThinkingForever() throws Exception {
        backend.then("Two", ".", "</think>");
        dev.thinkbench.engine.CompletionBackend breaking = new dev.thinkbench.engine.CompletionBackend() {
            private int calls;

            @Override
            public dev.thinkbench.engine.CompletionResult complete(dev.thinkbench.engine.CompletionRequest r,
                    dev.thinkbench.engine.CompletionListener l, dev.thinkbench.engine.CancelToken c)
                    throws dev.thinkbench.engine.EngineException {
                if (++calls == 2) {
                    throw new NoSuchMethodError("a class from another build");
                }
                return backend.complete(r, l, c);
            }

            @Override public String id() { return "breaking"; }
            @Override public String displayName() { return "Breaking (test)"; }
            @Override public String model() { return "m"; }
        };
        stepper.close();
        stepper = new Stepper(breaking, ChatTemplates.CHATML_THINK, StepperSettings.defaults(null), events::add);
        startPaused();

        StepperSnapshot failed = done(stepper.waitMore());

        assertThat(failed.state()).isEqualTo(StepperState.FAILED);
        assertThat(failed.reason()).contains("a class from another build");
        assertThat(stepper.undo().state()).isEqualTo(StepperState.PAUSED);
    }

    @Test
    void aFailedStepKeepsItsTextAndCanBeUndone() throws Exception {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.then(ScriptStep.reply("Two", ".", "</think>"), new ScriptStep.Cut(List.of(" Th", "ree")));
            stepper.close();
            stepper = new Stepper(new LlamaServerBackend(new RawBackendSpec(server.baseUrl(), null, "m",
                    Duration.ofSeconds(5))), ChatTemplates.CHATML_THINK, StepperSettings.defaults(null), events::add);
            startPaused();

            StepperSnapshot failed = done(stepper.waitMore());

            assertThat(failed.state()).isEqualTo(StepperState.FAILED);
            assertThat(failed.reason()).contains("failed:").contains("before its final event");
            assertThat(failed.active().thinking()).isEqualTo("Two.Wait Three");
            assertThat(stepper.undo().state()).isEqualTo(StepperState.PAUSED);
        }
    }

    @Test
    void snapshotsArriveInOrderWithTheInsertedTextBeforeTheStreamedText() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", "</think>");
        startPaused();
        events.clear();

        done(stepper.waitMore());

        StepperEvent.Recorded wait = (StepperEvent.Recorded) events.getFirst();
        assertThat(wait.event()).isInstanceOfSatisfying(ReasoningEvent.Intervention.class,
                i -> assertThat(i.kind()).isEqualTo(InterventionKind.WAIT_INSERTED));
        StepperEvent.Changed began = (StepperEvent.Changed) events.get(1);
        assertThat(began.snapshot().state()).isEqualTo(StepperState.THINKING);
        assertThat(began.snapshot().pendingInserted()).isEqualTo("Wait");
        assertThat(events.get(2)).isInstanceOfSatisfying(StepperEvent.Recorded.class,
                r -> assertThat(r.event()).isInstanceOf(ReasoningEvent.ThinkingDelta.class));
        assertThat(((StepperEvent.Changed) events.getLast()).snapshot().state()).isEqualTo(StepperState.PAUSED);
    }

    @Test
    void aBranchRecordsTheSameEventsAsACompareColumnAndFoldsInTheSameRecorder() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", ".", "</think>").then(" 3", "<|im_end|>");
        startPaused();
        done(stepper.waitMore());

        StepperSnapshot s = done(stepper.forceAnswer());

        List<ReasoningEvent> events = s.active().events();
        assertThat(events.getFirst()).isInstanceOf(ReasoningEvent.Started.class);
        assertThat(events).filteredOn(e -> e instanceof ReasoningEvent.Intervention).extracting(
                e -> ((ReasoningEvent.Intervention) e).kind())
                .containsExactly(InterventionKind.WAIT_INSERTED, InterventionKind.ANSWER_FORCED);
        assertThat(events.getLast()).isInstanceOf(ReasoningEvent.Finished.class);
        RunRecorder recorder = s.active().recorder(null);
        assertThat(recorder.status()).isEqualTo(RunStatus.OK);
        RunMetrics m = recorder.metrics(System.nanoTime());
        assertThat(m.waits()).isEqualTo(1);
        assertThat(m.thinkingTokens().value()).isEqualTo(s.active().thinkingTokens()).isEqualTo(6);
        assertThat(recorder.trace().thinking()).isEqualTo("Two.Wait Three.");
        assertThat(recorder.trace().answer()).isEqualTo(" 3");
    }

    @Test
    void undoTakesTheUndoneStepsEventsBack() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", ".", "</think>");
        int afterFirst = startPaused().active().events().size();
        done(stepper.waitMore());

        StepperSnapshot undone = stepper.undo();

        assertThat(undone.active().events()).hasSize(afterFirst);
        assertThat(undone.active().recorder(null).metrics(System.nanoTime()).waits()).isZero();
    }

    @Test
    void anEditedTraceIsCountedWithTheModelsTokenizer() throws Exception {
        backend.then("Two", " r's", ".", "</think>");
        assertThat(startPaused().active().thinkingTokens()).isEqualTo(4);

        StepperSnapshot edited = stepper.edit("Count them: r, r, r and one more r.");

        assertThat(edited.active().thinkingTokens()).isGreaterThan(4); // the estimate, at once
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stepper.snapshot().active().thinkingTokens() != 9 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(stepper.snapshot().active().thinkingTokens()).isEqualTo(9); // the tokenizer's nine words
        assertThat(stepper.snapshot().active().recorder(null).metrics(System.nanoTime()).thinkingTokens().value())
                .isEqualTo(9);

        StepperSnapshot shorter = stepper.edit("r.");
        assertThat(shorter.active().thinkingTokens()).isLessThan(9);
    }
}
