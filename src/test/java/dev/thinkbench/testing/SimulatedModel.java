package dev.thinkbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a scripted reply the way a server would: stop strings end it (the matched text is not returned), the token
 * cap ends it, otherwise the end of sequence. Also a stand-in tokenizer (words, single punctuation marks and runs of
 * spaces are tokens) to count prompt tokens and simulate prompt-cache reuse.
 */
public final class SimulatedModel {

    private static final Pattern TOKEN = Pattern.compile("\\s*\\w+|\\s*[^\\w\\s]|\\s+");

    /** How a simulated generation ended, with llama.cpp's names. */
    public enum End { EOS, LIMIT, WORD }

    /**
     * The outcome of one generation.
     *
     * @param pieces the text of each generated token (the piece holding a stop string is cut before it)
     * @param tokens tokens generated (a stop string's tokens count, as on real servers)
     */
    public record Generation(List<String> pieces, int tokens, End end, String stoppingWord) {
        public String text() {
            return String.join("", pieces);
        }
    }

    private SimulatedModel() {
    }

    public static Generation generate(List<String> script, int cap, List<String> stops, boolean honourStops,
                                      boolean honourCap) {
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (String token : script) {
            if (honourCap && n >= cap) {
                return new Generation(pieces, n, End.LIMIT, "");
            }
            n++;
            int before = text.length();
            text.append(token);
            if (honourStops) {
                for (String stop : stops) {
                    int at = text.indexOf(stop);
                    if (!stop.isEmpty() && at >= 0) {
                        String keep = text.substring(before, Math.max(before, at));
                        if (!keep.isEmpty()) {
                            pieces.add(keep);
                        }
                        return new Generation(pieces, n, End.WORD, stop);
                    }
                }
            }
            pieces.add(token);
        }
        return new Generation(pieces, n, End.EOS, "");
    }

    /** Stand-in token count of {@code text}. */
    public static int countTokens(String text) {
        return tokenize(text).size();
    }

    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Tokens of {@code prompt} not covered by the longest common token prefix with {@code cached}. */
    public static int uncachedTokens(String cached, String prompt) {
        List<String> a = tokenize(cached);
        List<String> b = tokenize(prompt);
        int common = 0;
        while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
            common++;
        }
        // llama.cpp re-evaluates at least the last prompt token to get logits.
        return Math.max(b.size() - common, b.isEmpty() ? 0 : 1);
    }
}
