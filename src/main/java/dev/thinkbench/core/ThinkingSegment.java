package dev.thinkbench.core;

/**
 * Thinking between two interventions.
 *
 * @param openedBy the intervention that began this segment, null for the first
 * @param insertedText the text the intervention appended before this segment ("Wait"), empty for none
 * @param text the model's thinking in this segment
 * @param tokens tokens the engine attributed to this segment
 * @param startNanos monotonic time of the segment's first event
 * @param endNanos monotonic time of its last event (equal to start while empty)
 */
public record ThinkingSegment(InterventionKind openedBy, String insertedText, String text, int tokens,
                              long startNanos, long endNanos) {

    public long durationMillis() {
        return Math.max(0, (endNanos - startNanos) / 1_000_000);
    }
}
