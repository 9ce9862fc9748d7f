package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;

/**
 * What a chart point stands for, kept as its data's extra value: the summary row (for its label, n and Wilson
 * interval) and whether the strategy's curve saturates there.
 */
record ChartPoint(SummaryRow row, boolean saturation) {
}
