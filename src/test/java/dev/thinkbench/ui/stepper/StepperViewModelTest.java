package dev.thinkbench.ui.stepper;

import dev.thinkbench.core.Grade;
import dev.thinkbench.core.ReasoningEvent;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.lab.session.StepperRecord;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.Stepper;
import dev.thinkbench.forcing.StepperAction;
import dev.thinkbench.forcing.StepperEvent;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.testing.ProbabilityTestBackend;
import dev.thinkbench.testing.ScriptedTestBackend;
import dev.thinkbench.ui.text.TextChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The view model without a toolkit: properties and lists work headless, drain() is called by hand. */
class StepperViewModelTest {

    private final ScriptedTestBackend backend = new ScriptedTestBackend();
    private Consumer<StepperEvent> listener;
    private final StepperViewModel vm = new StepperViewModel((t, l) -> {
        listener = l;
        return new Stepper(backend, t, StepperSettings.defaults(Sampling.greedy(1)), l);
    }, ChatTemplates.builtIns());

    @AfterEach
    void close() {
        vm.close();
    }

    private void drainUntil(StepperState state) throws InterruptedException {
        drainUntil(state, 1);
    }

    /** Drains frame by frame (bounded) until the state is reached with that many timeline rows. */
    private void drainUntil(StepperState state, int rows) throws InterruptedException {
        drainUntil(vm, state, rows);
    }

    private static void drainUntil(StepperViewModel vm, StepperState state, int rows) throws InterruptedException {
        for (int i = 0; i < 1000 && !(vm.stateProperty().get() == state && vm.timeline().size() == rows); i++) {
            vm.drain();
            Thread.sleep(5);
        }
        assertThat(vm.stateProperty().get()).isEqualTo(state);
        assertThat(vm.timeline()).hasSize(rows);
    }

    private void drainUntilThinking(String text) throws InterruptedException {
        for (int i = 0; i < 1000 && !vm.currentThinking().contains(text); i++) {
            vm.drain();
            Thread.sleep(5);
        }
        assertThat(vm.currentThinking()).contains(text);
    }

    /** Runs "What is 6 x 7?" to its first pause, forks, and on the fork waits once: branch 1 "6x7=43", branch 2 on. */
    private void forkThenWaitOnTheFork() throws InterruptedException {
        backend.then("6x7=43", "</think>").then(" Let me check: 6x7=42", "</think>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.run();
        drainUntil(StepperState.PAUSED);
        vm.fork();
        vm.drain();
        vm.waitMore();
        drainUntilThinking("6x7=42");
    }

    @Test
    void manyStreamedPiecesBecomeOneTraceUpdatePerFrame() throws Exception {
        backend.then("a", "</think>");
        vm.promptProperty().set("q");
        vm.run();
        drainUntil(StepperState.PAUSED);
        List<TraceUpdate> updates = new ArrayList<>();
        vm.traceProperty().addListener((o, a, b) -> updates.add(b));

        for (int i = 0; i < 200; i++) {
            listener.accept(new StepperEvent.Recorded(1, new ReasoningEvent.ThinkingDelta(System.nanoTime(), "x", 1)));
        }
        vm.drain();

        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.replace()).isFalse();
            assertThat(u.text()).hasSize(200);
        });
    }

    @Test
    void aWrittenAnswerIsGradedAgainstTheExpectedOneAndEachBranchSaysWhetherItsAnswerIsRight() throws Exception {
        backend.then("6x7=43", "</think>").then("43", "<|im_end|>").then("Final Answer: 42", "<|im_end|>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.expectedProperty().set("42");
        vm.run();
        drainUntil(StepperState.PAUSED);
        assertThat(vm.gradeProperty().get()).as("no answer yet").isNull();

        vm.continueToAnswer();
        drainUntil(StepperState.DONE, 2);

        assertThat(vm.gradeProperty().get().verdict()).isEqualTo(Grade.Verdict.WRONG);
        assertThat(vm.gradeProperty().get().extracted()).isEqualTo("43");
        assertThat(vm.branches()).singleElement().satisfies(b -> {
            assertThat(b.verdict()).isEqualTo("wrong, expected 42");
            assertThat(b.toString()).endsWith(", answer: 43 (wrong, expected 42)");
        });

        vm.expectedProperty().set("43");
        assertThat(vm.gradeProperty().get().verdict()).as("graded again at once").isEqualTo(Grade.Verdict.CORRECT);
        assertThat(vm.branches().getFirst().verdict()).isEqualTo("right");

        vm.expectedProperty().set("");
        assertThat(vm.gradeProperty().get().verdict()).isEqualTo(Grade.Verdict.UNGRADABLE);
        assertThat(vm.branches().getFirst().verdict()).isEmpty();

        vm.undo();
        drainUntil(StepperState.PAUSED, 1);
        assertThat(vm.gradeProperty().get()).as("the answer undone").isNull();
        vm.expectedProperty().set("42");
        vm.continueToAnswer();
        drainUntil(StepperState.DONE, 2);
        assertThat(vm.branches().getFirst().toString()).as("answers as the grader reads them, one space apart")
                .endsWith(", answer: 42 (right) \u00b7 answers: \"43\" (undone) \u2192 \"42\"");

        vm.undo();
        drainUntil(StepperState.PAUSED, 1);
        vm.undo();
        drainUntil(StepperState.IDLE, 0);
        assertThat(vm.statusProperty().get()).as("everything undone").isEqualTo("Run (Ctrl+Enter) starts the thinking on the prompt above.");
    }

    @Test
    void aWaitRedrawsTheTraceWithTheInsertedTextMarked() throws Exception {
        backend.then("Two", ".", "</think>").then(" Three", ".", "</think>");
        vm.promptProperty().set("q");
        vm.run();
        drainUntil(StepperState.PAUSED);

        vm.waitMore();
        drainUntil(StepperState.PAUSED, 2);

        TraceUpdate shown = vm.traceProperty().get();
        assertThat(shown.replace()).isTrue();
        assertThat(shown.spans()).extracting(TraceUpdate.Span::kind).containsExactly(TraceUpdate.Kind.MODEL,
                TraceUpdate.Kind.INSERTED, TraceUpdate.Kind.MODEL);
        assertThat(shown.text()).isEqualTo("Two.Wait Three.");
        assertThat(vm.thinkingTokensProperty().get()).isEqualTo(6);
        assertThat(vm.canProperty(StepperAction.CONTINUE).get()).isTrue();
        assertThat(vm.timeline()).hasSize(2);
    }

    @Test
    void theTraceIsColouredByConfidenceOnlyWhenAskedAndAHesitantTokenSaysWhatElseTheModelNearlyWrote()
            throws Exception {
        ScriptedTestBackend scripted = new ScriptedTestBackend();
        scripted.then("Two", " maybe", "</think>").then(" Three", ".", "</think>");
        StepperViewModel probable = new StepperViewModel((t, l) -> new Stepper(new ProbabilityTestBackend(scripted,
                Map.of(" maybe", 0.3, " Three", 0.5), Map.of(" maybe", " surely")), t,
                StepperSettings.defaults(Sampling.greedy(1)), l), ChatTemplates.builtIns());
        try {
            probable.promptProperty().set("q");
            probable.run();
            drainUntil(probable, StepperState.PAUSED, 1);
            assertThat(probable.traceProperty().get().spans()).extracting(TraceUpdate.Span::confidence)
                    .containsOnlyNulls();
            assertThat(probable.hesitationAt(4)).as("off").isNull();

            probable.confidenceShownProperty().set(true);

            assertThat(probable.traceProperty().get().spans()).containsExactly(
                    new TraceUpdate.Span("Two", TraceUpdate.Kind.MODEL, TextChunk.Confidence.SURE),
                    new TraceUpdate.Span(" maybe", TraceUpdate.Kind.MODEL, TextChunk.Confidence.GUESSING));
            assertThat(probable.hesitationAt(4).text()).isEqualTo(" maybe");
            assertThat(probable.hesitationAt(4).alternatives()).extracting(TokenProbability.Alternative::text)
                    .containsExactly(" surely", " else");
            assertThat(probable.hesitationAt(1)).as("sure").isNull();

            probable.waitMore();
            drainUntil(probable, StepperState.PAUSED, 2);

            TraceUpdate shown = probable.traceProperty().get();
            assertThat(shown.text()).isEqualTo("Two maybeWait Three.");
            assertThat(shown.spans()).extracting(TraceUpdate.Span::confidence).containsExactly(
                    TextChunk.Confidence.SURE, TextChunk.Confidence.GUESSING, null, TextChunk.Confidence.UNSURE,
                    TextChunk.Confidence.SURE);
            assertThat(probable.hesitationAt("Two maybeWait".length()).text()).isEqualTo(" Three");
            assertThat(probable.hesitationAt("Two maybeWa".length())).as("the inserted Wait").isNull();
            assertThat(probable.lastSnapshot().active().thinkingSteps()).allSatisfy(step ->
                    assertThat(step.confidence()).isNotEmpty());

            probable.confidenceShownProperty().set(false);
            assertThat(probable.traceProperty().get().text()).isEqualTo("Two maybeWait Three.");
            assertThat(probable.traceProperty().get().spans()).extracting(TraceUpdate.Span::confidence)
                    .containsOnlyNulls();
        } finally {
            probable.close();
        }
    }

    @Test
    void theWrittenAnswerIsColouredByConfidenceLikeTheTraceAndSaysWhatElseTheModelNearlyAnswered() throws Exception {
        ScriptedTestBackend scripted = new ScriptedTestBackend();
        scripted.then("Two", "</think>").then(" 4", "<|im_end|>");
        StepperViewModel probable = new StepperViewModel((t, l) -> new Stepper(new ProbabilityTestBackend(scripted,
                Map.of(" 4", 0.5), Map.of(" 4", " 5")), t, StepperSettings.defaults(Sampling.greedy(1)), l),
                ChatTemplates.builtIns());
        try {
            probable.promptProperty().set("q");
            probable.run();
            drainUntil(probable, StepperState.PAUSED, 1);
            probable.continueToAnswer();
            drainUntil(probable, StepperState.DONE, 2);
            assertThat(probable.answerTraceProperty().get().text()).isEqualTo(" 4");
            assertThat(probable.answerTraceProperty().get().spans()).extracting(TraceUpdate.Span::confidence)
                    .containsOnlyNulls();
            assertThat(probable.answerHesitationAt(1)).as("off").isNull();

            probable.confidenceShownProperty().set(true);

            assertThat(probable.answerTraceProperty().get().spans()).containsExactly(
                    new TraceUpdate.Span(" 4", TraceUpdate.Kind.MODEL, TextChunk.Confidence.UNSURE));
            assertThat(probable.answerHesitationAt(1).text()).isEqualTo(" 4");
            assertThat(probable.answerHesitationAt(1).alternatives()).extracting(TokenProbability.Alternative::text)
                    .startsWith(" 5");

            probable.undo();
            drainUntil(probable, StepperState.PAUSED, 1);
            assertThat(probable.answerTraceProperty().get().text()).as("the answer undone").isEmpty();
            assertThat(probable.answerHesitationAt(1)).isNull();
        } finally {
            probable.close();
        }
    }

    @Test
    void aSavedSessionShownAgainPutsTheUsersPromptInTheBoxSoRunTemplatesItOnce() throws Exception {
        backend.then("6x7=42", "</think>").then("6x7=42", "</think>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.systemProperty().set("Be brief.");
        vm.run();
        drainUntil(StepperState.PAUSED);
        StepperRecord saved = StepperRecord.of(vm.lastSnapshot(), vm.systemProperty().get(),
                vm.templateProperty().get().name(), "");
        assertThat(saved.prompt()).as("saved templated").contains("<|im_start|>user");

        vm.promptProperty().set("something else");
        vm.showRecorded(saved.snapshot(), "");
        assertThat(vm.promptProperty().get()).isEqualTo("What is 6 x 7?");
        vm.run();
        drainUntil(StepperState.PAUSED);
        assertThat(backend.prompts().getLast()).as("templated once").isEqualTo(saved.prompt());
    }

    @Test
    void aSavedSessionIsGradedAgainstItsExpectedAnswerWhetherTheWindowIsNewOrTheBoxHeldItAlready() throws Exception {
        backend.then("6x7=42", "</think>").then("Final Answer: 42", "<|im_end|>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.run();
        drainUntil(StepperState.PAUSED);
        vm.continueToAnswer();
        drainUntil(StepperState.DONE, 2);
        StepperRecord saved = StepperRecord.of(vm.lastSnapshot(), "", vm.templateProperty().get().name(), "42");

        // a window that has shown nothing yet (bin/thinkbench open FILE)
        StepperViewModel fresh = new StepperViewModel((t, l) -> {
            throw new AssertionError("nothing runs");
        }, vm.templates());
        fresh.showRecorded(saved.snapshot(), saved.expected());
        drainUntil(fresh, StepperState.DONE, 2);
        assertThat(fresh.gradeProperty().get().verdict()).isEqualTo(Grade.Verdict.CORRECT);
        assertThat(fresh.branches().getFirst().verdict()).isEqualTo("right");

        // the box already says 42: the field tells nobody, the session is graded all the same
        fresh.showRecorded(saved.snapshot(), saved.expected());
        drainUntil(fresh, StepperState.DONE, 2);
        assertThat(fresh.gradeProperty().get().verdict()).isEqualTo(Grade.Verdict.CORRECT);
    }

    @Test
    void clearEmptiesTheTabAsBeforeItsFirstRunAndDropsWhatTheClosedSessionStillSends() throws Exception {
        backend.then("6x7=42", "</think>").then("Final Answer: 42", "<|im_end|>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.expectedProperty().set("42");
        vm.run();
        drainUntil(StepperState.PAUSED);
        vm.continueToAnswer();

        vm.clear();
        for (int i = 0; i < 20; i++) {
            vm.drain();
            Thread.sleep(5);
        }

        assertThat(vm.lastSnapshot()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(StepperState.IDLE);
        assertThat(vm.timeline()).isEmpty();
        assertThat(vm.branches()).isEmpty();
        assertThat(vm.currentThinking()).isEmpty();
        assertThat(vm.answerProperty().get()).isEmpty();
        assertThat(vm.gradeProperty().get()).isNull();
        assertThat(vm.canRunProperty().get()).isTrue();
        assertThat(vm.runWouldDiscard()).isEmpty();
        assertThat(vm.promptProperty().get()).as("the boxes keep their text").isEqualTo("What is 6 x 7?");
        assertThat(vm.expectedProperty().get()).isEqualTo("42");
    }

    @Test
    void aPromptThatNoTemplateMadeIsShownAsItIs() {
        assertThat(vm.templateProperty().get().userPart("plain text", "")).isEmpty();
        String made = vm.templateProperty().get().prompt("", "Hi <there>");
        assertThat(vm.templateProperty().get().userPart(made, "")).hasValue("Hi <there>");
        assertThat(vm.templateProperty().get().userPart(made, "a system prompt")).as("another system prompt")
                .isEmpty();
    }

    @Test
    void aRefusedActionIsShownNotThrown() throws Exception {
        vm.waitMore();
        assertThat(vm.errorProperty().get()).isEqualTo("Press Run first: it starts the thinking on the prompt.");
        vm.promptProperty().set(" ");
        vm.run();
        assertThat(vm.errorProperty().get()).isEqualTo("Type a prompt first: the model thinks on it.");

        backend.then("6x7=42", "</think>").then("42", "<|im_end|>");
        vm.promptProperty().set("What is 6 x 7?");
        assertThat(vm.errorProperty().get()).as("a prompt typed: the refusal no longer holds").isEmpty();
        vm.run();
        vm.continueToAnswer(); // before the thinking pauses
        assertThat(vm.errorProperty().get()).isEqualTo("Let it answer is not possible now.");
        drainUntil(StepperState.PAUSED);
        assertThat(vm.errorProperty().get()).as("possible now: the refusal is gone").isEmpty();
        vm.continueToAnswer();
        drainUntil(StepperState.DONE, 2);
        vm.waitMore(); // the W key, whose button is disabled once the answer is written
        assertThat(vm.errorProperty().get()).isEqualTo("Wait is not possible now: the answer is written. Ctrl+Z steps "
                + "back before it (F first forks, to keep this branch).");
        vm.undo();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aKeyPressedTwiceBeforeTheWindowHeardOfTheFirstIsRefusedInItsWordsUntilPossibleAgain() throws Exception {
        backend.then("6x7=43", "</think>").then(" Let me check: 6x7=42", "</think>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.run();
        drainUntil(StepperState.PAUSED);
        backend.holdAfter(0);
        vm.waitMore();
        backend.awaitHeld();
        vm.waitMore(); // W again: the button still says possible, the session is already thinking

        assertThat(vm.errorProperty().get()).isEqualTo("Wait is not possible while the model writes: wait for it to "
                + "pause, or press Esc to stop it.");
        backend.release();
        drainUntil(StepperState.PAUSED, 2);
        assertThat(vm.errorProperty().get()).as("gone once Wait is possible again").isEmpty();
    }

    @Test
    void everyStepUndoneLeavesNothingToSave() throws Exception {
        backend.then("6x7=42", "</think>");
        assertThat(vm.snapshotToSave()).as("nothing ran").isNull();
        vm.promptProperty().set("What is 6 x 7?");
        vm.run();
        drainUntil(StepperState.PAUSED);
        assertThat(vm.snapshotToSave()).isNotNull();

        vm.undo();
        drainUntil(StepperState.IDLE, 0);

        assertThat(vm.lastSnapshot().branches()).as("the branch is still there, empty").hasSize(1);
        assertThat(vm.snapshotToSave()).isNull();
    }

    @Test
    void aStepThatHangsIsStoppedWithWhatItWroteKept() throws Exception {
        // a server that went silent mid-answer: the answer step waits on it until stopped
        backend.then("6x7=42", "</think>").then("4", "2", "<|im_end|>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.run();
        drainUntil(StepperState.PAUSED);
        backend.holdAfter(1);
        vm.continueToAnswer();
        backend.awaitHeld();
        drainUntil(StepperState.ANSWERING, 1);
        vm.waitMore();
        assertThat(vm.errorProperty().get()).isEqualTo("Wait is not possible while the model writes: wait for it to "
                + "pause, or press Esc to stop it.");

        vm.stop();
        drainUntil(StepperState.FAILED, 2);
        assertThat(vm.answerProperty().get()).as("what it wrote before it hung").isEqualTo("4");
        assertThat(vm.statusProperty().get()).contains("stopped");
        vm.undo();
        drainUntil(StepperState.PAUSED, 1);
    }

    @Test
    void anExpectedAnswerBelongsToItsPromptAndANewPromptIsNotGradedAgainstIt() throws Exception {
        backend.then("6x7=42", "</think>").then("42", "<|im_end|>").then("17+25=42", "</think>")
                .then("42", "<|im_end|>");
        vm.promptProperty().set("What is 6 x 7?");
        vm.expectedProperty().set("42");
        vm.run();
        drainUntil(StepperState.PAUSED);
        vm.continueToAnswer();
        drainUntil(StepperState.DONE, 2);
        assertThat(vm.gradeProperty().get().verdict()).isEqualTo(Grade.Verdict.CORRECT);

        vm.promptProperty().set("What is 17 + 25?");
        assertThat(vm.expectedProperty().get()).as("the last prompt's answer").isEmpty();
        assertThat(vm.branches().getFirst().verdict()).as("the session shown keeps its grade").isEqualTo("right");

        vm.expectedProperty().set("66");
        assertThat(vm.branches().getFirst().verdict()).as("an answer typed for another prompt").isEqualTo("right");
        vm.run();
        drainUntil(StepperState.PAUSED);
        vm.continueToAnswer();
        drainUntil(StepperState.DONE, 2);
        assertThat(vm.gradeProperty().get().verdict()).isEqualTo(Grade.Verdict.WRONG);
        vm.expectedProperty().set("42");
        assertThat(vm.gradeProperty().get().verdict()).as("corrected for this prompt").isEqualTo(Grade.Verdict.CORRECT);

        vm.promptProperty().set("");
        vm.expectedProperty().set("7");
        vm.promptProperty().set("W");
        vm.promptProperty().set("What is 3 + 4?");
        assertThat(vm.expectedProperty().get()).as("typed before its prompt, kept while the prompt is typed")
                .isEqualTo("7");
    }

    @Test
    void aSavedSessionsBranchesCanBeViewedOneByOne() throws Exception {
        forkThenWaitOnTheFork();
        int secondRows = vm.timeline().size();
        StepperRecord saved = StepperRecord.of(vm.lastSnapshot(), "", vm.templateProperty().get().name(), "42");
        int second = vm.lastSnapshot().activeBranchId();
        int first = vm.lastSnapshot().branches().getFirst().id();

        vm.promptProperty().set("another prompt");
        vm.showRecorded(saved.snapshot(), saved.expected());
        drainUntil(StepperState.PAUSED, secondRows);
        vm.selectBranch(first);
        for (int i = 0; i < 1000 && vm.lastSnapshot().activeBranchId() != first; i++) {
            vm.drain();
            Thread.sleep(5);
        }

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.currentThinking()).isEqualTo("6x7=43");
        assertThat(vm.branches()).filteredOn(BranchSummary::active).singleElement()
                .satisfies(b -> assertThat(b.id()).isEqualTo(first));
        vm.selectBranch(second);
        drainUntilThinking("6x7=42");
        assertThat(vm.currentThinking()).startsWith("6x7=43").contains("6x7=42");
        assertThat(vm.expectedProperty().get()).as("the session's own expected answer").isEqualTo("42");

        vm.waitMore();
        assertThat(vm.errorProperty().get()).startsWith("This is a saved session");
    }

    @Test
    void aForkedBranchShowsItsSharedStepsAsOneForkRowNotAsStepsRunTwice() throws Exception {
        forkThenWaitOnTheFork();

        assertThat(vm.timeline()).extracting(TimelineRow::branchId, TimelineRow::step, TimelineRow::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "1", "think"),
                        org.assertj.core.groups.Tuple.tuple(2, "", "fork"),
                        org.assertj.core.groups.Tuple.tuple(2, "2", "wait"));
        TimelineRow fork = vm.timeline().get(1);
        assertThat(fork.tokens()).isNull();
        assertThat(fork.millis()).isNull();
        assertThat(fork.ended()).isEqualTo("from branch 1 after its step 1: those steps ran there, shared here");
    }
}
