package dev.thinkbench.core;

import java.util.Locale;

/** Reasoning effort levels as providers name them on the wire (lower case). */
public enum EffortLevel {
    NONE, MINIMAL, LOW, MEDIUM, HIGH, XHIGH, MAX;

    /** The lower-case wire name, e.g. {@code "medium"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException naming the accepted levels
     */
    public static EffortLevel parse(String text) {
        for (EffortLevel level : values()) {
            if (level.wireName().equalsIgnoreCase(text.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown effort level '" + text
                + "' (use none, minimal, low, medium, high, xhigh or max)");
    }
}
