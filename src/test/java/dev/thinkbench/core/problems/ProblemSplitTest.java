package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemSplitTest {

    @Test
    void trainingNeverDrawsAHeldOutQuestion() {
        Set<String> heldOut = ProblemSplit.heldOut(600).stream().map(Problem::question).collect(Collectors.toSet());
        ProblemSplit.Training training = ProblemSplit.training(1);
        for (int i = 0; i < 20_000; i++) {
            String q = training.next(1 + i % 6).question();
            assertThat(ProblemSplit.isHeldOut(q)).isFalse();
            assertThat(heldOut).doesNotContain(q);
        }
    }

    @Test
    void heldOutIsDeterministicBalancedUniqueAndPrefixStable() {
        List<Problem> a = ProblemSplit.heldOut(120);
        assertThat(a).isEqualTo(ProblemSplit.heldOut(120));
        assertThat(ProblemSplit.heldOut(30)).isEqualTo(a.subList(0, 30));
        assertThat(a).allMatch(p -> ProblemSplit.isHeldOut(p.question()));
        assertThat(a.stream().map(Problem::question).collect(Collectors.toSet())).hasSize(120);
        for (int d = 1; d <= 6; d++) {
            int difficulty = d;
            assertThat(a.stream().filter(p -> p.difficulty() == difficulty)).hasSize(20);
        }
        assertThat(a.get(7).id()).isEqualTo("heldout-0007");
    }

    @Test
    void aboutOneQuestionInTenIsHeldOut() {
        ProblemGenerator g = new ProblemGenerator(5);
        Set<String> held = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String q = g.next(1 + i % 6, "p").question();
            if (ProblemSplit.isHeldOut(q)) {
                held.add(q);
            }
        }
        assertThat(held.size()).isBetween(350, 650);
    }
}
