package dev.thinkbench.forcing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which stepper actions fit which moment, and how to say why one does not. Pure functions. */
final class StepperRules {

    private StepperRules() {
    }

    /**
     * @param running THINKING or ANSWERING while a step runs, else null
     * @param maxThinkingTokens the branch's thinking cap: at it, Wait and Insert are no longer offered
     */
    static Set<StepperAction> allowed(boolean closed, StepperState running, BranchState s, boolean canUndo,
                                      int maxThinkingTokens) {
        if (closed || running == StepperState.ANSWERING) {
            return EnumSet.noneOf(StepperAction.class);
        }
        if (running == StepperState.THINKING) {
            return EnumSet.of(StepperAction.FORCE_ANSWER);
        }
        EnumSet<StepperAction> out = switch (s.status()) {
            case IDLE -> EnumSet.of(StepperAction.START);
            case PAUSED -> EnumSet.of(StepperAction.CONTINUE, StepperAction.EDIT, StepperAction.FORCE_ANSWER,
                    StepperAction.FORK);
            case DONE, FAILED -> EnumSet.of(StepperAction.FORK);
            case THINKING, ANSWERING -> EnumSet.noneOf(StepperAction.class);
        };
        if (s.status() == StepperState.PAUSED && s.thinkingTokens() < maxThinkingTokens) {
            out.add(StepperAction.WAIT);
            out.add(StepperAction.INSERT);
        }
        if (canUndo) {
            out.add(StepperAction.UNDO);
        }
        return out;
    }

    /** Where the session stands, in words, for a refused action's message. */
    static String describe(boolean closed, StepperState running, BranchState s) {
        if (closed) {
            return "the session is closed";
        }
        if (running != null) {
            return "the model is " + running.name().toLowerCase(Locale.ROOT);
        }
        return switch (s.status()) {
            case IDLE -> "nothing has run yet";
            case DONE -> "the answer is written (undo or fork first)";
            case FAILED -> "the last step failed (undo it first)";
            case PAUSED -> s.reason();
            case THINKING, ANSWERING -> "a step is running";
        };
    }
}
