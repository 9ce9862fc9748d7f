package dev.thinkbench.ui.compare;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTallyTest {

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static AnswerTally.Vote vote(String budget, String answer, String expected) {
        return new AnswerTally.Vote(budget, AnswerGrader.grade(answer, expected));
    }

    @Test
    void samplesOfOneBudgetAreCountedAndTheMajorityNamedAndMarked() {
        String b = "force:min=0,max=96,waits=0";
        String tally = AnswerTally.of(List.of(vote(b, "Final Answer: 11", "11"), vote(b, "Final Answer: 49", "11"),
                vote(b, "Final Answer: 11", "11"), vote(b, "Final Answer: 13", "11"),
                vote(b, "Final Answer: 11.0", "11")));

        assertThat(tally).isEqualTo("5 samples: 11 \u00d73 \u00b7 49 \u00d71 \u00b7 13 \u00d71 \u2014 majority 11 "
                + "(3 votes), right");
    }

    @Test
    void aTieHasNoMajorityAndAWrongMajorityIsMarked() {
        String b = "tokens:8";
        assertThat(AnswerTally.of(List.of(vote(b, "1", "2"), vote(b, "3", "2"), vote(b, "5", "2"))))
                .endsWith("no majority");
        assertThat(AnswerTally.of(List.of(vote(b, "1", "2"), vote(b, "1", "2"), vote(b, "2", "2"))))
                .endsWith("majority 1 (2 votes), wrong (expected 2)");
    }

    @Test
    void differentBudgetsOrTooFewSamplesAreNoVote() {
        assertThat(AnswerTally.of(List.of(vote("tokens:8", "1", "1"), vote("tokens:24", "1", "1"),
                vote("tokens:64", "1", "1")))).isEmpty();
        assertThat(AnswerTally.of(List.of(vote("tokens:8", "1", "1"), vote("tokens:8", "1", "1")))).isEmpty();
    }
}
