package dev.thinkbench.core;

import java.util.List;

/**
 * One generated token and how sure the model was of it: the probability its sampler's distribution gave the token
 * that was chosen (1 = certain), and, where the model hesitated, the tokens it nearly chose instead. Pure data; any
 * thread.
 *
 * @param text the token's text as the engine decoded it (may be part of a character for byte-level tokens)
 * @param probability the chosen token's probability, 0 to 1
 * @param alternatives the most likely other tokens at this position, most likely first; empty when none were
 *                     reported or the model was sure (see {@link #ALTERNATIVES_BELOW})
 */
public record TokenProbability(String text, double probability, List<Alternative> alternatives) {

    /** How many alternatives a token keeps at most. */
    public static final int MAX_ALTERNATIVES = 3;

    /**
     * Alternatives are kept only for tokens chosen with less than this probability: above it nothing else came
     * close, and a long trace would carry them for every token.
     */
    public static final double ALTERNATIVES_BELOW = 0.8;

    /** A token the model could have chosen instead, with its probability (0 to 1). */
    public record Alternative(String text, double probability) {

        public Alternative {
            text = text == null ? "" : text;
            probability = Math.min(1, Math.max(0, probability));
        }
    }

    public TokenProbability {
        text = text == null ? "" : text;
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1, was " + probability);
        }
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** A token without alternatives. */
    public TokenProbability(String text, double probability) {
        this(text, probability, List.of());
    }
}
