package dev.thinkbench.ui.text;

import java.util.List;

/**
 * Receives a column's text as it streams, at most once per frame per column, on the UI thread. The view appends the
 * chunks to its text areas in one go.
 */
public interface TextStreamListener {

    /** New text, in order. */
    void append(List<TextChunk> chunks);

    /** Everything shown so far is void (a new run, a retry, or an edited trace follows). */
    void reset();
}
