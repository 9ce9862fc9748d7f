package dev.thinkbench.core.problems;

/**
 * How a training scratchpad is written. Every style ends with the right answer; the Wait styles teach the model
 * what a Wait is for, so that a forced Wait at inference time (the forcer appends {@code Wait} right after the last
 * line) continues in distribution: after {@code Wait} comes {@code , } and the next correct line.
 */
public enum TraceStyle {
    /** One correct line per step. */
    CLEAN,
    /** One step written with a wrong result, then {@code Wait, } and the step again, right; then the rest. */
    SLIP,
    /** After some step before the last, {@code Wait, } and the next step: a Wait where thinking could have stopped. */
    EARLY_WAIT,
    /** After the last step, {@code Wait, } and the last step again: a Wait after a finished trace re-checks it. */
    RECHECK
}
