package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordProblemGeneratorTest {

    private static List<Problem> draw(long seed, int count) {
        WordProblemGenerator g = new WordProblemGenerator(seed);
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(g.next(1 + i % WordProblemGenerator.MAX_OPS, "p" + i));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameProblems() {
        assertThat(draw(7, 300)).isEqualTo(draw(7, 300));
        assertThat(draw(7, 50)).isNotEqualTo(draw(8, 50));
    }

    @Test
    void everyLineIsExactEveryValueStaysWithinRangeAndTheLastLineIsTheAnswer() {
        for (Problem p : draw(11, 5000)) {
            assertThat(p.difficulty()).isBetween(1, WordProblemGenerator.MAX_OPS).isLessThanOrEqualTo(p.steps().size());
            for (Step s : p.steps()) {
                assertThat(s.left()).as(p.question()).isBetween(0, WordProblemGenerator.MAX_VALUE);
                assertThat(s.right()).as(p.question()).isBetween(1, WordProblemGenerator.MAX_VALUE);
                assertThat(s.result()).as(p.question()).isBetween(0, WordProblemGenerator.MAX_VALUE);
                if (s.op() == Op.DIV) {
                    assertThat(s.left() % s.right()).isZero();
                    assertThat(s.right()).isBetween(2, 9);
                }
                if (s.op() == Op.MUL) {
                    assertThat(Math.min(s.left(), s.right())).as(s.line()).isBetween(1, 9);
                }
            }
            assertThat(p.answer()).isEqualTo(p.steps().getLast().result());
        }
    }

    @Test
    void everyNumberInTheQuestionIsUsedByTheScratchpad() {
        Pattern number = Pattern.compile("\\d+");
        for (Problem p : draw(5, 3000)) {
            List<Integer> operands = new ArrayList<>();
            for (Step s : p.steps()) {
                operands.addAll(List.of(s.left(), s.right(), s.result()));
            }
            String q = p.question();
            Matcher m = number.matcher(q);
            while (m.find()) {
                int n = Integer.parseInt(m.group());
                boolean used = operands.contains(n) || isPartOf(p, n);
                assertThat(used).as("%s uses %d", q, n).isTrue();
            }
        }
    }

    /**
     * A number worked in parts: a factor's tens and units both appear as left operands of products, or an added or
     * taken number's hundreds and rest both appear as right operands.
     */
    private static boolean isPartOf(Problem p, int n) {
        boolean factor = p.steps().stream().anyMatch(s -> s.op() == Op.MUL && s.left() == n - n % 10)
                && p.steps().stream().anyMatch(s -> s.op() == Op.MUL && s.left() == n % 10);
        boolean term = p.steps().stream().anyMatch(s -> s.op() != Op.MUL && s.right() == n - n % 100)
                && p.steps().stream().anyMatch(s -> s.op() != Op.MUL && s.right() == n % 100);
        return factor || term;
    }

    @Test
    void allFamiliesAndOperationsAppearAndQuestionsReadLikeQuestions() {
        Map<String, Integer> families = new HashMap<>();
        Map<Op, Integer> ops = new HashMap<>();
        for (Problem p : draw(3, 4000)) {
            families.merge(p.family(), 1, Integer::sum);
            p.steps().forEach(s -> ops.merge(s.op(), 1, Integer::sum));
            assertThat(p.question()).doesNotContain("{").doesNotContain("}").doesNotContain("  ")
                    .matches("[A-Z0-9$].*").matches(".*[?.]( .*)?");
            assertThat(p.question().chars().allMatch(c -> c < 128)).as(p.question()).isTrue();
        }
        assertThat(families.keySet()).containsExactlyInAnyOrderElementsOf(WordProblemGenerator.FAMILIES);
        assertThat(families.get("story")).isGreaterThan(1200);
        assertThat(ops.keySet()).containsExactlyInAnyOrder(Op.values());
    }

    @Test
    void theWidenedPhrasingShowsUp() {
        String all = String.join("\n", draw(9, 4000).stream().map(Problem::question).toList());
        assertThat(all).contains(" more ", "gives away", " loses ", " sells ", " eats ", " finds ", " wins ",
                " bags of ", " in each", "twice as many", "triples", "half", "equally among", "keeps one share",
                "How many", " in all?", " left?", "What is ", "dollars", " on the bus", " had ");
    }

    @Test
    void heldOutWordsAreBalancedUniqueAndNeverInTraining() {
        List<Problem> held = ProblemSplit.heldOutWords(200);
        assertThat(held).isEqualTo(ProblemSplit.heldOutWords(200));
        assertThat(ProblemSplit.heldOutWords(40)).isEqualTo(held.subList(0, 40));
        for (int ops = 1; ops <= 4; ops++) {
            int n = ops;
            assertThat(held.stream().filter(p -> p.difficulty() == n)).hasSize(50);
        }
        assertThat(held).allMatch(p -> ProblemSplit.isHeldOut(p.question()));
        assertThat(held.getFirst().id()).isEqualTo("words-0000");
    }

    @Test
    void operationCountsOutsideOneToFourAreRejected() {
        WordProblemGenerator g = new WordProblemGenerator(1);
        assertThatThrownBy(() -> g.next(0, "a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> g.next(5, "a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
    }
}
