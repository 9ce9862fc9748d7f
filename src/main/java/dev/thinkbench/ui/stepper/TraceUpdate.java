package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.text.TextChunk;
import java.util.List;

/**
 * A change to the shown thinking: either replace it all (after a step or an action) or append streamed text. The
 * sequence number makes every update distinct, so a property change fires even for equal text.
 *
 * @param replace true to replace the whole trace, false to append the spans
 */
public record TraceUpdate(long seq, boolean replace, List<Span> spans) {

    /** What a piece of the trace is, for styling. */
    public enum Kind {
        /** Written by the model. */
        MODEL,
        /** Appended by a Wait or the user's insert. */
        INSERTED,
        /** The user's edit. */
        EDITED
    }

    /**
     * A run of text of one kind.
     *
     * @param confidence how sure the model was of this text's tokens, for the confidence view; null when it is not
     *                   shown or not known (always null for text the model did not write)
     */
    public record Span(String text, Kind kind, TextChunk.Confidence confidence) {

        /** A span shown plainly. */
        public Span(String text, Kind kind) {
            this(text, kind, null);
        }
    }

    public TraceUpdate {
        spans = List.copyOf(spans);
    }

    /** All the text in this update. */
    public String text() {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.text()));
        return b.toString();
    }
}
