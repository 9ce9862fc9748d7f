package dev.thinkbench.engine.local.host;

import java.util.List;

/**
 * Finds stop strings in streamed text the way llama.cpp's server does, on the Java side so the host knows which
 * stop string matched (the library reports no stop reason): text that could be the start of a stop string is held
 * back until it either completes the match or cannot; a match ends the text at its start.
 *
 * <p>Not thread-safe: one per completion.
 */
final class StopMatcher {

    /** What to emit for a piece of text, and the stop string if this piece completed one. */
    record Step(String emit, String matched) {
    }

    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private String matched;

    StopMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Feeds one token's text. After a match, further text is ignored. */
    Step accept(String piece) {
        if (matched != null) {
            return new Step("", matched);
        }
        pending.append(piece);
        int earliest = -1;
        for (String stop : stops) {
            int at = pending.indexOf(stop);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
                matched = stop;
            }
        }
        if (matched != null) {
            String emit = pending.substring(0, earliest);
            pending.setLength(0);
            return new Step(emit, matched);
        }
        int hold = heldBackFrom();
        String emit = pending.substring(0, hold);
        pending.delete(0, hold);
        return new Step(emit, null);
    }

    /** The text held back when generation ended without completing a match. */
    String flush() {
        String rest = matched == null ? pending.toString() : "";
        pending.setLength(0);
        return rest;
    }

    String matched() {
        return matched;
    }

    /** The earliest index from which the pending text is a proper prefix of some stop string. */
    private int heldBackFrom() {
        String text = pending.toString();
        for (int i = Math.max(0, text.length() - maxStopLength() + 1); i < text.length(); i++) {
            for (String stop : stops) {
                int n = text.length() - i;
                if (n < stop.length() && stop.regionMatches(0, text, i, n)) {
                    return i;
                }
            }
        }
        return pending.length();
    }

    private int maxStopLength() {
        return stops.stream().mapToInt(String::length).max().orElse(0);
    }
}
