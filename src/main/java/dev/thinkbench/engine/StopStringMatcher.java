package dev.thinkbench.engine;

import java.util.List;

/**
 * Finds stop strings in streamed text on the client side, for servers that ignore {@code stop} and for streams that
 * are reassembled here (DeepSeek prefix completion). Text that might be the start of a stop string is held back until
 * the next piece tells; after a match nothing more is released. Not thread-safe: one stream, one thread.
 */
public final class StopStringMatcher {

    private final List<String> stops;
    private String pending = "";
    private String matched;

    public StopStringMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    /** Feeds the next piece; returns the text that is safe to pass on now (empty after a match). */
    public String feed(String text) {
        if (matched != null) {
            return "";
        }
        String buffer = pending + text;
        int best = -1;
        String bestStop = null;
        for (String stop : stops) {
            int at = buffer.indexOf(stop);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                bestStop = stop;
            }
        }
        if (best >= 0) {
            matched = bestStop;
            pending = "";
            return buffer.substring(0, best);
        }
        int hold = heldBackLength(buffer);
        pending = buffer.substring(buffer.length() - hold);
        return buffer.substring(0, buffer.length() - hold);
    }

    private int heldBackLength(String buffer) {
        int hold = 0;
        for (String stop : stops) {
            for (int n = Math.min(stop.length() - 1, buffer.length()); n > hold; n--) {
                if (buffer.endsWith(stop.substring(0, n))) {
                    hold = n;
                    break;
                }
            }
        }
        return hold;
    }

    /** Releases text held back at the end of the stream (it was not a stop string after all). */
    public String flush() {
        String out = matched == null ? pending : "";
        pending = "";
        return out;
    }

    /** The stop string that matched, or null. */
    public String matched() {
        return matched;
    }

    /** True while some text is held back. */
    public boolean holding() {
        return !pending.isEmpty();
    }
}
