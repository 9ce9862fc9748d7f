package dev.thinkbench.cli;

import dev.thinkbench.core.Sampling;
import picocli.CommandLine.Option;

/**
 * The sampling options ({@code --temperature}, {@code --top-p}, {@code --seed}). A picocli mixin; read on the
 * command's thread.
 */
final class SamplingOptions {

    @Option(names = "--temperature", paramLabel = "T",
            description = "0 (greedy) to 2; default: the engine's own (greedy for the bundled micro model)")
    private Double temperature;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling, above 0 and at most 1")
    private Double topP;

    @Option(names = "--seed", paramLabel = "N",
            description = "Sampling seed, 0 to 2147483647: the same seed and settings repeat a run where the engine "
                    + "allows it")
    private Long seed;

    /**
     * The sampling asked for; {@code defaultTemperature} when no temperature was given (null: the engine's).
     *
     * @throws IllegalArgumentException when a value is out of range (NaN and infinities included)
     */
    Sampling sampling(Double defaultTemperature) {
        // written as "not inside" so NaN, which fails every comparison, is refused too; named as typed, as the other
        // options' messages are (Sampling's own words are the window's)
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("--temperature must be between 0 and 2, was " + temperature);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("--top-p must be above 0 and at most 1, was " + topP);
        }
        if (seed != null && !Sampling.seedInRange(seed)) {
            throw new IllegalArgumentException("--seed must be a whole number from 0 to " + Sampling.MAX_SEED
                    + ", was " + seed + " (every engine takes that range as it is; -1 means \"random\" to llama.cpp)");
        }
        return new Sampling(temperature != null ? temperature : defaultTemperature, topP, seed, null);
    }
}
