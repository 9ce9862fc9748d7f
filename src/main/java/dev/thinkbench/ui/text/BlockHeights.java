package dev.thinkbench.ui.text;

import java.util.Arrays;

/**
 * The heights of the blocks of a {@link TextBlocks} at one text width: measured for the blocks that were drawn,
 * estimated for the others from the measured ones (pixels per character), as a virtualized view needs them to place
 * what is in view and to size its scroll bar. Pure logic; one thread at a time (the UI thread).
 */
final class BlockHeights {

    /** Where a vertical position falls: a block and how far below its top. */
    record Position(int block, double offset) {
    }

    private static final double FIRST_GUESS_PX_PER_CHAR = 0.5;

    private final TextBlocks blocks;
    private double[] heights = new double[64];
    private double width = -1;

    BlockHeights(TextBlocks blocks) {
        this.blocks = blocks;
        Arrays.fill(heights, Double.NaN);
    }

    /** Keeps the heights if {@code textWidth} is the width they were measured at, else forgets them all. */
    void useWidth(double textWidth) {
        if (textWidth != width) {
            width = textWidth;
            forgetAll();
        }
    }

    void forgetAll() {
        Arrays.fill(heights, Double.NaN);
    }

    /** Forgets the height of a block that changed. */
    void forget(int block) {
        ensure(block);
        heights[block] = Double.NaN;
    }

    boolean isMeasured(int block) {
        ensure(block);
        return !Double.isNaN(heights[block]);
    }

    void measured(int block, double height) {
        ensure(block);
        heights[block] = height;
    }

    /** The measured height of a block, or its estimate. */
    double heightOf(int block) {
        return isMeasured(block) ? heights[block] : pxPerChar() * blocks.blocks().get(block).length();
    }

    /** The height of all the blocks. */
    double total() {
        return above(blocks.blocks().size());
    }

    /** The height of the blocks before {@code block}. */
    double above(int block) {
        double perChar = pxPerChar();
        double sum = 0;
        for (int i = 0; i < block; i++) {
            sum += isMeasured(i) ? heights[i] : perChar * blocks.blocks().get(i).length();
        }
        return sum;
    }

    /** The block at {@code y} pixels from the top (the last one for anything below the end). */
    Position at(double y) {
        int count = blocks.blocks().size();
        double perChar = pxPerChar();
        double top = 0;
        int i = 0;
        while (i < count - 1) {
            double h = isMeasured(i) ? heights[i] : perChar * blocks.blocks().get(i).length();
            if (top + h > y) {
                break;
            }
            top += h;
            i++;
        }
        return new Position(i, Math.max(0, y - top));
    }

    private double pxPerChar() {
        double px = 0;
        long chars = 0;
        int count = blocks.blocks().size();
        for (int i = 0; i < count; i++) {
            if (isMeasured(i)) {
                px += heights[i];
                chars += blocks.blocks().get(i).length();
            }
        }
        return chars == 0 ? FIRST_GUESS_PX_PER_CHAR : px / chars;
    }

    private void ensure(int block) {
        if (block >= heights.length) {
            int old = heights.length;
            heights = Arrays.copyOf(heights, Math.max(block + 1, old * 2));
            Arrays.fill(heights, old, heights.length, Double.NaN);
        }
    }
}
