package dev.thinkbench.lab.strategy;

import dev.thinkbench.engine.CompletionResult;

import java.util.OptionalDouble;

/**
 * How confident the model is in a probe's answer, from the token probabilities of the probe's continuation: the
 * extension point for confidence-based adaptive thinking (DeepConf-style). No engine reports probabilities yet, so
 * {@link #NONE} is what sweeps use today; an engine that does would read them from its result here.
 */
@FunctionalInterface
public interface ProbeConfidence {

    /** No probabilities: always empty. */
    ProbeConfidence NONE = probe -> OptionalDouble.empty();

    /** A confidence from 0 to 1 for {@code probe}'s answer, empty when unknown. */
    OptionalDouble of(CompletionResult probe);
}
