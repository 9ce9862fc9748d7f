package dev.thinkbench.ui.text;

import dev.thinkbench.core.TokenProbability;

import java.util.ArrayList;
import java.util.List;

/**
 * The confidence of one text area's text: the generated text lined up with its tokens' probabilities
 * ({@link ConfidenceAligner}), how many characters the area holds, and where the tokens the model hesitated over
 * lie in it, so that the area can say what the model nearly wrote at a character ({@link #hesitationAt}). Text is
 * added in the order the area shows it. UI thread only.
 */
public final class ConfidenceTrack {

    /** A token the model hesitated over and the characters of the area its text takes. */
    private record Hesitation(int start, int end, TokenProbability token) {
    }

    private final ConfidenceAligner aligner = new ConfidenceAligner();
    private final List<Hesitation> hesitations = new ArrayList<>();
    private int length;

    /** Tokens generated, in order, before the text they make up. */
    public void addTokens(List<TokenProbability> tokens) {
        aligner.addTokens(tokens);
    }

    /** True once any token probability arrived. */
    public boolean hasTokens() {
        return aligner.hasTokens();
    }

    /**
     * Generated text, split into stretches of one confidence band each (one stretch without a band when no
     * probabilities came); joined they are {@code text}.
     */
    public List<ConfidenceAligner.Stretch> addGenerated(String text) {
        if (!aligner.hasTokens()) {
            addPlain(text);
            return List.of(new ConfidenceAligner.Stretch(text, null, null));
        }
        List<ConfidenceAligner.Stretch> stretches = aligner.split(text);
        for (ConfidenceAligner.Stretch s : stretches) {
            if (s.hesitation() != null) {
                hesitations.add(new Hesitation(length, length + s.text().length(), s.hesitation()));
            }
            length += s.text().length();
        }
        return stretches;
    }

    /** Forgets tokens whose text never came (a stop string the step cut), so the next text starts afresh. */
    public void forgetPendingTokens() {
        aligner.forgetPending();
    }

    /** Text no token accounts for (inserted by the forcer or the user). */
    public void addPlain(String text) {
        length += text.length();
    }

    /** The token the model hesitated over whose text lies at {@code offset}, null where there is none. */
    public TokenProbability hesitationAt(int offset) {
        int low = 0;
        int high = hesitations.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Hesitation h = hesitations.get(mid);
            if (offset < h.start()) {
                high = mid - 1;
            } else if (offset >= h.end()) {
                low = mid + 1;
            } else {
                return h.token();
            }
        }
        return null;
    }

    /** Forgets everything (the area was emptied). */
    public void clear() {
        aligner.clear();
        hesitations.clear();
        length = 0;
    }
}
