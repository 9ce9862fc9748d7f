package dev.thinkbench.core;

import java.util.regex.Pattern;

/**
 * Where text streaming onto the screen must wait so that a secret arriving in pieces is never shown in part: the
 * trailing word of what has arrived, while it could still grow into a registered key or a credential-shaped value
 * ({@code sk-...}, {@code AIza...}, a value after {@code Bearer } or {@code api_key=}). Ordinary words go on at once;
 * such a word waits for its end (a space, a quote, a line break) or the end of the stream, then shows blotted where it
 * is a secret ({@link SecretScrubber#blot}). Pure; any thread.
 */
public final class SecretHoldBack {

    /** A word longer than this is shown as it stands (blotted where it already holds a secret). */
    static final int MAX_HELD = 512;

    /** What a word a secret could be made of is made of. */
    private static final Pattern WORD_CHAR = Pattern.compile("[A-Za-z0-9_.~+/=-]");
    /** The start of a credential shape, up to any length of its body. */
    private static final Pattern SHAPE_START = Pattern.compile(
            "s|sk|sk-[A-Za-z0-9_-]*|A|AI|AIz|AIza[0-9A-Za-z_-]*|g|gs|gsk|gsk_[A-Za-z0-9]*|h|hf|hf_[A-Za-z0-9]*");
    /** Text that a credential value follows. */
    private static final Pattern VALUE_FOLLOWS = Pattern.compile("(?i)(?:bearer\\s+|(?:x-api-key|x-goog-api-key"
            + "|api[-_]?key|access[-_]?token|authorization)[\"']?\\s*[:=]\\s*[\"']?)$");
    /** A query parameter whose value is a credential, with its value so far. */
    private static final Pattern QUERY_KEY = Pattern.compile("(?i)(?:key|api[-_]?key|access[-_]?token|token)=.*");
    /** A word that names a credential and goes on into its value ({@code api_key=abc}). */
    private static final Pattern NAMED_VALUE = Pattern.compile("(?i)(?:x-api-key|x-goog-api-key|api[-_]?key"
            + "|access[-_]?token)=.*");

    private SecretHoldBack() {
    }

    /**
     * The index in {@code pending} from which it must wait: its trailing word when that could still be part of a
     * secret, else {@code pending.length()} (all of it may be shown).
     *
     * @param shownTail the end of the text already shown (for a value that follows {@code Bearer } shown earlier)
     */
    public static int holdFrom(String shownTail, String pending) {
        int start = pending.length();
        while (start > 0 && WORD_CHAR.matcher(String.valueOf(pending.charAt(start - 1))).matches()) {
            start--;
        }
        String word = pending.substring(start);
        if (word.isEmpty() || word.length() > MAX_HELD) {
            return pending.length();
        }
        String before = shownTail + pending.substring(0, start);
        boolean wordStart = before.isEmpty() || !Character.isLetterOrDigit(before.charAt(before.length() - 1));
        if (wordStart && SHAPE_START.matcher(word).matches()
                || SecretScrubber.startsSecret(word)
                || VALUE_FOLLOWS.matcher(before).find()
                || NAMED_VALUE.matcher(word).matches()
                || before.endsWith("?") && QUERY_KEY.matcher(word).matches()
                || before.endsWith("&") && QUERY_KEY.matcher(word).matches()) {
            return start;
        }
        return pending.length();
    }
}
