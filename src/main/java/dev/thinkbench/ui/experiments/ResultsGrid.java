package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.FontScale;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The results as a grid whose problem columns stay put: the {@link ProblemTable} on the left, the run columns of the
 * {@link ResultsTable} beside it scrolling sideways on their own. Both show the same rows at the same fixed height and
 * scroll up and down together (either one's wheel, keys or scroll bar); under the problem columns a strip as high as
 * the run table's sideways scroll bar keeps the rows level to the last one. UI thread only.
 */
final class ResultsGrid extends HBox {

    private final ProblemTable problems;
    private final ResultsTable runs;
    private final Region underProblems = new Region();
    private boolean linked;

    ResultsGrid(ProblemTable problems, ResultsTable runs) {
        this.problems = problems;
        this.runs = runs;
        setId("resultsGrid");
        VBox left = new VBox(problems, underProblems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        // the strip keeps its height; the table gives way (its preferred height is all its rows)
        underProblems.setMinHeight(Region.USE_PREF_SIZE);
        problems.setMinHeight(0);
        HBox.setHgrow(runs, Priority.ALWAYS);
        runs.setMinWidth(0);
        getChildren().setAll(left, runs);
        FontScale scale = new FontScale(this);
        problems.follow(scale);
        runs.follow(scale);
        problems.skinProperty().addListener(o -> link());
        runs.skinProperty().addListener(o -> link());
    }

    /** Once both tables have their scroll machinery: the two vertical positions move as one. */
    private void link() {
        if (linked || problems.getSkin() == null || runs.getSkin() == null) {
            return;
        }
        VirtualFlow<?> left = flow(problems);
        VirtualFlow<?> right = flow(runs);
        if (left == null || right == null) {
            return;
        }
        linked = true;
        left.positionProperty().bindBidirectional(right.positionProperty());
        ScrollBar sideways = bar(right, Orientation.HORIZONTAL);
        if (sideways != null) {
            underProblems.prefHeightProperty().bind(javafx.beans.binding.Bindings.when(sideways.visibleProperty())
                    .then(sideways.heightProperty()).otherwise(0.0));
        }
    }

    private static VirtualFlow<?> flow(Region table) {
        Node n = table.lookup(".virtual-flow");
        return n instanceof VirtualFlow<?> f ? f : null;
    }

    private static ScrollBar bar(VirtualFlow<?> flow, Orientation orientation) {
        for (Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == orientation && b.getParent() == flow) {
                return b;
            }
        }
        return null;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        link(); // in case the tables' flows were not in place when their skins came
    }

    ProblemTable problems() {
        return problems;
    }
}
