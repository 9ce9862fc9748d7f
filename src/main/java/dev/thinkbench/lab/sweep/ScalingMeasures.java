package dev.thinkbench.lab.sweep;

/**
 * s1's three measures of a strategy's curve (s1 §3.2), and where it saturates.
 *
 * @param control the share of runs whose thinking stayed within their budget's bounds ([min, max] of a forcing plan,
 *                [0, max] of a token budget, 0 when thinking is off); null when no run has bounds or the strategy
 *                makes more than one call per run (only {@code fixed} is measured)
 * @param scalingPerKiloToken s1's Scaling: the mean slope over all pairs of points, in accuracy points per 1,000
 *                            thinking tokens; null with fewer than two points at different token counts
 * @param scalingPerDoubling the same mean pairwise slope over log2 of the tokens (accuracy points per doubling), as
 *                           the curve is drawn on a log axis; null likewise
 * @param tokenSpan the thinking tokens the curve spans (its largest mean less its smallest), null with fewer than two
 *                  points: a curve over tens of tokens (a tiny model's) climbs hundreds of points "per 1,000 tokens",
 *                  so a window may state the slope per a unit the curve spans
 * @param performance the best accuracy of the curve, null when no point has an accuracy
 * @param saturationLabel the label of the point after which every further step gains less than the threshold, null
 *                        when the curve is still rising at its end (or has fewer than two points)
 */
public record ScalingMeasures(String strategy, Double control, Double scalingPerKiloToken, Double scalingPerDoubling,
                              Double tokenSpan, Double performance, String saturationLabel) {

    /**
     * The tokens to state Scaling per: 1,000, or the largest of 100, 10 and 1 that a curve spanning {@code span}
     * tokens spans (a tiny model's curve over tens of tokens read "+2,408 points per 1,000 tokens").
     */
    public static int tokenUnit(Double span) {
        int unit = 1000;
        while (unit > 1 && span != null && span < unit) {
            unit /= 10;
        }
        return unit;
    }

    /** The one unit for a table of {@code measures}: the narrowest curve's, so the rows compare directly. */
    public static int tokenUnit(java.util.List<ScalingMeasures> measures) {
        return measures.stream().mapToInt(m -> tokenUnit(m.tokenSpan())).min().orElse(1000);
    }
}
