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
    void heldOutSetIsTheOneTheFirstModelWasMeasuredOn() throws Exception {
        // SHA-256 over "id, question, answer, difficulty" of the first 660 held-out problems, computed with the
        // generator as it was when the first model was trained (main at 190da3b): the widened generator and the
        // multi-line products leave the first model's held-out set and its difficulties exactly as they were.
        var md = java.security.MessageDigest.getInstance("SHA-256");
        for (Problem p : ProblemSplit.heldOut(660)) {
            md.update((p.id() + "\t" + p.question() + "\t" + p.answer() + "\t" + p.difficulty() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(java.util.HexFormat.of().formatHex(md.digest()))
                .isEqualTo("c4c957c089ed300d8e95b449a66c310bf0a5e5a710f403894e50be9a16ab57ca");
    }

    @Test
    void everyValueStaysSmallAndEveryOperationChainsAndIsExact() {
        for (Problem p : draw(11, 3000)) {
            assertThat(p.difficulty()).isBetween(1, 6).isLessThanOrEqualTo(p.steps().size());
            assertThat(p.family()).isIn("items", "bus", "number");
            java.util.regex.Matcher first = java.util.regex.Pattern.compile("\\d+").matcher(p.question());
            assertThat(first.find()).isTrue();
            int value = Integer.parseInt(first.group());
            for (int i = 0; i < p.steps().size(); i++) {
                Step s = p.steps().get(i);
                assertThat(s.result()).isBetween(0, ProblemGenerator.MAX_VALUE);
                if (s.op() == Op.MUL && i + 2 < p.steps().size() && p.steps().get(i + 1).op() == Op.MUL
                        && p.steps().get(i + 1).right() == s.right() && p.steps().get(i + 2).op() == Op.ADD
                        && p.steps().get(i + 2).left() == s.result()
                        && p.steps().get(i + 2).right() == p.steps().get(i + 1).result()) {
                    // a product in parts: tens*k, units*k, then their sum is the new value
                    Step units = p.steps().get(i + 1);
                    Step sum = p.steps().get(i + 2);
                    assertThat(s.left() + units.left()).isEqualTo(value);
                    assertThat(sum.result()).isEqualTo(value * s.right());
                    value = sum.result();
                    i += 2;
                    continue;
                }
                assertThat(s.op() == Op.MUL ? List.of(s.left(), s.right()) : List.of(s.left())).contains(value);
                assertThat(s.right()).isBetween(1, ProblemGenerator.MAX_VALUE);
                if (s.op() == Op.DIV) {
                    assertThat(s.left() % s.right()).isZero();
                }
                value = s.result();
            }
            assertThat(p.answer()).isEqualTo(value);
        }
    }

    @Test
    void questionsMentionEveryAddedOrTakenOperandAndEndWithAQuestion() {
        for (Problem p : draw(3, 500)) {
            assertThat(p.question()).endsWith("?");
            for (int i = 0; i < p.steps().size(); i++) {
                Step s = p.steps().get(i);
                boolean sumOfParts = i >= 2 && p.steps().get(i - 1).op() == Op.MUL;
                if ((s.op() == Op.ADD || s.op() == Op.SUB) && !sumOfParts) {
                    assertThat(p.question()).contains(Integer.toString(s.right()));
                }
            }
        }
    }

    @Test
    void stepCountsOutsideOneToSixAreRejected() {
        ProblemGenerator g = new ProblemGenerator(1);
        assertThatThrownBy(() -> g.next(0, "a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> g.next(7, "a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    }
}
