package dev.thinkbench.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes chat-template control tokens in user text so a tokenizer reads them as plain text, never as control
 * tokens (a prompt containing {@code <|im_end|>} must not end the user's turn).
 *
 * <p>How: a ZERO WIDTH SPACE (U+200B) is put right after the {@code <} of every {@code <|...|>},
 * {@code <｜...｜>}, {@code <think>} and {@code </think>} (and any extra marker a template names). The text reads the
 * same, but the special token no longer matches. {@link #unescape} removes exactly those inserted characters, for
 * backends that send messages rather than raw text (DeepSeek prefix completion).
 */
public final class SpecialTokens {

    /** The character put inside a marker to break it. */
    public static final char BREAK = '\u200B';

    private static final Pattern GENERIC = Pattern.compile("<(?=\\|[^|\\s]{1,40}\\||\uFF5C[^\uFF5C\\s]{1,40}\uFF5C"
            + "|/?think>)");

    private SpecialTokens() {
    }

    /**
     * Breaks every special marker in {@code text}.
     *
     * @param extraMarkers further markers to break (a custom template's), each at its first character
     */
    public static String escape(String text, String... extraMarkers) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = GENERIC.matcher(text).replaceAll("<" + BREAK);
        for (String marker : extraMarkers) {
            String m = marker == null ? "" : marker.strip();
            if (m.length() > 1 && out.contains(m)) {
                out = out.replace(m, m.charAt(0) + String.valueOf(BREAK) + m.substring(1));
            }
        }
        return out;
    }

    /** Undoes {@link #escape} for the generic markers (a break right after {@code <}). */
    public static String unescape(String text) {
        return text.replace("<" + BREAK, "<");
    }

    /** True when {@code text} still holds a special marker that {@link #escape} would break. */
    public static boolean containsMarker(String text) {
        Matcher m = GENERIC.matcher(text);
        return m.find();
    }
}
