package dev.thinkbench.core;

/**
 * One generated token and how sure the model was of it: the probability its sampler's distribution gave the token
 * that was chosen (1 = certain). Pure data; any thread.
 *
 * @param text the token's text as the engine decoded it (may be part of a character for byte-level tokens)
 * @param probability the chosen token's probability, 0 to 1
 */
public record TokenProbability(String text, double probability) {

    public TokenProbability {
        text = text == null ? "" : text;
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1, was " + probability);
        }
    }
}
