package dev.thinkbench.core;

import java.util.Objects;

/**
 * One run: what to ask, of which model, with which budget. The engine is the object the spec is given to.
 *
 * @param prompt the user's prompt, not blank
 * @param system optional system prompt, empty for none
 * @param model the engine's model name
 */
public record RunSpec(String prompt, String system, String model, Budget budget, Sampling sampling) {

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

    public RunSpec withBudget(Budget other) {
        return new RunSpec(prompt, system, model, other, sampling);
    }
}
