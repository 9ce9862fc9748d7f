package dev.thinkbench.ui.text;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.ui.text.TextChunk.Confidence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lines a run's thinking text up with the token probabilities that came before it, so each stretch of text can be
 * coloured by how sure the model was. Tokens arrive ahead of their text ({@link #addTokens}); text is then split
 * into stretches of one confidence band ({@link #split}). Text no token accounts for (an edit, a character split
 * across tokens) has no band; tokens whose text never arrives (a stop string the forcer cut) are skipped when the
 * text moves past them. A token the model hesitated over keeps a stretch of its own, with its alternatives. Pure; one
 * thread (the UI's).
 */
public final class ConfidenceAligner {

    /** How many tokens ahead a mismatch looks for the token the text continues with. */
    private static final int LOOK_AHEAD = 8;

    /**
     * A stretch of text and its band, null for none.
     *
     * @param hesitation the token this text belongs to when the model hesitated over it (it has alternatives), else
     *                   null; such a stretch holds that one token's text, never its neighbours'
     */
    public record Stretch(String text, Confidence confidence, TokenProbability hesitation) {
    }

    private final Deque<TokenProbability> pending = new ArrayDeque<>();
    /** Characters of the first pending token already matched. */
    private int matched;
    private boolean any;

    /** Tokens generated, in order, before the text they make up. */
    public void addTokens(List<TokenProbability> tokens) {
        pending.addAll(tokens);
        any |= !tokens.isEmpty();
    }

    /** True once any token probability arrived for this run. */
    public boolean hasTokens() {
        return any;
    }

    /** Forgets the tokens whose text has not come, keeping {@link #hasTokens}. */
    public void forgetPending() {
        pending.clear();
        matched = 0;
    }

    /** Forgets everything (a new run, an edited trace). */
    public void clear() {
        pending.clear();
        matched = 0;
        any = false;
    }

    /** Splits newly arrived thinking text into stretches of one band each, in order; joined they are {@code text}. */
    public List<Stretch> split(String text) {
        List<Stretch> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            TokenProbability head = pending.peekFirst();
            if (head == null) {
                add(out, text.substring(pos), null, null);
                break;
            }
            String rest = head.text().substring(matched);
            if (rest.isEmpty()) {
                next();
                continue;
            }
            int n = commonPrefix(rest, text, pos);
            if (n > 0) {
                add(out, text.substring(pos, pos + n), Confidence.of(head.probability()),
                        head.alternatives().isEmpty() ? null : head);
                pos += n;
                matched += n;
                if (matched == head.text().length()) {
                    next();
                }
            } else if (!skipTo(text.charAt(pos))) {
                add(out, text.substring(pos, pos + 1), null, null);
                pos++;
            }
        }
        return out;
    }

    /** Drops tokens up to the first of the next few that starts with {@code c}; false when none does. */
    private boolean skipTo(char c) {
        int i = 0;
        for (TokenProbability t : pending) {
            if (i > 0 && !t.text().isEmpty() && t.text().charAt(0) == c) {
                for (int k = 0; k < i; k++) {
                    next();
                }
                return true;
            }
            if (++i > LOOK_AHEAD) {
                break;
            }
        }
        return false;
    }

    private void next() {
        pending.pollFirst();
        matched = 0;
    }

    private static int commonPrefix(String a, String text, int from) {
        int n = 0;
        while (n < a.length() && from + n < text.length() && a.charAt(n) == text.charAt(from + n)) {
            n++;
        }
        return n;
    }

    private static void add(List<Stretch> out, String text, Confidence confidence, TokenProbability hesitation) {
        Stretch last = out.isEmpty() ? null : out.getLast();
        if (last != null && last.confidence() == confidence && last.hesitation() == hesitation) {
            out.set(out.size() - 1, new Stretch(last.text() + text, confidence, hesitation));
        } else {
            out.add(new Stretch(text, confidence, hesitation));
        }
    }
}
