package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScratchpadTest {

    private static final Problem P = new Problem("t", "Start with 12. Add 7. Subtract 5. What number do you get?", 14,
            List.of(Step.of(12, Op.ADD, 7), Step.of(19, Op.SUB, 5)), 2);

    @Test
    void cleanTraceIsOneLinePerStep() {
        assertThat(Scratchpad.clean(P)).isEqualTo("12+7=19\n19-5=14\n");
    }

    @Test
    void slipIsFollowedByWaitAndTheSameStepRight() {
        String t = Scratchpad.write(P, TraceStyle.SLIP, 1);
        assertThat(t).startsWith("12+7=19\n19-5=").endsWith("\nWait, 19-5=14\n");
        assertThat(t.lines().toList().get(1)).isNotEqualTo("19-5=14");
    }

    @Test
    void earlyWaitContinuesWithTheNextStepAndRecheckRepeatsTheLast() {
        assertThat(Scratchpad.write(P, TraceStyle.EARLY_WAIT, 0)).isEqualTo("12+7=19\nWait, 19-5=14\n");
        assertThat(Scratchpad.write(P, TraceStyle.RECHECK, 0)).isEqualTo("12+7=19\n19-5=14\nWait, 19-5=14\n");
    }

    @Test
    void stylesRefuseStepsTheyCannotActOn() {
        assertThatThrownBy(() -> Scratchpad.write(P, TraceStyle.EARLY_WAIT, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EARLY_WAIT");
        assertThatThrownBy(() -> Scratchpad.write(P, TraceStyle.SLIP, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slipsAreWrongAndNeverNegative() {
        for (int r = 0; r <= 999; r++) {
            for (int salt = 0; salt < 18; salt++) {
                assertThat(Scratchpad.slip(r, salt)).isNotEqualTo(r).isNotNegative();
            }
        }
    }

    @Test
    void threeDigitSlipsInclueHundredsAndSwappedDigits() {
        java.util.Set<Integer> wrong = new java.util.HashSet<>();
        for (int salt = 0; salt < 9; salt++) {
            wrong.add(Scratchpad.slip(345, salt));
        }
        assertThat(wrong).contains(346, 344, 347, 343, 355, 335, 445, 245, 354);
    }

    @Test
    void sampledMixIsMostlyCleanWithEveryWaitStyle() {
        Random rng = new Random(1);
        Map<String, Integer> kinds = new java.util.HashMap<>();
        ProblemSplit.Training t = ProblemSplit.training(2);
        for (int i = 0; i < 2000; i++) {
            Problem p = t.next(3);
            String trace = Scratchpad.sample(p, rng);
            String kind = trace.equals(Scratchpad.clean(p)) ? "clean" : trace.contains("Wait, ") ? "wait" : "other";
            kinds.merge(kind, 1, Integer::sum);
            assertThat(trace).endsWith(p.steps().getLast().line() + "\n");
        }
        assertThat(kinds.get("clean")).isBetween(1100, 1300);
        assertThat(kinds.get("wait")).isBetween(700, 900);
        assertThat(kinds).doesNotContainKey("other");
    }
}
