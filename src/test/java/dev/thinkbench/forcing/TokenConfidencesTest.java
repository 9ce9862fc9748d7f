package dev.thinkbench.forcing;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.TokenLogprob;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the app keeps of an engine's token log-probabilities. */
class TokenConfidencesTest {

    @Test
    void aHesitantTokenKeepsItsLikeliestAlternativesWithoutItselfAndASureOneKeepsNone() {
        List<TokenLogprob.Alternative> top = List.of(alt(" 8", 11, 0.5), alt(" 7", 12, 0.3), alt(" 6", 13, 0.1),
                alt(" 9", 14, 0.05));
        TokenLogprob hesitant = new TokenLogprob(" 7", 12, Math.log(0.3), top);
        TokenLogprob sure = new TokenLogprob(" is", 20, Math.log(0.9), List.of(alt(" is", 20, 0.9),
                alt(" was", 21, 0.05)));

        List<TokenProbability> kept = TokenConfidences.of(List.of(hesitant, sure));

        assertThat(kept.getFirst().probability()).isCloseTo(0.3, within(1e-9));
        assertThat(kept.getFirst().alternatives()).extracting(TokenProbability.Alternative::text)
                .containsExactly(" 8", " 6", " 9");
        assertThat(kept.getFirst().alternatives().getFirst().probability()).isCloseTo(0.5, within(1e-9));
        assertThat(kept.get(1).alternatives()).as("80 % or more: nothing else came close").isEmpty();
        assertThat(TokenConfidences.TOP_LOGPROBS).isEqualTo(TokenProbability.MAX_ALTERNATIVES + 1);
    }

    @Test
    void aTokenOutsideTheTopKeepsTheTopThree() {
        TokenLogprob rare = new TokenLogprob("q", 99, Math.log(0.01), List.of(alt("a", 1, 0.4), alt("b", 2, 0.3),
                alt("c", 3, 0.2), alt("d", 4, 0.05)));

        assertThat(TokenConfidences.of(List.of(rare)).getFirst().alternatives())
                .extracting(TokenProbability.Alternative::text).containsExactly("a", "b", "c");
    }

    @Test
    void theStopStringsProbabilityIsThatOfTheTokenWhereItsTextBegins() {
        List<TokenProbability> oneToken = List.of(new TokenProbability("=11", 0.99), new TokenProbability("</think>",
                0.62));
        List<TokenProbability> split = List.of(new TokenProbability("11", 0.99), new TokenProbability(".</", 0.4),
                new TokenProbability("think", 0.98), new TokenProbability(">", 0.99));

        assertThat(TokenConfidences.stopProbability(oneToken, "</think>")).hasValue(0.62);
        assertThat(TokenConfidences.stopProbability(split, "</think>")).as("begins inside '.</'").hasValue(0.4);
        assertThat(TokenConfidences.stopProbability(List.of(new TokenProbability("11", 0.99)), "</think>"))
                .as("the stop string's tokens were not reported").isEmpty();
        assertThat(TokenConfidences.stopProbability(List.of(), "</think>")).isEmpty();
        assertThat(TokenConfidences.stopProbability(oneToken, null)).isEmpty();
    }

    @Test
    void aPieceOfTextIsAsSureAsItsLeastSureToken() {
        assertThat(TokenConfidences.leastSure(List.of(new TokenProbability(" 1", 0.36), new TokenProbability("0",
                0.99)))).hasValue(0.36);
        assertThat(TokenConfidences.leastSure(List.of())).isEmpty();
    }

    private static TokenLogprob.Alternative alt(String text, int token, double p) {
        return new TokenLogprob.Alternative(text, token, Math.log(p));
    }
}
