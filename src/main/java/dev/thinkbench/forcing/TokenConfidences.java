package dev.thinkbench.forcing;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.TokenLogprob;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns an engine's token log-probabilities into the confidence the app shows: each token's probability and, where
 * the model hesitated (under {@link TokenProbability#ALTERNATIVES_BELOW}), up to
 * {@link TokenProbability#MAX_ALTERNATIVES} tokens it nearly chose. Stateless.
 */
final class TokenConfidences {

    /** Alternatives to ask the engine for: the chosen token is usually among them, so one more than are kept. */
    static final int TOP_LOGPROBS = TokenProbability.MAX_ALTERNATIVES + 1;

    private TokenConfidences() {
    }

    static List<TokenProbability> of(List<TokenLogprob> tokens) {
        List<TokenProbability> out = new ArrayList<>(tokens.size());
        for (TokenLogprob t : tokens) {
            double p = Math.min(1, Math.max(0, t.probability()));
            out.add(new TokenProbability(t.text(), p, p < TokenProbability.ALTERNATIVES_BELOW ? alternatives(t)
                    : List.of()));
        }
        return out;
    }

    /**
     * How sure the model was when it began {@code stop}, the stop string that ended a step: the probability of the
     * token where the stop string's text starts, found by joining the step's last tokens; empty when the tokens do
     * not end with it (the engine reported no probabilities, or not the stop string's tokens).
     */
    static OptionalDouble stopProbability(List<TokenProbability> tokens, String stop) {
        if (stop == null || stop.isEmpty()) {
            return OptionalDouble.empty();
        }
        StringBuilder tail = new StringBuilder();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            tail.insert(0, tokens.get(i).text());
            if (tail.length() >= stop.length()) {
                return tail.toString().endsWith(stop) ? OptionalDouble.of(tokens.get(i).probability())
                        : OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * How sure the model was of a piece of text as a whole: its least likely token's probability (as adaptive
     * thinking's probes are judged); empty when no probabilities were reported.
     */
    static OptionalDouble leastSure(List<TokenProbability> tokens) {
        return tokens.stream().mapToDouble(TokenProbability::probability).min();
    }

    private static List<TokenProbability.Alternative> alternatives(TokenLogprob t) {
        List<TokenProbability.Alternative> out = new ArrayList<>(TokenProbability.MAX_ALTERNATIVES);
        for (TokenLogprob.Alternative a : t.top()) {
            if (a.token() != t.token() && out.size() < TokenProbability.MAX_ALTERNATIVES) {
                out.add(new TokenProbability.Alternative(a.text(), Math.exp(a.logprob())));
            }
        }
        return out;
    }
}
