package dev.thinkbench.engine;

import java.util.List;

/**
 * One generated token with its log-probability under the model (natural log, the model's own distribution before
 * temperature or truncation) and the most likely alternatives at that position.
 *
 * @param text the token's text (a piece of a multi-byte character shows as a replacement character)
 * @param token the token id in the model's vocabulary
 * @param top the alternatives, most likely first (the chosen token is among them when it ranks high enough)
 */
public record TokenLogprob(String text, int token, double logprob, List<Alternative> top) {

    public TokenLogprob {
        top = top == null ? List.of() : List.copyOf(top);
    }

    /** An alternative token at the same position. */
    public record Alternative(String text, int token, double logprob) {
    }

    /** The probability, {@code exp(logprob)}. */
    public double probability() {
        return Math.exp(logprob);
    }
}
