package dev.thinkbench.ui.text;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A virtualized, read-only view of streamed text kept in {@link TextBlocks}: only the blocks in view are drawn, each
 * by a {@link BlockCell} that stays in the scene and is reused (hidden when idle), so an append redraws at most the
 * last block, a new block takes an idle cell, and neither creates nodes nor looks up CSS again. Heights are measured
 * for drawn blocks and estimated from them for the others (the scroll bar is as exact as those estimates). The view is
 * anchored either to the end (it follows the text) or to a block and an offset into it (appends do not move it).
 * Wheel, scroll bar and keys (arrows, Page Up/Down, Home/End) scroll it; dragging selects text; a search
 * ({@link #find}) highlights every match in view and scrolls the current one into view. Style class
 * {@code streaming-area}; the padding insets the text, the scroll bar sits at the right edge. UI thread only.
 */
final class BlockView extends Region {

    private static final double LINE_SCROLL_PX = 40;

    private final TextBlocks blocks = new TextBlocks();
    private final BlockHeights heights = new BlockHeights(blocks);
    private final Pane sheet = new Pane();
    private final BlockCells cells = new BlockCells(sheet);
    private final Rectangle clip = new Rectangle();
    private final ScrollBar bar = new ScrollBar();
    private final BlockSelection selection = new BlockSelection();
    private final TextSearch search = new TextSearch();
    private final ReadOnlyDoubleWrapper scrollY = new ReadOnlyDoubleWrapper(this, "scrollY");
    private double textWidth = 1;
    private double viewportHeight;
    private double totalHeight;
    private boolean followEnd = true;
    private int anchorBlock;
    private double anchorOffset;
    private boolean settingBar;
    /** The offset to bring into view at the next layout, -1 for none. */
    private int reveal = -1;
    private Runnable onMatches = () -> { };
    private BiConsumer<MouseEvent, Integer> onHover = (e, offset) -> { };

    BlockView() {
        getStyleClass().add("streaming-area");
        sheet.setManaged(false);
        sheet.setClip(clip);
        bar.setOrientation(Orientation.VERTICAL);
        bar.setManaged(false);
        bar.setVisible(false);
        bar.valueProperty().addListener((obs, old, now) -> {
            if (!settingBar) {
                scrollTo(now.doubleValue());
            }
        });
        getChildren().addAll(sheet, bar);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollBy(-e.getDeltaY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        sheet.setCursor(Cursor.TEXT);
        sheet.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        sheet.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        sheet.addEventHandler(MouseEvent.MOUSE_MOVED, e -> onHover.accept(e, charAt(e.getY(), e.getX())));
        sheet.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(e, -1));
        setOnMousePressed(e -> requestFocus());
    }

    private void onPress(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            selection.start(offsetAt(e.getY(), e.getX()));
            requestLayout();
        }
    }

    /** Extends the selection, scrolling when the pointer is dragged above or below the text. */
    private void onDrag(MouseEvent e) {
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        if (e.getY() < 0 || e.getY() > viewportHeight) {
            scrollBy(e.getY() < 0 ? -LINE_SCROLL_PX / 2 : LINE_SCROLL_PX / 2);
        }
        selection.extendTo(offsetAt(Math.max(0, Math.min(viewportHeight - 1, e.getY())), e.getX()));
        requestLayout();
    }

    /** The offset in the whole text nearest to a point of the text pane (before the first block: 0). */
    private int offsetAt(double y, double x) {
        BlockCell below = null;
        for (Node node : sheet.getChildren()) {
            if (node instanceof BlockCell cell && cell.index() >= 0) {
                if (y >= cell.getLayoutY() && y < cell.getLayoutY() + cell.getHeight()) {
                    return cell.offsetAt(x, y - cell.getLayoutY());
                }
                if (cell.getLayoutY() > y && (below == null || cell.getLayoutY() < below.getLayoutY())) {
                    below = cell;
                }
            }
        }
        return below != null ? blocks.blocks().get(below.index()).start() : blocks.length();
    }

    /** The offset in the whole text of the character under a point of the text pane, -1 when there is none. */
    private int charAt(double y, double x) {
        for (Node node : sheet.getChildren()) {
            if (node instanceof BlockCell cell && cell.index() >= 0 && cell.isVisible()
                    && y >= cell.getLayoutY() && y < cell.getLayoutY() + cell.getHeight()) {
                return cell.charAt(x - cell.getLayoutX(), y - cell.getLayoutY());
            }
        }
        return -1;
    }

    /**
     * Called as the pointer moves over the text with the offset of the character under it, -1 when it is over none
     * or has left.
     */
    void setOnHover(BiConsumer<MouseEvent, Integer> onHover) {
        this.onHover = onHover;
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case UP -> scrollBy(-LINE_SCROLL_PX);
            case DOWN -> scrollBy(LINE_SCROLL_PX);
            case PAGE_UP -> scrollBy(-viewportHeight * 0.9);
            case PAGE_DOWN -> scrollBy(viewportHeight * 0.9);
            case HOME -> showStart();
            case END -> showEnd();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Appends {@code text} drawn in {@code styleClass}. */
    void append(String text, String styleClass) {
        int lastBefore = blocks.blocks().size() - 1;
        if (blocks.append(text, styleClass).grewLast()) {
            heights.forget(lastBefore);
            cells.refresh(lastBefore);
        }
        if (search.active()) {
            int before = search.count();
            search.update(blocks);
            if (search.current() < 0 && search.count() > 0) {
                search.next();
            }
            if (search.count() != before) {
                matchesChanged();
            }
        }
        requestLayout();
    }

    /** Forgets every measured height (the font changed) and lays out again. */
    void remeasure() {
        heights.forgetAll();
        cells.releaseAll();
        requestLayout();
    }

    void clear() {
        blocks.clear();
        selection.clear();
        search.reset();
        reveal = -1;
        heights.forgetAll();
        cells.releaseAll();
        anchorBlock = 0;
        anchorOffset = 0;
        requestLayout();
    }

    /** Anchors the view to the end of the text: it follows what is appended. */
    void showEnd() {
        followEnd = true;
        requestLayout();
    }

    /** Shows the beginning; appends no longer move the view. */
    void showStart() {
        followEnd = false;
        anchorBlock = 0;
        anchorOffset = 0;
        requestLayout();
    }

    /** Scrolls by {@code dy} pixels (positive: towards the end). */
    void scrollBy(double dy) {
        if (dy != 0) {
            followEnd = false;
            anchorOffset += dy;
            requestLayout();
        }
    }

    /** Scrolls so that the view's top is {@code y} pixels from the top of the text (by the height estimates). */
    void scrollTo(double y) {
        BlockHeights.Position at = heights.at(y);
        followEnd = false;
        anchorBlock = at.block();
        anchorOffset = at.offset();
        requestLayout();
    }

    String text() {
        return blocks.text();
    }

    /**
     * Highlights every match of {@code query} (ignoring case; empty clears the search) and scrolls the first one into
     * view; text streamed in later is searched as it arrives. Returns the number of matches.
     */
    int find(String query) {
        if (query == null || query.isEmpty()) {
            search.clear();
        } else {
            search.search(query, blocks);
            revealCurrent();
        }
        matchesChanged();
        requestLayout();
        return search.count();
    }

    /** Moves to the next match (after the last: the first) and scrolls it into view; returns its index or -1. */
    int findNext() {
        int at = search.next();
        revealCurrent();
        return at;
    }

    /** Moves to the previous match (before the first: the last) and scrolls it into view. */
    int findPrevious() {
        int at = search.previous();
        revealCurrent();
        return at;
    }

    int matchCount() {
        return search.count();
    }

    /** The current match's index, -1 when there is none. */
    int currentMatch() {
        return search.current();
    }

    private void revealCurrent() {
        if (search.current() >= 0) {
            reveal = search.start(search.current());
            followEnd = false;
            matchesChanged();
            requestLayout();
        }
    }

    /** Called (UI thread) whenever the matches or the current one change. */
    void setOnMatches(Runnable listener) {
        onMatches = listener == null ? () -> { } : listener;
    }

    private void matchesChanged() {
        onMatches.run();
    }

    /** The text the user selected, empty when none. */
    String selectedText() {
        return blocks.text(selection.start(), selection.end());
    }

    int length() {
        return blocks.length();
    }

    /** How far the view's top is from the top of the text, by the height estimates. */
    ReadOnlyDoubleProperty scrollYProperty() {
        return scrollY.getReadOnlyProperty();
    }

    /** The height of all the text, measured where drawn and estimated elsewhere. */
    double totalHeight() {
        return totalHeight;
    }

    double viewportHeight() {
        return viewportHeight;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double barWidth = snapSizeX(bar.prefWidth(-1));
        textWidth = Math.max(1, getWidth() - in.getLeft() - in.getRight() - barWidth);
        viewportHeight = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        sheet.resizeRelocate(in.getLeft(), in.getTop(), textWidth, viewportHeight);
        clip.setWidth(textWidth);
        clip.setHeight(viewportHeight);
        heights.useWidth(textWidth);
        cells.begin();
        if (!blocks.blocks().isEmpty()) {
            if (reveal >= 0) {
                placeRevealing(reveal);
                reveal = -1;
            } else if (followEnd || !placeFromAnchor()) {
                placeFromEnd();
            }
        }
        cells.end();
        updateBar(barWidth);
    }

    /**
     * Places the blocks so that the character at {@code offset} sits a third of the way down the view: first by the
     * height estimates, then once more by where the character was actually drawn.
     */
    private void placeRevealing(int offset) {
        int block = blockAt(offset);
        followEnd = false;
        anchorBlock = block;
        anchorOffset = heights.heightOf(block) * (offset - blocks.blocks().get(block).start())
                / Math.max(1, blocks.blocks().get(block).length()) - viewportHeight / 3;
        if (!placeFromAnchor()) {
            placeFromEnd();
        }
        for (Node node : sheet.getChildren()) {
            if (node instanceof BlockCell cell && cell.index() == block) {
                double error = cell.getLayoutY() + cell.yOf(offset) - viewportHeight / 3;
                if (Math.abs(error) > 2) {
                    anchorBlock = block;
                    anchorOffset = cell.yOf(offset) - viewportHeight / 3;
                    cells.begin();
                    if (!placeFromAnchor()) {
                        placeFromEnd();
                    }
                }
                return;
            }
        }
    }

    /** The index of the block that holds {@code offset} (the last one for the end of the text). */
    private int blockAt(int offset) {
        List<TextBlocks.Block> all = blocks.blocks();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (all.get(mid).start() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Draws the blocks in view from the anchor down. Returns false, drawing nothing, when that would leave a gap below
     * the end of the text (scrolled past the end): the view then shows the end.
     */
    private boolean placeFromAnchor() {
        normalizeAnchor();
        int count = blocks.blocks().size();
        List<BlockCell> placed = new ArrayList<>(4);
        double y = -anchorOffset;
        int i = anchorBlock;
        while (i < count && y < viewportHeight) {
            BlockCell cell = cellFor(i);
            cell.relocate(0, y);
            placed.add(cell);
            y += heights.heightOf(i);
            i++;
        }
        if (i == count && y < viewportHeight && (anchorBlock > 0 || anchorOffset > 0)) {
            placed.forEach(cells::giveBack);
            followEnd = true;
            return false;
        }
        return true;
    }

    /** Draws the blocks in view from the end up, and anchors the view to the first block drawn. */
    private void placeFromEnd() {
        List<BlockCell> placed = new ArrayList<>(4);
        double y = viewportHeight;
        int i = blocks.blocks().size() - 1;
        while (i >= 0 && y > 0) {
            BlockCell cell = cellFor(i);
            y -= heights.heightOf(i);
            cell.relocate(0, y);
            placed.add(cell);
            i--;
        }
        double gapAbove = Math.max(0, y); // all the text fits: it starts at the top
        if (gapAbove > 0) {
            placed.forEach(cell -> cell.relocate(0, cell.getLayoutY() - gapAbove));
        }
        anchorBlock = i + 1;
        anchorOffset = gapAbove - y;
    }

    /** Moves the anchor over whole blocks until its offset falls inside its block. */
    private void normalizeAnchor() {
        int count = blocks.blocks().size();
        anchorBlock = Math.min(anchorBlock, count - 1);
        while (anchorOffset < 0 && anchorBlock > 0) {
            anchorBlock--;
            anchorOffset += measure(anchorBlock);
        }
        anchorOffset = Math.max(0, anchorOffset);
        while (anchorBlock < count - 1 && anchorOffset >= measure(anchorBlock)) {
            anchorOffset -= heights.heightOf(anchorBlock);
            anchorBlock++;
        }
    }

    /** The height of a block, measured now if it was not. */
    private double measure(int block) {
        if (!heights.isMeasured(block)) {
            cells.giveBack(cellFor(block));
        }
        return heights.heightOf(block);
    }

    /** A cell drawing block {@code block}, measured and sized to the text width. */
    private BlockCell cellFor(int block) {
        BlockCell cell = cells.take(block, blocks.blocks().get(block));
        if (!heights.isMeasured(block)) {
            heights.measured(block, snapSizeY(cell.prefHeight(textWidth)));
        }
        cell.resize(textWidth, heights.heightOf(block));
        cell.select(selection.start(), selection.end());
        cell.showMatches(search);
        return cell;
    }

    private void updateBar(double barWidth) {
        totalHeight = heights.total();
        double max = Math.max(0, totalHeight - viewportHeight);
        double value = Math.min(max, Math.max(0, heights.above(anchorBlock) + anchorOffset));
        settingBar = true;
        try {
            bar.setVisible(max > 0.5);
            bar.setMax(max);
            bar.setVisibleAmount(totalHeight > 0 ? max * viewportHeight / totalHeight : 0);
            bar.setValue(value);
            bar.setUnitIncrement(LINE_SCROLL_PX);
            bar.setBlockIncrement(viewportHeight * 0.9);
        } finally {
            settingBar = false;
        }
        bar.resizeRelocate(getWidth() - barWidth, 0, barWidth, getHeight());
        scrollY.set(value);
    }
}
