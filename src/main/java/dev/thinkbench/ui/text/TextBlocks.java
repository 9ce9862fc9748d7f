package dev.thinkbench.ui.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Streamed text kept as a list of bounded blocks, so that a view shows it with one node per block and an append
 * touches only the last block: the work per append stays bounded however long the trace or its lines grow. A block
 * closes at the first line break once it holds {@link #SOFT_LIMIT} characters; a line that runs past
 * {@link #HARD_LIMIT} without one is cut after a space (with no space, where the block ends, or anywhere but inside a
 * surrogate pair).
 * Nothing is added or dropped: the blocks' texts joined are exactly the text appended. Each block keeps its style runs.
 * Pure logic; one thread at a time (the UI thread).
 */
final class TextBlocks {

    /** A block closes at the first line break once it holds this many characters. */
    static final int SOFT_LIMIT = 1_000;
    /** A block never holds more than this many characters. */
    static final int HARD_LIMIT = 2_000;

    private final List<Block> blocks = new ArrayList<>();
    private final List<Block> readOnly = Collections.unmodifiableList(blocks);
    private final int softLimit;
    private final int hardLimit;
    private int length;

    TextBlocks() {
        this(SOFT_LIMIT, HARD_LIMIT);
    }

    /** Blocks with other limits (tests use small ones). */
    TextBlocks(int softLimit, int hardLimit) {
        if (softLimit < 1 || hardLimit < softLimit + 1) {
            throw new IllegalArgumentException("need 1 <= softLimit < hardLimit, got " + softLimit + ", " + hardLimit);
        }
        this.softLimit = softLimit;
        this.hardLimit = hardLimit;
    }

    /**
     * What one append changed.
     *
     * @param grewLast true when the block that was last before the append took text
     * @param added    how many blocks were added at the end
     */
    record Change(boolean grewLast, int added) {
    }

    /** Appends {@code text} in {@code style}; returns which blocks changed. */
    Change append(String text, String style) {
        boolean grewLast = false;
        int before = blocks.size();
        int i = 0;
        while (i < text.length()) {
            Block last = blocks.isEmpty() ? null : blocks.getLast();
            if (last == null || last.closed) {
                last = new Block(length);
                blocks.add(last);
            }
            int held = last.length();
            int end = cut(held, text, i);
            if (end == i) {
                last.closed = true; // a long line cut where the block ends: the piece goes to a new block
                continue;
            }
            grewLast |= blocks.size() == before;
            int size = held + end - i;
            last.append(text, i, end, style);
            last.closed = end < text.length() || size >= hardLimit
                    || size >= softLimit && text.charAt(end - 1) == '\n';
            length += end - i;
            i = end;
        }
        return new Change(grewLast, blocks.size() - before);
    }

    /**
     * Where the piece of {@code text} starting at {@code from} ends in a block that already holds {@code held}
     * characters (fewer than the hard limit): at the first line break that brings the block to the soft limit, else
     * at the end of the text if it fits, else after the last space that fits, else where the block ends (nothing
     * taken) if it holds anything, else at the hard limit.
     */
    private int cut(int held, String text, int from) {
        int room = hardLimit - held;
        int newline = text.indexOf('\n', from + Math.max(0, softLimit - held - 1));
        if (newline >= 0 && newline - from < room) {
            return newline + 1;
        }
        if (text.length() - from <= room) {
            return text.length();
        }
        int end = from + room;
        int space = text.lastIndexOf(' ', end - 1);
        if (space >= from) {
            return space + 1;
        }
        if (held > 0) {
            return from; // no space in the piece: cut where the block ends
        }
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    /** The blocks in order; the last may still grow. A read-only view. */
    List<Block> blocks() {
        return readOnly;
    }

    /** All the text, exactly as appended. */
    String text() {
        StringBuilder all = new StringBuilder(length);
        for (Block b : blocks) {
            b.appendTo(all);
        }
        return all.toString();
    }

    /** The text from offset {@code from} (inclusive) to {@code to} (exclusive), across blocks. */
    String text(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + length);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (Block b : blocks) {
            int start = b.start();
            int end = start + b.length();
            if (end > from && start < to) {
                out.append(b.text, Math.max(from, start) - start, Math.min(to, end) - start);
            }
        }
        return out.toString();
    }

    int length() {
        return length;
    }

    void clear() {
        blocks.clear();
        length = 0;
    }

    /**
     * One block: consecutive text with its style runs. Only the last block of a {@link TextBlocks} grows; the
     * {@link #version} counts its changes so that a view redraws it only when it changed.
     */
    static final class Block {
        private final int start;
        private final StringBuilder text = new StringBuilder();
        private final List<String> runStyles = new ArrayList<>(1);
        private final List<Integer> runEnds = new ArrayList<>(1);
        private boolean closed;
        private int version;

        private Block(int start) {
            this.start = start;
        }

        private void append(String s, int from, int to, String style) {
            if (!runStyles.isEmpty() && runStyles.getLast().equals(style)) {
                runEnds.set(runEnds.size() - 1, text.length() + to - from);
            } else {
                runStyles.add(style);
                runEnds.add(text.length() + to - from);
            }
            text.append(s, from, to);
            version++;
        }

        private void appendTo(StringBuilder out) {
            out.append(text);
        }

        /** The offset of the block's first character in the whole text. */
        int start() {
            return start;
        }

        int length() {
            return text.length();
        }

        /** The number of characters drawn: the length without a line break that ends the block. */
        int shownLength() {
            int n = text.length();
            return n > 0 && text.charAt(n - 1) == '\n' ? n - 1 : n;
        }

        /** Changes with every append to this block. */
        int version() {
            return version;
        }

        /** The number of style runs. */
        int runCount() {
            return runStyles.size();
        }

        String runStyle(int run) {
            return runStyles.get(run);
        }

        /** The text of one run; with {@code dropFinalNewline}, a line break that ends the block is left out. */
        String runText(int run, boolean dropFinalNewline) {
            int from = run == 0 ? 0 : runEnds.get(run - 1);
            int to = runEnds.get(run);
            if (dropFinalNewline && run == runStyles.size() - 1 && to > from && text.charAt(to - 1) == '\n') {
                to--;
            }
            return text.substring(from, to);
        }

        /** The block's text. */
        String text() {
            return text.toString();
        }
    }
}
