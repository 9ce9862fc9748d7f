package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemGeneratorTest {

    private static List<Problem> draw(long seed, int count) {
        ProblemGenerator g = new ProblemGenerator(seed);
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(g.next(1 + i % ProblemGenerator.MAX_STEPS, "p" + i));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameProblems() {
        assertThat(draw(7, 300)).isEqualTo(draw(7, 300));
        assertThat(draw(7, 50)).isNotEqualTo(draw(8, 50));
    }

    @Test
    void aKnownSeedGivesAKnownFirstProblem() {
        // Pins the generator: changing it silently would invalidate the committed model's held-out numbers.
        Problem p = new ProblemGenerator(ProblemSplit.HELD_OUT_SEED).next(3, "x");
        assertThat(p.question() + " = " + p.answer()).isEqualTo("A bus has 49 people. 9 get on. 15 get off. 39 more board."
                + " How many people are on the bus now? = 82");
    }

    @Test
    void everyValueStaysSmallAndEveryStepChainsAndIsExact() {
        for (Problem p : draw(11, 3000)) {
            assertThat(p.difficulty()).isBetween(1, 6).isEqualTo(p.steps().size());
            int value = p.steps().getFirst().left();
            for (Step s : p.steps()) {
                assertThat(s.left()).isEqualTo(value);
                assertThat(s.right()).isBetween(1, ProblemGenerator.MAX_VALUE);
                assertThat(s.result()).isBetween(0, ProblemGenerator.MAX_VALUE);
                if (s.op() == Op.DIV) {
                    assertThat(s.left() % s.right()).isZero();
                }
                value = s.result();
            }
            assertThat(p.answer()).isEqualTo(value);
        }
    }

    @Test
    void questionsMentionEveryOperandAndEndWithAQuestion() {
        for (Problem p : draw(3, 500)) {
            assertThat(p.question()).endsWith("?").contains(Integer.toString(p.steps().getFirst().left()));
            p.steps().stream().filter(s -> s.op() == Op.ADD || s.op() == Op.SUB)
                    .forEach(s -> assertThat(p.question()).contains(Integer.toString(s.right())));
        }
    }

    @Test
    void stepCountsOutsideOneToSixAreRejected() {
        ProblemGenerator g = new ProblemGenerator(1);
        assertThatThrownBy(() -> g.next(0, "a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> g.next(7, "a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    }
}
