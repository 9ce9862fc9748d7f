package dev.thinkbench.core;

import java.util.regex.Pattern;

/** Text from elsewhere (a server's words, an error) put where a sentence of its own is expected. */
public final class Sentences {

    private static final Pattern ENDED = Pattern.compile("(?s).*[.!?\u2026\u3002]$");

    private Sentences() {
    }

    /** {@code text} without surrounding space, ending in a full stop unless it already ends a sentence. */
    public static String ended(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() || ENDED.matcher(t).matches() ? t : t + ".";
    }
}
