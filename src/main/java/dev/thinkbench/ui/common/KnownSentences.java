package dev.thinkbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English sentences a lower layer words (it knows no bundles), said again in the user's language: each known sentence
 * is a pattern and a bundle key, its groups kept as the message's arguments (as strings: a token count reads as the
 * lower layer wrote it, without grouping). A sentence the list does not know shows as it is, so a new reason is never
 * lost, only untranslated. Immutable; any thread.
 */
public final class KnownSentences {

    private record Known(Pattern pattern, String key) {
    }

    private final List<Known> known;

    private KnownSentences(List<Known> known) {
        this.known = List.copyOf(known);
    }

    /** Builds the list; the first match wins, so longer forms of a sentence go before shorter ones. */
    public static Builder builder() {
        return new Builder("");
    }

    /** As {@link #builder()}, each key given under {@code keyPrefix} (e.g. {@code stepper.words.}). */
    public static Builder builder(String keyPrefix) {
        return new Builder(keyPrefix);
    }

    /** {@code text} in the user's language when it is a known sentence, else as it is; null and empty stay so. */
    public String say(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        for (Known k : known) {
            Matcher m = k.pattern().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Messages.get(k.key(), args);
            }
        }
        return text;
    }

    /** Adds sentences in order; {@link #build()} makes the list. */
    public static final class Builder {
        private final List<Known> known = new ArrayList<>();
        private final String keyPrefix;

        private Builder(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        /** A sentence matching the whole of {@code regex}, said through bundle key {@code key} (after the prefix). */
        public Builder add(String regex, String key) {
            known.add(new Known(Pattern.compile(regex), keyPrefix + key));
            return this;
        }

        public KnownSentences build() {
            return new KnownSentences(known);
        }
    }
}
