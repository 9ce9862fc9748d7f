package dev.thinkbench.forcing;

import dev.thinkbench.core.RunStatus;

import java.util.List;

/**
 * How a forced run ended: the thinking as the model saw it (Wait texts included), the answer, and every step.
 *
 * @param error the failure message, null unless failed
 */
public record ForcingOutcome(RunStatus status, String thinking, String answer, List<StepRecord> steps,
                             String error) {

    public ForcingOutcome {
        steps = List.copyOf(steps);
    }

    /** Thinking tokens over all thinking steps. */
    public int thinkingTokens() {
        return steps.stream().filter(s -> s.phase() == StepRecord.Phase.THINKING).mapToInt(StepRecord::tokens).sum();
    }
}
