package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Messages;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The figures beside the results table: a tab per chart (accuracy vs tokens, vs cost, by difficulty, equal compute)
 * and the summary table, s1's measures below them, and a Trace tab that opens when a cell is clicked. Only the chart
 * in view is redrawn as results arrive; another catches up when its tab is selected. The sweep set up in the form is
 * laid out before it starts (its strategies' curves and measures, empty). UI thread only.
 */
final class ChartsPane extends VBox {

    private final TabPane tabs = new TabPane();
    private final List<FigureView> views = List.of(new TokensChart(), new CostChart(), new DifficultyChart(),
            new EqualComputeView(), new SummaryTable());
    private final MeasuresTable measures = new MeasuresTable();
    private final Tab traceTab;
    private SweepFigures latest = SweepFigures.EMPTY;

    ChartsPane(SweepResults results, TraceView trace) {
        getStyleClass().add("sweep-charts-pane");
        tabs.setId("chartTabs");
        for (FigureView v : views) {
            Tab t = new Tab(v.title(), v.node());
            t.setClosable(false);
            t.setUserData(v);
            tabs.getTabs().add(t);
        }
        // the trace fills the tab, and scrolls where the tab is shorter than its parts' least (a 720-px window with a
        // best-of-N's candidates: its thinking was one line high, its candidates table one row)
        ScrollPane traceScroll = new ScrollPane(trace);
        traceScroll.setFitToWidth(true);
        traceScroll.setFitToHeight(true);
        traceScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        traceTab = new Tab(Messages.get("sweep.trace.tab"), traceScroll);
        traceTab.setId("traceTab");
        traceTab.setClosable(true);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showSelected());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // the header and the five measures of the dense table, without a scroll bar, however short the window: the
        // figure above gives way (at 1280x720 the measures showed three rows, scrolled, under a half-empty table)
        measures.getStyleClass().add("measures-whole"); // 14.4em high (thinkbench.css): it follows the zoom
        tabs.setMinHeight(0);
        getChildren().addAll(tabs, measures);
        results.figuresProperty().addListener((obs, old, now) -> {
            latest = now;
            showSelected();
            measures.show(now);
        });
        results.columnsProperty().addListener((obs, old, now) -> plan(now));
        plan(results.columns());
    }

    /**
     * Lays the figures out for the strategies of the sweep set up (the table's columns), before it starts: the
     * first results then fill curves and cells made already.
     */
    private void plan(List<ColumnKey> columns) {
        List<String> strategies = columns.stream().map(ColumnKey::strategy).distinct().toList();
        views.forEach(v -> v.plan(strategies));
        measures.plan(strategies);
        showSelected();
    }

    private void showSelected() {
        FigureView v = selected();
        if (v != null) {
            v.show(latest);
        }
        // the trace takes the whole height; s1's measures go with the charts
        measures.setVisible(v != null);
        measures.setManaged(v != null);
    }

    /** The figure in view, null while the Trace tab is selected. */
    FigureView selected() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t != null && t.getUserData() instanceof FigureView v ? v : null;
    }

    /** The chart views, in tab order (the summary table last). */
    List<FigureView> views() {
        return views;
    }

    /** Shows the Trace tab (adding it back if it was closed). */
    void showTrace() {
        if (!tabs.getTabs().contains(traceTab)) {
            tabs.getTabs().add(traceTab);
        }
        tabs.getSelectionModel().select(traceTab);
    }

    /** Takes the Trace tab away (the run it showed is in the table no more). */
    void hideTrace() {
        tabs.getTabs().remove(traceTab);
    }

    /** Whether the Trace tab is among the tabs, for tests. */
    boolean traceShown() {
        return tabs.getTabs().contains(traceTab);
    }

    /** Selects the tab of {@code view}. */
    void select(FigureView view) {
        tabs.getTabs().stream().filter(t -> t.getUserData() == view).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    SweepFigures latest() {
        return latest;
    }

    MeasuresTable measures() {
        return measures;
    }
}
