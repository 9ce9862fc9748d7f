package dev.thinkbench.ui.experiments;

import javafx.scene.layout.Region;

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

    /** A new view of the same kind with the same choices (strategy, budget), for export. */
    FigureView fresh();
}
