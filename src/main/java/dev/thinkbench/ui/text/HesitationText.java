package dev.thinkbench.ui.text;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.ui.common.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The words shown where the pointer rests on a token the model hesitated over: the token it chose, how likely it
 * was, and the tokens it nearly chose instead ("Chose “ 7” at 45 % · also likely: “ 8” 40 %, “ 6” 10 %"). Spaces
 * stay inside the quotes; line breaks and tabs show as ↵ and ⇥. Stateless.
 */
public final class HesitationText {

    private HesitationText() {
    }

    /** The description of {@code token}, null for null (nothing to show). */
    public static String describe(TokenProbability token) {
        if (token == null) {
            return null;
        }
        List<String> others = new ArrayList<>(token.alternatives().size());
        for (TokenProbability.Alternative a : token.alternatives()) {
            others.add(Messages.get("confidence.alternative", quoted(a.text()), percent(a.probability())));
        }
        return Messages.get("confidence.hesitation", quoted(token.text()), percent(token.probability()),
                String.join(", ", others));
    }

    private static String quoted(String text) {
        return "“" + text.replace("\n", "↵").replace("\r", "").replace("\t", "⇥") + "”";
    }

    private static String percent(double p) {
        long whole = Math.round(100 * p);
        return whole == 0 && p > 0 ? "<1 %" : whole + " %";
    }
}
