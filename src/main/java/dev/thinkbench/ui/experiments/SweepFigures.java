package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepRecord;

import java.util.List;
import java.util.Map;

/**
 * The numbers the charts and summary tables show, worked out from the results so far ({@link
 * dev.thinkbench.lab.sweep.SweepSummary}). Immutable.
 *
 * @param records the latest result of every run finished so far, in plan order (grades set by hand included)
 * @param rows one per strategy and budget label
 * @param measures s1's Control, Scaling and Performance and the saturation point, per strategy
 * @param byDifficulty rows per difficulty, ascending (problems without one left out)
 */
public record SweepFigures(List<SweepRecord> records, List<SummaryRow> rows, List<ScalingMeasures> measures,
                           Map<Integer, List<SummaryRow>> byDifficulty) {

    public static final SweepFigures EMPTY = new SweepFigures(List.of(), List.of(), List.of(), Map.of());

    public SweepFigures {
        records = List.copyOf(records);
        rows = List.copyOf(rows);
        measures = List.copyOf(measures);
        byDifficulty = Map.copyOf(byDifficulty);
    }
}
