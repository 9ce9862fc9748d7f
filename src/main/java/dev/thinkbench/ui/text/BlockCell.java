package dev.thinkbench.ui.text;

import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws one {@link TextBlocks.Block}: a text flow (style class {@code stream-block}) with one {@link Text} per style
 * run (style classes {@code text} and the run's own), over the selected part's highlight (style class
 * {@code selection}). Reused: shown for another block, or refreshed after its block grew, it only resets its texts, so
 * while a run streams no nodes are created. A line break that ends the block is not drawn (the next block starts on a
 * new line anyway). UI thread only.
 */
final class BlockCell extends TextFlow {

    private final Path selection = new Path();
    private TextBlocks.Block block;
    private int index = -1;
    private int shownVersion;
    private boolean restyled;

    BlockCell() {
        getStyleClass().add("stream-block");
        setManaged(false); // sized and placed by the view only; a pane would size it to its unwrapped width
        selection.getStyleClass().add("selection");
        selection.setStroke(null);
        selection.setManaged(false);
        selection.setMouseTransparent(true);
        getChildren().add(selection);
    }

    /** Shows {@code item}, the block at {@code blockIndex}. */
    void show(TextBlocks.Block item, int blockIndex) {
        if (item != block) {
            block = item;
            shownVersion = item.version() - 1;
        }
        index = blockIndex;
        setVisible(true);
        refresh();
    }

    /** Shows nothing and waits to be shown again. */
    void release() {
        block = null;
        index = -1;
        setVisible(false);
    }

    /** The index of the block shown, -1 when none. */
    int index() {
        return index;
    }

    /** Redraws the block if it changed since it was last drawn. */
    void refresh() {
        if (block == null || block.version() == shownVersion) {
            return;
        }
        shownVersion = block.version();
        ObservableList<Node> texts = getChildren(); // the highlight first, then one text per run
        int runs = block.runCount();
        for (int r = 0; r < runs; r++) {
            String style = block.runStyle(r);
            Text text;
            if (r + 1 < texts.size()) {
                text = (Text) texts.get(r + 1);
            } else {
                text = new Text();
                text.getStyleClass().addAll("text", style);
                texts.add(text);
                restyled = true;
            }
            if (!text.getStyleClass().get(1).equals(style)) {
                text.getStyleClass().set(1, style);
                restyled = true;
            }
            String shown = block.runText(r, true);
            if (!shown.equals(text.getText())) {
                text.setText(shown);
            }
        }
        if (texts.size() > runs + 1) {
            texts.remove(runs + 1, texts.size());
        }
    }

    /**
     * Highlights the part of the selection from {@code from} to {@code to} (offsets in the whole text) that falls in
     * this block; call once the cell has its width.
     */
    void select(int from, int to) {
        int start = block == null ? 0 : block.start();
        int shown = block == null ? 0 : block.shownLength();
        int a = Math.max(0, from - start);
        int b = Math.min(shown, to - start);
        if (block == null || a >= b) {
            selection.getElements().clear();
        } else {
            selection.getElements().setAll(getRangeShape(a, b, true));
        }
    }

    /** The offset in the whole text nearest to a point in this cell. */
    int offsetAt(double x, double y) {
        return block.start() + Math.min(block.shownLength(), hitTest(new Point2D(x, y)).getInsertionIndex());
    }

    /**
     * Applies CSS now if a text was added or changed its style since the last time, so that the height measured in
     * this layout pass uses the right font.
     */
    void applyCssIfRestyled() {
        if (restyled) {
            restyled = false;
            applyCss();
        }
    }
}
