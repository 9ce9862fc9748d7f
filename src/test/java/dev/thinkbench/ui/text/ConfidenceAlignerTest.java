package dev.thinkbench.ui.text;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.ui.text.ConfidenceAligner.Stretch;
import dev.thinkbench.ui.text.TextChunk.Confidence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lining thinking text up with the token probabilities that came before it. */
class ConfidenceAlignerTest {

    private final ConfidenceAligner aligner = new ConfidenceAligner();

    @Test
    void textIsSplitIntoStretchesOfOneBandFollowingTheTokens() {
        aligner.addTokens(List.of(tok("Start", 0.99), tok(" with", 0.95), tok(" 8", 0.5), tok(".", 0.2)));

        assertThat(aligner.split("Start with 8.")).containsExactly(new Stretch("Start with", Confidence.SURE, null),
                new Stretch(" 8", Confidence.UNSURE, null), new Stretch(".", Confidence.GUESSING, null));
    }

    @Test
    void aTokenSplitAcrossTwoPiecesOfTextKeepsItsBand() {
        aligner.addTokens(List.of(tok("Add", 0.3), tok(" 38", 0.9)));

        assertThat(aligner.split("Ad")).containsExactly(new Stretch("Ad", Confidence.GUESSING, null));
        assertThat(aligner.split("d 38")).containsExactly(new Stretch("d", Confidence.GUESSING, null),
                new Stretch(" 38", Confidence.SURE, null));
    }

    @Test
    void tokensOfACutStopStringAreSkippedAndTextWithoutTokensHasNoBand() {
        // The step ended on "</think>" (its text cut), then the next step's tokens came.
        aligner.addTokens(List.of(tok("46", 0.9), tok("</think>", 0.6)));
        assertThat(aligner.split("46")).containsExactly(new Stretch("46", Confidence.SURE, null));
        aligner.addTokens(List.of(tok(" Halve", 0.35)));

        assertThat(aligner.split(" Halve it")).containsExactly(new Stretch(" Halve", Confidence.GUESSING, null),
                new Stretch(" it", null, null));
        assertThat(aligner.hasTokens()).isTrue();
        aligner.clear();
        assertThat(aligner.hasTokens()).isFalse();
        assertThat(aligner.split("typed")).containsExactly(new Stretch("typed", null, null));
    }

    @Test
    void aTokenTheModelHesitatedOverKeepsAStretchOfItsOwnWithItsAlternatives() {
        TokenProbability seven = new TokenProbability(" 7", 0.45,
                List.of(new TokenProbability.Alternative(" 8", 0.4), new TokenProbability.Alternative(" 6", 0.1)));
        TokenProbability eight = new TokenProbability(" 8", 0.5,
                List.of(new TokenProbability.Alternative(" 9", 0.3)));
        aligner.addTokens(List.of(tok("is", 0.6), seven, eight, tok(".", 0.5)));

        // " 7" and " 8" are in the same band as their neighbours, yet each keeps a stretch of its own
        assertThat(aligner.split("is 7")).containsExactly(new Stretch("is", Confidence.UNSURE, null),
                new Stretch(" 7", Confidence.UNSURE, seven));
        assertThat(aligner.split(" 8.")).containsExactly(new Stretch(" 8", Confidence.UNSURE, eight),
                new Stretch(".", Confidence.UNSURE, null));
    }

    @Test
    void theBandsAreCutAtEightyAndFortyPercent() {
        assertThat(Confidence.of(0.8)).isEqualTo(Confidence.SURE);
        assertThat(Confidence.of(0.79)).isEqualTo(Confidence.UNSURE);
        assertThat(Confidence.of(0.4)).isEqualTo(Confidence.UNSURE);
        assertThat(Confidence.of(0.39)).isEqualTo(Confidence.GUESSING);
    }

    private static TokenProbability tok(String text, double p) {
        return new TokenProbability(text, p);
    }
}
