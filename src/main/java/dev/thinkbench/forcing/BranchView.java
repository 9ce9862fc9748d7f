package dev.thinkbench.forcing;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.ThinkingSegment;
import dev.thinkbench.core.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * One branch of a stepping session as the user sees it: the timeline of steps (segments between interventions, each
 * with tokens and time, then the answer), the thinking as the model saw it, and every answer it gave.
 *
 * @param parentId the branch this one was forked from, null for the first
 * @param forkedAfterSteps how many of the parent's steps it shares
 * @param steps thinking steps, then the answer step if written
 * @param answers every answer this branch produced, in order (withdrawn ones were undone)
 */
public record BranchView(int id, String name, Integer parentId, int forkedAfterSteps, StepperState status,
                         String reason, List<StepRecord> steps, String thinking, int thinkingTokens,
                         List<AnswerRecord> answers) {

    public BranchView {
        steps = List.copyOf(steps);
        answers = List.copyOf(answers);
    }

    /** The answer written on this branch now, empty if none. */
    public String answer() {
        return steps.isEmpty() || steps.getLast().phase() != StepRecord.Phase.ANSWER ? "" : steps.getLast().text();
    }

    /** The thinking steps only. */
    public List<StepRecord> thinkingSteps() {
        return steps.stream().filter(s -> s.phase() == StepRecord.Phase.THINKING).toList();
    }

    /**
     * The branch as a core {@link Trace}: one thinking segment per step (from the last edit on, as the model saw
     * it), then the answer.
     */
    public Trace toTrace() {
        List<ThinkingSegment> segments = new ArrayList<>();
        for (StepRecord s : thinkingSteps()) {
            if (s.openedBy() == InterventionKind.TRACE_EDITED) {
                segments.clear();
            }
            segments.add(new ThinkingSegment(s.openedBy(), s.inserted(), s.text(), s.tokens(), s.startNanos(),
                    s.endNanos()));
        }
        RunStatus runStatus = switch (status) {
            case DONE -> RunStatus.OK;
            case FAILED -> RunStatus.FAILED;
            case IDLE -> RunStatus.PENDING;
            case THINKING, ANSWERING, PAUSED -> RunStatus.RUNNING;
        };
        return new Trace(segments, answer(), runStatus, status == StepperState.FAILED ? FailureKind.UNKNOWN : null,
                status == StepperState.FAILED ? reason : null);
    }
}
