package dev.thinkbench.ui.experiments;

import javafx.scene.layout.Region;

import java.util.List;

/**
 * One chart or table of the Experiments tab's figures: shows {@link SweepFigures} as they grow, and makes a fresh copy
 * of itself for export at slide size. UI thread only.
 */
interface FigureView {

    /** The tab's title, e.g. {@code Accuracy vs tokens}. */
    String title();

    /** The file name it exports to, e.g. {@code accuracy-vs-tokens.png}. */
    String fileName();

    Region node();

    void show(SweepFigures figures);

    /**
     * Takes the strategies of the sweep set up, in plan order, before it has results; the next {@link #show} lays
     * them out where the view shows a part per strategy. Does nothing by default.
     */
    default void plan(List<String> strategies) {
    }

    /**
     * Whether the figures last shown give this view something to draw: an accuracy-vs-cost chart of runs that were all
     * free (or none priced) is a note, not a chart, and exporting every chart leaves it out, as {@code report} does.
     */
    default boolean worthExporting() {
        return true;
    }

    /** A new view of the same kind with the same choices (strategy, budget), for export. */
    FigureView fresh();

    /**
     * The figure alone for an exported image, without the controls that choose what it shows (a strategy box, a
     * budget slider): the image says its choice in its title instead. The whole view by default.
     */
    default Region exportNode() {
        return node();
    }

    /**
     * The images exporting every chart writes for this view of {@code figures}: fresh copies ({@link #fresh}), by
     * default one; a view that shows one strategy at a time gives one per strategy, each with a file name of its own.
     */
    default List<FigureView> exportViews(SweepFigures figures) {
        return List.of(fresh());
    }
}
