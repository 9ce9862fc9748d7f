package dev.thinkbench.ui.text;

import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws one {@link TextBlocks.Block}: a text flow (style class {@code stream-block}) with one {@link Text} per style
 * run (style classes {@code text} and the run's own), over the selected part's highlight (style class
 * {@code selection}) and the search matches' highlights (style classes {@code search-hit} and, for the current one,
 * {@code search-current}). Reused: shown for another block, or refreshed after its block grew, it only resets its texts, so
 * while a run streams no nodes are created. A line break that ends the block is not drawn (the next block starts on a
 * new line anyway). UI thread only.
 */
final class BlockCell extends TextFlow {

    /** Children before the texts: the match highlights, the current match's, the selection. */
    private static final int FIRST_TEXT = 3;

    private final Path hits = highlight("search-hit");
    private final Path currentHit = highlight("search-current");
    private final Path selection = highlight("selection");
    private TextBlocks.Block block;
    private int index = -1;
    private int shownVersion;
    private boolean restyled;

    BlockCell() {
        getStyleClass().add("stream-block");
        setManaged(false); // sized and placed by the view only; a pane would size it to its unwrapped width
        getChildren().addAll(hits, currentHit, selection);
    }

    private static Path highlight(String styleClass) {
        Path p = new Path();
        p.getStyleClass().add(styleClass);
        p.setStroke(null);
        p.setManaged(false);
        p.setMouseTransparent(true);
        return p;
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
        ObservableList<Node> texts = getChildren(); // the highlights first, then one text per run
        int runs = block.runCount();
        for (int r = 0; r < runs; r++) {
            String style = block.runStyle(r);
            Text text;
            if (r + FIRST_TEXT < texts.size()) {
                text = (Text) texts.get(r + FIRST_TEXT);
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
        if (texts.size() > runs + FIRST_TEXT) {
            texts.remove(runs + FIRST_TEXT, texts.size());
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

    /**
     * Highlights the matches of {@code search} that fall in this block, the current one apart; call once the cell
     * has its width.
     */
    void showMatches(TextSearch search) {
        hits.getElements().clear();
        currentHit.getElements().clear();
        if (block == null || !search.active() || search.count() == 0) {
            return;
        }
        int start = block.start();
        int shown = block.shownLength();
        for (int m = search.firstEndingAfter(start); m < search.count() && search.start(m) < start + shown; m++) {
            int a = Math.max(0, search.start(m) - start);
            int b = Math.min(shown, search.end(m) - start);
            if (a < b) {
                (m == search.current() ? currentHit : hits).getElements().addAll(getRangeShape(a, b, true));
            }
        }
    }

    /** How far below the cell's top the character at {@code offset} (in the whole text) is drawn. */
    double yOf(int offset) {
        int at = Math.max(0, Math.min(block.shownLength() - 1, offset - block.start()));
        if (block.shownLength() == 0) {
            return 0;
        }
        PathElement[] shape = getRangeShape(at, at + 1, true);
        return shape.length > 0 && shape[0] instanceof MoveTo move ? move.getY() : 0;
    }

    /** The offset in the whole text nearest to a point in this cell. */
    int offsetAt(double x, double y) {
        return block.start() + Math.min(block.shownLength(), hitTest(new Point2D(x, y)).getInsertionIndex());
    }

    /**
     * The offset in the whole text of the character drawn under a point of this cell, -1 when the point is on none
     * (beside the end of a line, between lines).
     */
    int charAt(double x, double y) {
        int i = hitTest(new Point2D(x, y)).getCharIndex();
        if (i < 0 || i >= block.shownLength()) {
            return -1;
        }
        Path glyph = new Path(rangeShape(i, i + 1));
        return glyph.getBoundsInLocal().contains(x, y) ? block.start() + i : -1;
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
