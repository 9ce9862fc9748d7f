package dev.thinkbench.forcing;

import dev.thinkbench.core.ReasoningEvent;

import dev.thinkbench.core.InterventionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * One branch at one moment: its steps so far, how many Waits it used, where it stands and why. Immutable; undo goes
 * back to an earlier one.
 *
 * @param reason why it is paused, done or failed, for people
 */
record BranchState(List<StepRecord> steps, int waitsUsed, StepperState status, String reason,
                   List<ReasoningEvent> events) {

    static final BranchState EMPTY = new BranchState(List.of(), 0, StepperState.IDLE, "", List.of());

    BranchState {
        steps = List.copyOf(steps);
        events = List.copyOf(events);
    }

    /** This state with one more step, and the events recorded for it. */
    BranchState with(StepRecord step, int waits, StepperState newStatus, String why, List<ReasoningEvent> more) {
        List<StepRecord> moreSteps = new ArrayList<>(steps);
        moreSteps.add(step);
        List<ReasoningEvent> moreEvents = new ArrayList<>(events);
        moreEvents.addAll(more);
        return new BranchState(moreSteps, waits, newStatus, why, moreEvents);
    }

    /** This state with its last step and its events replaced: an edit whose size became known. */
    BranchState withLastStep(StepRecord step, List<ReasoningEvent> newEvents) {
        List<StepRecord> changed = new ArrayList<>(steps);
        changed.set(changed.size() - 1, step);
        return new BranchState(changed, waitsUsed, status, reason, newEvents);
    }

    /** The thinking as the model sees it: inserted texts and generated text; an edit replaces what came before. */
    String thinking() {
        StringBuilder b = new StringBuilder();
        for (StepRecord s : steps) {
            if (s.phase() != StepRecord.Phase.THINKING) {
                continue;
            }
            if (s.openedBy() == InterventionKind.TRACE_EDITED) {
                b.setLength(0);
            }
            b.append(s.inserted()).append(s.text());
        }
        return b.toString();
    }

    /**
     * Thinking tokens the model generated in this trace, counted as servers count them: each step's generated tokens
     * (the end-of-thinking token it wrote included, the text inserted before it, such as "Wait", not), since the last
     * edit, plus the edited text's own size (an edit's step carries it), so an edit that shortens the trace shortens
     * the count.
     */
    int thinkingTokens() {
        int sum = 0;
        for (StepRecord s : steps) {
            if (s.phase() != StepRecord.Phase.THINKING) {
                continue;
            }
            if (s.openedBy() == InterventionKind.TRACE_EDITED) {
                sum = 0;
            }
            sum += s.tokens();
        }
        return sum;
    }

    long thinkingSegments() {
        return steps.stream().filter(s -> s.phase() == StepRecord.Phase.THINKING
                && s.openedBy() != InterventionKind.TRACE_EDITED).count();
    }

    /** The answer step, or null. */
    StepRecord answer() {
        return steps.isEmpty() || steps.getLast().phase() != StepRecord.Phase.ANSWER ? null : steps.getLast();
    }
}
