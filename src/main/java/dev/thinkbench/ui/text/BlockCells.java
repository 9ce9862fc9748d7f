package dev.thinkbench.ui.text;

import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link BlockCell}s of a view, all kept in one pane: during a layout pass ({@link #begin} to {@link #end}) each
 * block in view takes the cell that drew it last time, or an idle one, or a new one; cells left over are hidden, not
 * removed, so that showing them again costs no scene-graph change and no CSS. UI thread only.
 */
final class BlockCells {

    private final Pane pane;
    private final List<BlockCell> cells = new ArrayList<>();
    private BlockCell[] previous = new BlockCell[0];
    private boolean[] taken = new boolean[0];

    BlockCells(Pane pane) {
        this.pane = pane;
    }

    /** Starts a layout pass: every cell is free to be taken again. */
    void begin() {
        previous = cells.toArray(BlockCell[]::new);
        taken = new boolean[previous.length];
    }

    /** A cell showing {@code block} (at {@code index}), with CSS applied. */
    BlockCell take(int index, TextBlocks.Block block) {
        BlockCell cell = find(index);
        if (cell == null) {
            cell = find(-1);
        }
        if (cell == null) {
            cell = new BlockCell();
            cells.add(cell);
            pane.getChildren().add(cell);
        }
        cell.show(block, index);
        cell.applyCssIfRestyled();
        return cell;
    }

    /** Hands back a cell taken in this pass (used only to measure). */
    void giveBack(BlockCell cell) {
        for (int c = 0; c < previous.length; c++) {
            if (previous[c] == cell) {
                taken[c] = false;
            }
        }
        cell.release();
    }

    /** Ends the pass: cells not taken are hidden. */
    void end() {
        for (int c = 0; c < previous.length; c++) {
            if (!taken[c]) {
                previous[c].release();
            }
        }
    }

    /** Redraws the cell showing block {@code index}, if any. */
    void refresh(int index) {
        for (BlockCell cell : cells) {
            if (cell.index() == index) {
                cell.refresh();
            }
        }
    }

    void releaseAll() {
        cells.forEach(BlockCell::release);
    }

    private BlockCell find(int index) {
        for (int c = 0; c < previous.length; c++) {
            if (!taken[c] && previous[c].index() == index) {
                taken[c] = true;
                return previous[c];
            }
        }
        return null;
    }
}
