package dev.thinkbench.ui.stepper;

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

    /** A run of text of one kind. */
    public record Span(String text, Kind kind) {
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
