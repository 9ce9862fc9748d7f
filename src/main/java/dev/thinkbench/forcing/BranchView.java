package dev.thinkbench.forcing;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Trace;

import java.util.List;

/**
 * One branch of a stepping session as the user sees it: the timeline of steps (segments between interventions, each
 * with tokens and time, then the answer), the thinking as the model saw it, and every answer it gave.
 *
 * @param parentId the branch this one was forked from, null for the first
 * @param forkedAfterSteps how many of the parent's steps it shares
 * @param steps thinking steps, then the answer step if written
 * @param answers every answer this branch produced, in order (withdrawn ones were undone)
 * @param events the branch's run as {@link ReasoningEvent}s, from {@code Started} to where it stands (an undo takes
 *               the undone step's events back), the same events a Compare column records
 */
public record BranchView(int id, String name, Integer parentId, int forkedAfterSteps, StepperState status,
                         String reason, List<StepRecord> steps, String thinking, int thinkingTokens,
                         List<AnswerRecord> answers, List<ReasoningEvent> events) {

    public BranchView {
        steps = List.copyOf(steps);
        answers = List.copyOf(answers);
        events = List.copyOf(events);
    }

    /** The branch's events folded by a {@link RunRecorder}, as a Compare column folds its run. */
    public RunRecorder recorder(Price price) {
        RunRecorder recorder = new RunRecorder(price);
        events.forEach(recorder::accept);
        return recorder;
    }

    /** The answer written on this branch now, empty if none. */
    public String answer() {
        return steps.isEmpty() || steps.getLast().phase() != StepRecord.Phase.ANSWER ? "" : steps.getLast().text();
    }

    /** The thinking steps only. */
    public List<StepRecord> thinkingSteps() {
        return steps.stream().filter(s -> s.phase() == StepRecord.Phase.THINKING).toList();
    }

    /** The branch as a core {@link Trace}, folded from its events (see {@link #recorder}). */
    public Trace toTrace() {
        return recorder(null).trace();
    }
}
