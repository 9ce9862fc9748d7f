package dev.thinkbench.engine.local;

import java.time.Duration;

/**
 * How long the built-in engine may take to load a model before the app gives up on it, stops the engine process and
 * says so: a generous minimum plus an allowance per GiB of file (reading from a slow disk, checking the tensors).
 * A load that never answers (a hung native call, a host out of memory) thus fails in bounded time.
 *
 * @param minimum the deadline for any file
 * @param perGibibyte added for each started GiB of the file
 */
public record LoadDeadline(Duration minimum, Duration perGibibyte) {

    /** 60 s, plus 30 s per GiB: a 1 GiB model gets 90 s where it needs about 1 s on an SSD. */
    public static final LoadDeadline STANDARD = new LoadDeadline(Duration.ofSeconds(60), Duration.ofSeconds(30));

    public LoadDeadline {
        if (minimum == null || minimum.isNegative() || minimum.isZero()) {
            throw new IllegalArgumentException("the load deadline must be positive, was " + minimum);
        }
        if (perGibibyte == null || perGibibyte.isNegative()) {
            throw new IllegalArgumentException("the per-GiB allowance must not be negative, was " + perGibibyte);
        }
    }

    /** The deadline for a file of {@code bytes} bytes. */
    public Duration forSize(long bytes) {
        long gibibytes = Math.max(0, (bytes + (1L << 30) - 1) >> 30);
        return minimum.plus(perGibibyte.multipliedBy(gibibytes));
    }
}
