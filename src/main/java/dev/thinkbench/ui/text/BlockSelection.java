package dev.thinkbench.ui.text;

/**
 * The selected part of a streamed text, as offsets into the whole text: where the mouse was pressed (the anchor) and
 * where it is now (the focus). Empty until the user drags. Pure logic; the UI thread only.
 */
final class BlockSelection {

    private int anchor = -1;
    private int focus = -1;

    /** Starts a selection at {@code offset} (a press). */
    void start(int offset) {
        anchor = offset;
        focus = offset;
    }

    /** Moves the selection's free end to {@code offset} (a drag). */
    void extendTo(int offset) {
        if (anchor >= 0) {
            focus = offset;
        }
    }

    void clear() {
        anchor = -1;
        focus = -1;
    }

    /** The first selected offset; equal to {@link #end} when nothing is selected. */
    int start() {
        return anchor < 0 ? 0 : Math.min(anchor, focus);
    }

    /** The offset after the last selected character. */
    int end() {
        return anchor < 0 ? 0 : Math.max(anchor, focus);
    }

    boolean isEmpty() {
        return start() == end();
    }
}
