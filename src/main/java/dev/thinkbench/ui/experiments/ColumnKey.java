package dev.thinkbench.ui.experiments;

/**
 * A column of the results table: a strategy at a budget label ({@code routed} for routing, which picks its own).
 */
public record ColumnKey(String strategy, String label) {
}
