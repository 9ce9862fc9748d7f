package dev.thinkbench.core.problems;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NonProblemGeneratorTest {

    @Test
    void everyKindAppearsWithItsThought() {
        NonProblemGenerator g = new NonProblemGenerator(4);
        Map<String, Integer> kinds = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            NonProblemGenerator.NonProblem np = g.next("n" + i);
            kinds.merge(np.kind(), 1, Integer::sum);
            assertThat(np.question()).isNotBlank().doesNotContain("{").doesNotContain("}");
            assertThat(np.thought()).doesNotContain("\n").endsWith(".");
            switch (np.kind()) {
                case "language" -> assertThat(np.thought()).isEqualTo(NonProblemGenerator.NOT_ENGLISH);
                case "missing" -> assertThat(np.thought()).isEqualTo(NonProblemGenerator.MISSING);
                case "story" -> assertThat(np.thought()).isEqualTo(NonProblemGenerator.NO_NUMBER_ASKED);
                default -> assertThat(np.thought()).isEqualTo(NonProblemGenerator.NOT_A_PROBLEM);
            }
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("general", "math", "chat", "task", "language",
                "missing", "story");
        assertThat(kinds.get("missing")).isBetween(450, 750);
    }

    @Test
    void aProblemWithANumberMissingSaysHowMuchVaguely() {
        NonProblemGenerator g = new NonProblemGenerator(9);
        int seen = 0;
        for (int i = 0; i < 2000 && seen < 100; i++) {
            NonProblemGenerator.NonProblem np = g.next("n" + i);
            if (np.kind().equals("missing")) {
                seen++;
                assertThat(np.question()).containsAnyOf("some", "a few", "several", "many", "a lot", "a bunch")
                        .contains("?");
            }
        }
        assertThat(seen).isEqualTo(100);
    }

    @Test
    void heldOutNonProblemsAreDeterministicAndUnique() {
        List<NonProblemGenerator.NonProblem> a = ProblemSplit.heldOutNonProblems(100);
        assertThat(a).isEqualTo(ProblemSplit.heldOutNonProblems(100));
        assertThat(a).allMatch(np -> ProblemSplit.isHeldOut(np.question()));
        assertThat(a.stream().map(NonProblemGenerator.NonProblem::question).distinct()).hasSize(100);
    }
}
