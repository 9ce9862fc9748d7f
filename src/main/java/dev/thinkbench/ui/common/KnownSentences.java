package dev.thinkbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English sentences a lower layer words (it knows no bundles), said again in the user's language: each known sentence
 * is a pattern and a bundle key, its groups kept as the message's arguments (as strings: a token count reads as the
 * lower layer wrote it, without grouping). A sentence the list does not know shows as it is, so a new reason is never
 * lost, only untranslated. A sentence's groups may themselves hold known phrases (a list of alternatives such as
 * {@code effort:low or none}): those are said again through another list first ({@link Builder#add(String, String,
 * KnownSentences)}), or through the list itself ({@link Builder#addSayingGroups}). Immutable; any thread.
 */
public final class KnownSentences {

    /** A known sentence; its groups are said again through {@code groups}, or this list when {@code self}. */
    private record Known(Pattern pattern, String key, KnownSentences groups, boolean self) {
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
                KnownSentences through = k.self() ? this : k.groups();
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    String group = m.group(i + 1);
                    args[i] = through == null ? group : through.say(group);
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
            known.add(new Known(Pattern.compile(regex), keyPrefix + key, null, false));
            return this;
        }

        /**
         * As {@link #add(String, String)}, each group said again through {@code groups} first (a phrase that list
         * knows in the user's language, any other as it is).
         */
        public Builder add(String regex, String key, KnownSentences groups) {
            known.add(new Known(Pattern.compile(regex), keyPrefix + key, groups, false));
            return this;
        }

        /**
         * As {@link #add(String, String)}, each group said again through the list being built (a phrase joining two
         * others, such as {@code (.+?) or (.+)}, whose parts may be joined again or be known phrases themselves).
         */
        public Builder addSayingGroups(String regex, String key) {
            known.add(new Known(Pattern.compile(regex), keyPrefix + key, null, true));
            return this;
        }

        public KnownSentences build() {
            return new KnownSentences(known);
        }
    }
}
