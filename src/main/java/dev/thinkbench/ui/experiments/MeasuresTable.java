package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.ui.common.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * s1's three measures per strategy (s1 §3.2): Control (the share of runs whose thinking stayed within its budget's
 * bounds), Scaling (the mean slope of the curve, per doubling of the tokens and per 1,000 tokens), Performance (the
 * best accuracy), and where the curve saturates. UI thread only.
 */
final class MeasuresTable extends TableView<ScalingMeasures> {

    MeasuresTable() {
        setId("measuresTable");
        getStyleClass().add("measures-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("s1's Control, Scaling and Performance appear once two budgets have results."));
        getColumns().addAll(List.of(
                column("Strategy", ScalingMeasures::strategy, "The test-time strategy"),
                column("Control", m -> m.control() == null ? Formats.DASH : String.format(Locale.ROOT, "%.0f%%",
                        100 * m.control()), "Share of runs whose thinking stayed within their budget's bounds (s1 "
                        + "\u00a73.2); measured for the fixed strategy"),
                column("Scaling / doubling", m -> points(m.scalingPerDoubling()), "Mean slope over every pair of "
                        + "points, in accuracy points per doubling of the thinking tokens"),
                column("Scaling / 1k tokens", m -> points(m.scalingPerKiloToken()), "s1's Scaling: mean slope over "
                        + "every pair of points, in accuracy points per 1,000 thinking tokens"),
                column("Performance", m -> IntervalChart.percent(m.performance()), "The best accuracy on the curve"),
                column("Saturates at", m -> m.saturationLabel() == null ? "still rising" : m.saturationLabel(),
                        "The budget after which every step gains less than one accuracy point")));
    }

    private static String points(Double v) {
        return v == null ? Formats.DASH : String.format(Locale.ROOT, "%+.1f pts", v);
    }

    private static TableColumn<ScalingMeasures, String> column(String title, Function<ScalingMeasures, String> text,
                                                              String help) {
        TableColumn<ScalingMeasures, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(help));
        c.setGraphic(header);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    void show(SweepFigures figures) {
        if (!getItems().equals(figures.measures())) {
            getItems().setAll(figures.measures());
        }
    }
}
