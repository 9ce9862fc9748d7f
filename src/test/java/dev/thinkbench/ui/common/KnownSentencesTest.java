package dev.thinkbench.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Known sentences said again through the bundle, their groups said again where a list is given for them. */
class KnownSentencesTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aSentencesGroupsAreSaidAgainThroughTheListGivenForThemOrTheListItself() {
        Messages.setLocale(Locale.KOREAN);
        KnownSentences ways = KnownSentences.builder("refusal.ways.")
                .addSayingGroups("(.+?) or (.+)", "or")
                .add("whatever it decides", "whateverItDecides")
                .build();
        KnownSentences plain = KnownSentences.builder()
                .add("(.+) cannot switch thinking off; the least it takes is (.+)\\.", "refusal.cannotSwitchOff")
                .build();
        KnownSentences nested = KnownSentences.builder()
                .add("(.+) cannot switch thinking off; the least it takes is (.+)\\.", "refusal.cannotSwitchOff", ways)
                .build();
        String sentence = "Model Z cannot switch thinking off; the least it takes is whatever it decides.";

        assertThat(ways.say("effort:low or tokens:64 or whatever it decides")).as("joined again and again")
                .isEqualTo("effort:low \ub610\ub294 tokens:64 \ub610\ub294 \ubaa8\ub378\uc774 \uc2a4\uc2a4\ub85c "
                        + "\uc815\ud558\ub294 \ub9cc\ud07c");
        assertThat(plain.say(sentence)).as("groups as they are").contains("whatever it decides");
        assertThat(nested.say(sentence)).doesNotContain("whatever it decides")
                .contains("\ubaa8\ub378\uc774 \uc2a4\uc2a4\ub85c \uc815\ud558\ub294 \ub9cc\ud07c").startsWith("Model Z");
        assertThat(nested.say("something else")).isEqualTo("something else");
        assertThat(ways.say("effort:low")).as("a group no phrase matches").isEqualTo("effort:low");
    }
}
