package dev.thinkbench.core;

/**
 * Sampling settings shared by every column of a comparison. Null means "the engine's default".
 *
 * @param temperature 0 for greedy decoding
 * @param seed fixed seed where the engine supports one
 * @param maxAnswerTokens cap on answer tokens after thinking
 */
public record Sampling(Double temperature, Double topP, Long seed, Integer maxAnswerTokens) {

    /**
     * The largest seed a person may give: every engine takes 0 to 2^31 - 1 as it is. llama.cpp's sampler seed is a
     * uint32 whose 0xFFFFFFFF ({@code -1} as llama-server reads it) means "random", the built-in engine keeps 31 bits,
     * and hosted APIs take a signed 32-bit integer; a negative or larger seed would be random, or fold onto another.
     * (Samples and candidates add to the seed given, as {@code StrategyRun} says; the engines fold those the same way
     * every time.)
     */
    public static final long MAX_SEED = Integer.MAX_VALUE;

    /** Whether {@code seed} is one a person may give (0 to {@link #MAX_SEED}). */
    public static boolean seedInRange(long seed) {
        return seed >= 0 && seed <= MAX_SEED;
    }

    public Sampling {
        // written as "not inside" so NaN, which fails every comparison, is refused too
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], was " + topP);
        }
        if (maxAnswerTokens != null && maxAnswerTokens < 1) {
            throw new IllegalArgumentException("max answer tokens must be at least 1, was " + maxAnswerTokens);
        }
    }

    public static Sampling defaults() {
        return new Sampling(null, null, null, null);
    }

    /** Greedy decoding with a fixed seed: reproducible where the engine allows. */
    public static Sampling greedy(long seed) {
        return new Sampling(0.0, null, seed, null);
    }
}
