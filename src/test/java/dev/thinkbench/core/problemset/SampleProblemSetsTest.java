package dev.thinkbench.core.problemset;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem sets under {@code samples/problems}: each loads without an issue, the micro set is exactly the
 * generator's held-out split, and every answer of the sets written for Thinkbench agrees with the answer computed by
 * code. Regenerate the micro set with {@code main}.
 */
class SampleProblemSetsTest {

    static final Path DIR = Path.of("samples/problems");
    static final Path MICRO = DIR.resolve("micro-heldout.jsonl");

    /** Writes {@code samples/problems/micro-heldout.jsonl} from the generator. */
    public static void main(String[] args) throws IOException {
        Files.writeString(MICRO, ProblemSetWriter.jsonl(MicroProblems.heldOut(MicroProblems.SAMPLE_SIZE)),
                StandardCharsets.UTF_8);
    }

    @Test
    void everySampleSetLoadsWithoutAnIssue() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("seeds.jsonl", "micro-heldout.jsonl", "grade-school.jsonl", "competition.jsonl");
        for (Path f : files) {
            ProblemLoad load = ProblemSetReader.read(f);
            assertThat(load.issues()).as(f.toString()).isEmpty();
            assertThat(load.problems()).as(f.toString()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.license()).isNotBlank())
                    .allSatisfy(p -> assertThat(p.source()).isNotBlank());
        }
    }

    @Test
    void theMicroSetIsTheGeneratorsHeldOutSplitByDifficulty() throws IOException {
        assertThat(Files.readString(MICRO, StandardCharsets.UTF_8))
                .as("regenerate with SampleProblemSetsTest.main")
                .isEqualTo(ProblemSetWriter.jsonl(MicroProblems.heldOut(MicroProblems.SAMPLE_SIZE)));
        List<BenchProblem> micro = ProblemSetReader.read(MICRO).problems();
        assertThat(micro).hasSize(600);
        for (int d = 1; d <= 6; d++) {
            int level = d;
            assertThat(micro.stream().filter(p -> p.difficulty() == level)).hasSize(100);
        }
        assertThat(micro.getFirst().tags()).containsExactly("micro", "steps-1");
    }

    @Test
    void theSeedSetHoldsTheSeedsExamplesAndTheMicroExercise() throws IOException {
        List<BenchProblem> seeds = ProblemSetReader.read(DIR.resolve("seeds.jsonl")).problems();
        assertThat(seeds).extracting(BenchProblem::id).contains("seed-one-plus-one", "seed-capital-of-france",
                "seed-sqrt2-irrational", "seed-micro-exercise");
        BenchProblem exercise = seeds.stream().filter(p -> p.id().equals("seed-micro-exercise")).findFirst()
                .orElseThrow();
        assertThat(exercise.prompt()).isEqualTo(MicroExerciseSample.problem().question());
        assertThat(exercise.answer()).isEqualTo(Integer.toString(MicroExerciseSample.problem().answer()));
        assertThat(seeds).filteredOn(p -> !p.gradable()).extracting(BenchProblem::id)
                .containsExactly("seed-sqrt2-irrational");
    }

    @Test
    void gradeSchoolAnswersAgreeWithTheCode() throws IOException {
        checkWritten("grade-school.jsonl", WrittenProblemAnswers.gradeSchool());
    }

    @Test
    void competitionAnswersAgreeWithTheCodeAndAreIntegers() throws IOException {
        checkWritten("competition.jsonl", WrittenProblemAnswers.competition());
        assertThat(ProblemSetReader.read(DIR.resolve("competition.jsonl")).problems())
                .allSatisfy(p -> assertThat(p.answer()).matches("-?\\d+"));
    }

    private static void checkWritten(String file, Map<String, Supplier<Object>> computed) throws IOException {
        List<BenchProblem> problems = ProblemSetReader.read(DIR.resolve(file)).problems();
        assertThat(problems).hasSizeGreaterThanOrEqualTo(30);
        assertThat(problems).extracting(BenchProblem::id).containsExactlyElementsOf(computed.keySet());
        for (BenchProblem p : problems) {
            assertThat(p.source()).startsWith("written for Thinkbench");
            assertThat(p.license()).isEqualTo("CC0-1.0");
            Object value = computed.get(p.id()).get();
            String text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
            Grade g = AnswerGrader.grade("Final Answer: " + text, p.answer());
            assertThat(g.verdict()).as("%s: file says %s, code says %s", p.id(), p.answer(), text)
                    .isEqualTo(Grade.Verdict.CORRECT);
            String wrong = text.matches("[A-E]") ? (text.equals("A") ? "B" : "A") : text + "1";
            assertThat(AnswerGrader.grade("Final Answer: " + wrong, p.answer()).verdict())
                    .as(p.id()).isEqualTo(Grade.Verdict.WRONG);
        }
    }
}
