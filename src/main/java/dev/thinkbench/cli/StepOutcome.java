package dev.thinkbench.cli;

import dev.thinkbench.forcing.StepScript;
import dev.thinkbench.forcing.StepperState;

import java.util.Locale;

/**
 * Says why a step script ended without an answer when no action was refused and no step failed: e.g. {@code undo}
 * as the last action takes the session back to before the first step, so there is nothing to answer. Without this the
 * command would exit 1 with no reason.
 */
final class StepOutcome {

    private StepOutcome() {
    }

    /** {@code result}, with an error that explains a script ending without an answer. */
    static StepScript.Result explain(StepScript.Result result, StepScript script) {
        StepperState state = result.snapshot().state();
        if (result.error() != null || state == StepperState.DONE) {
            return result;
        }
        String last = script.actions().isEmpty() ? "the first step" : "'" + script.actions().getLast().written() + "'";
        String why = switch (state) {
            case IDLE -> "the session is back at its start after " + last + ", so there is nothing to answer";
            case FAILED -> "the last step failed: " + result.snapshot().reason();
            default -> "the session is " + state.name().toLowerCase(Locale.ROOT) + " after " + last;
        };
        return new StepScript.Result(result.snapshot(), result.notes(), "the script ended without an answer: " + why
                + ". End the actions with answer (force it) or continue (accept the model's end).");
    }
}
