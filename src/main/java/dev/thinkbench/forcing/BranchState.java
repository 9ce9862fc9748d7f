package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * One branch at one moment: its steps so far, how many Waits it used, where it stands and why. Immutable; undo goes
 * back to an earlier one.
 *
 * @param reason why it is paused, done or failed, for people
 */
record BranchState(List<StepRecord> steps, int waitsUsed, StepperState status, String reason) {

    static final BranchState EMPTY = new BranchState(List.of(), 0, StepperState.IDLE, "");

    BranchState {
        steps = List.copyOf(steps);
    }

    BranchState with(StepRecord step, int waits, StepperState newStatus, String why) {
        List<StepRecord> more = new ArrayList<>(steps);
        more.add(step);
        return new BranchState(more, waits, newStatus, why);
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

    /** Thinking tokens generated on this branch (edits add none). */
    int thinkingTokens() {
        return steps.stream().filter(s -> s.phase() == StepRecord.Phase.THINKING).mapToInt(StepRecord::tokens).sum();
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
