package dev.thinkbench.lab.sweep;

/**
 * One point of a sweep's summary: a strategy at a budget label, over every problem and sample.
 *
 * @param budget the budget's spec; {@code mixed} when runs under this label used several (routing)
 * @param n ok runs with a gradable answer: what accuracy is over
 * @param correct of those, correct
 * @param accuracy correct / n, null when n is 0
 * @param wilson the 95% Wilson interval of the accuracy
 * @param meanThinkingTokens mean compute tokens of the ok runs that report them, null when none do
 * @param meanTotalMs mean engine time of the ok runs, null when unknown
 * @param costUsd the cost of all runs together (failed ones too), null when no run's cost is known; failed runs that
 *                cost nothing (nothing was generated) are not counted as known, so a row of such runs is null, not 0
 * @param failed runs that failed or were cancelled (left out of n)
 * @param ungraded ok runs of problems without an expected answer (left out of n)
 */
public record SummaryRow(String label, String budget, String strategy, int n, int correct, Double accuracy,
                         Wilson wilson, Double meanThinkingTokens, Double meanTotalMs, Double costUsd, int failed,
                         int ungraded) {
}
