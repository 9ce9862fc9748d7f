package dev.thinkbench.cli;

import dev.thinkbench.core.Sampling;
import picocli.CommandLine.Option;

/** The sampling options ({@code --temperature}, {@code --seed}). A picocli mixin; read on the command's thread. */
final class SamplingOptions {

    @Option(names = "--temperature", paramLabel = "T")
    private Double temperature;

    @Option(names = "--seed", paramLabel = "N")
    private Long seed;

    /** @throws IllegalArgumentException when a value is out of range */
    Sampling sampling() {
        return new Sampling(temperature, null, seed, null);
    }
}
