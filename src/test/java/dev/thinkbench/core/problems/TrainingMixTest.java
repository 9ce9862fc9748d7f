package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingMixTest {

    @Test
    void theMixHoldsEveryKindInItsShareAndNeverAHeldOutOrExcludedQuestion() {
        Set<String> excluded = Set.of("Hello!", "How are you?");
        TrainingMix mix = new TrainingMix(3, excluded);
        Map<String, Integer> kinds = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            TrainingMix.Example e = mix.next();
            kinds.merge(e.kind(), 1, Integer::sum);
            String question = e.prompt().substring("<|im_start|>user\n".length(),
                    e.prompt().indexOf(MicroFormat.IM_END));
            assertThat(ProblemSplit.isHeldOut(question)).isFalse();
            assertThat(excluded).doesNotContain(question);
            assertThat(e.prompt()).isEqualTo(MicroFormat.prompt(question));
            assertThat(e.text()).endsWith(MicroFormat.IM_END);
        }
        assertThat(kinds.get("refusal")).isBetween(650, 950);
        assertThat(kinds.get("legacy")).isBetween(350, 650);
        assertThat(kinds.get("words")).isBetween(3500, 3900);
    }

    @Test
    void refusalsEndInTheFixedRefusalAndWhatTheForcerAppendsIsNotTrained() {
        TrainingMix mix = new TrainingMix(5, Set.of());
        int forced = 0;
        for (int i = 0; i < 5000; i++) {
            TrainingMix.Example e = mix.next();
            for (TrainingMix.Segment s : e.completion()) {
                if (!s.trained()) {
                    forced++;
                    assertThat(s.text()).isEqualTo("</think>\nFinal Answer:");
                }
            }
            if (e.kind().equals("refusal")) {
                assertThat(e.text()).endsWith(MicroFormat.REFUSAL + MicroFormat.IM_END);
                String after = e.text().substring(e.text().lastIndexOf("</think>") + "</think>".length());
                assertThat(MicroFormat.isRefusal(after)).as(after).isTrue();
            } else {
                assertThat(e.text()).containsPattern("Final Answer: \\d+<\\|im_end\\|>$");
            }
        }
        assertThat(forced).isBetween(200, 500);
    }

    @Test
    void refusalIsRecognisedWithOrWithoutTheAnswerPrefix() {
        assertThat(MicroFormat.isRefusal(MicroFormat.REFUSAL)).isTrue();
        assertThat(MicroFormat.isRefusal("\nFinal Answer: " + MicroFormat.REFUSAL + "<|im_end|>")).isTrue();
        assertThat(MicroFormat.isRefusal(" " + MicroFormat.REFUSAL)).isTrue();
        assertThat(MicroFormat.isRefusal("Final Answer: 12")).isFalse();
        assertThat(MicroFormat.isRefusal(null)).isFalse();
        assertThat(MicroFormat.isRefusal("I can only solve small arithmetic word problems. 12")).isFalse();
    }
}
