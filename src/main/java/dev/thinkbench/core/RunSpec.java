package dev.thinkbench.core;

import java.util.Objects;

/**
 * One run: what to ask, of which model, with which budget. The engine is the object the spec is given to.
 *
 * @param prompt the user's prompt, not blank
 * @param system optional system prompt, empty for none
 * @param model the engine's model name
 * @param reuseGreedyPicks let the engine take, without generating them again, tokens greedy decoding already picked
 *                         after the same text in an earlier run (the built-in engine does: a longer budget of a
 *                         sweep's problem then generates only the thinking a shorter one did not reach). The text is
 *                         the same, but those tokens arrive at once, so the run's speed and latency no longer show
 *                         how fast the model generates: for sweeps, not for runs people watch
 */
public record RunSpec(String prompt, String system, String model, Budget budget, Sampling sampling,
                      boolean reuseGreedyPicks) {

    public RunSpec {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt is empty");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("no model chosen");
        }
        system = system == null ? "" : system;
        Objects.requireNonNull(budget, "budget");
        sampling = sampling == null ? Sampling.defaults() : sampling;
    }

    /** A run that generates every token it shows. */
    public RunSpec(String prompt, String system, String model, Budget budget, Sampling sampling) {
        this(prompt, system, model, budget, sampling, false);
    }

    public RunSpec withBudget(Budget other) {
        return new RunSpec(prompt, system, model, other, sampling, reuseGreedyPicks);
    }

    /** This run, allowed to reuse greedy picks of earlier runs (see {@link #reuseGreedyPicks}). */
    public RunSpec reusingGreedyPicks() {
        return new RunSpec(prompt, system, model, budget, sampling, true);
    }
}
