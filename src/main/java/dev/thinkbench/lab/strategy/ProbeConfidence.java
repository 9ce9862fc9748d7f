package dev.thinkbench.lab.strategy;

import dev.thinkbench.engine.TokenLogprob;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How confident the model is in a probe's answer, from the probabilities of the tokens the probe generated (asked for
 * only where the engine reports them, e.g. the built-in engine): the signal of confidence-based adaptive thinking
 * ({@link StopRule#confidence}).
 */
@FunctionalInterface
public interface ProbeConfidence {

    /** No confidence: always empty, and the probes ask for no probabilities. */
    ProbeConfidence NONE = tokens -> OptionalDouble.empty();

    /**
     * The probability of the probe's least likely token (DeepConf's "lowest confidence" over the probe's few tokens):
     * the formatting around an answer comes with near certainty, so this is how sure the model was of the answer's
     * weakest part. A probe whose answer the model hesitated over (one digit at 0.4) scores 0.4 however sure the rest
     * was; a mean would hide it. Empty for a probe with no token probabilities.
     */
    ProbeConfidence LOWEST_TOKEN = tokens -> tokens.stream().mapToDouble(TokenLogprob::probability).min();

    /** A confidence from 0 to 1 for a probe from its generated tokens' probabilities, empty when unknown. */
    OptionalDouble of(List<TokenLogprob> tokens);
}
