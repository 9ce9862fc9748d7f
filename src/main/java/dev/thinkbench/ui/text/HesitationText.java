package dev.thinkbench.ui.text;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.ui.common.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The words shown where the pointer rests on a token the model hesitated over: the token it chose, how likely it
 * was, and the tokens it nearly chose instead ("Chose “ 7” at 45% · also likely: “ 8” 40%, “ 6” 10%"), those
 * under 1% left out. Spaces stay inside the quotes; line breaks and tabs show as ↵ and ⇥. Stateless.
 */
public final class HesitationText {

    /** Alternatives less likely than this are not worth naming. */
    private static final double SHOWN_FROM = 0.01;

    private HesitationText() {
    }

    /** The description of {@code token}, null for null (nothing to show). */
    public static String describe(TokenProbability token) {
        if (token == null) {
            return null;
        }
        List<String> others = new ArrayList<>(token.alternatives().size());
        for (TokenProbability.Alternative a : token.alternatives()) {
            if (a.probability() >= SHOWN_FROM) {
                others.add(Messages.get("confidence.alternative", quoted(a.text()), percent(a.probability())));
            }
        }
        String chose = quoted(token.text());
        String sure = percent(token.probability());
        return others.isEmpty() ? Messages.get("confidence.hesitation.alone", chose, sure)
                : Messages.get("confidence.hesitation", chose, sure, String.join(", ", others));
    }

    private static String quoted(String text) {
        return "“" + text.replace("\n", "↵").replace("\r", "").replace("\t", "⇥") + "”";
    }

    private static String percent(double p) {
        // no space before the sign, as English and Korean write it (and a line cannot end between them)
        // "<1%" and ">99%", never "0%" for a token it chose nor "100%" for one it was not wholly sure of
        return dev.thinkbench.core.SurePercent.of(p) + "%";
    }
}
