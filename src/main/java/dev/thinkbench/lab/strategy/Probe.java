package dev.thinkbench.lab.strategy;

import java.util.OptionalDouble;

/**
 * One answer probe of adaptive thinking: the answer forced from a fork of the trace after {@code thinkingTokens}
 * thinking tokens, without changing the trace itself.
 *
 * @param extracted the probe's answer as the grader reads it, null when none
 * @param tokens tokens the probe generated
 * @param confidence the engine's confidence in the probe's answer, empty where the engine exposes no probabilities
 */
public record Probe(int thinkingTokens, String text, String extracted, int tokens, OptionalDouble confidence) {
}
