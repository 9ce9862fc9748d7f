package dev.thinkbench.lab.sweep;

import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.strategy.RawAccess;

/**
 * One server a sweep sends runs to (one base URL of a fleet, or the built-in engine), with how many runs it may serve
 * at once.
 *
 * @param name how results and events name it, e.g. its base URL
 * @param raw its raw-continuation backend and template, null when it has none (then adaptive thinking cannot use it)
 * @param concurrency how many calls it serves at once, 1 and up
 */
public record Endpoint(String name, ReasoningEngine engine, RawAccess raw, int concurrency) {

    public Endpoint {
        if (name == null || name.isBlank() || engine == null) {
            throw new IllegalArgumentException("an endpoint needs a name and an engine");
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("concurrency must be between 1 and 1024, was " + concurrency);
        }
    }
}
