package dev.thinkbench.lab.lessons;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.lab.samples.SamplePrompts;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped lessons: in English and Korean, each with an exercise the workbench can set up. */
class LessonCatalogTest {

    private static final Path LESSONS = Path.of("assets/lessons");

    @Test
    void fiveLessonsInBothLanguagesWithTitlesAndQuestions() throws IOException {
        List<Lesson> lessons = LessonCatalog.read(LESSONS);

        assertThat(lessons).extracting(Lesson::id)
                .containsExactly("01-scaling", "02-budgets", "03-forcing", "04-best-of-n", "05-adaptive");
        assertThat(lessons).allSatisfy(l -> {
            assertThat(l.languages()).containsExactlyInAnyOrder("en", "ko");
            assertThat(l.title("en")).isNotEqualTo(l.id());
            assertThat(l.title("ko")).isNotEqualTo(l.title("en"));
            assertThat(l.markdown("en")).contains("## Questions");
            assertThat(l.markdown("ko")).contains("## 질문");
            assertThat(l.questions("en")).as("its numbered questions").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(q -> assertThat(q).doesNotMatch("^\\d+\\..*").contains("?"));
            assertThat(l.questions("ko")).as("as many in Korean").hasSameSizeAs(l.questions("en"));
        });
        assertThat(lessons.getFirst().questions("en")).hasSize(4).first().asString()
                .startsWith("Which budgets get the answer right?");
        assertThat(lessons.get(2).exercise().tab()).isEqualTo(Exercise.Tab.STEPPER);
        assertThat(lessons).extracting(l -> l.exercise().confidence()).as("the adaptive lesson shows confidence")
                .containsExactly(false, false, false, false, true);
    }

    @Test
    void everyQuestionHasAnAnswerInBothLanguagesAndTheTextToReadKeepsThemOut() throws IOException {
        List<Lesson> lessons = LessonCatalog.read(LESSONS);

        assertThat(lessons).allSatisfy(l -> {
            for (String language : List.of("en", "ko")) {
                assertThat(l.answers(language)).as("%s %s", l.id(), language).hasSameSizeAs(l.questions(language))
                        .allSatisfy(a -> assertThat(a).doesNotMatch("^\\d+\\..*").isNotBlank());
                assertThat(l.text(language)).as("%s %s", l.id(), language).doesNotContain("## Answers")
                        .doesNotContain("## \ub2f5").contains(l.title(language)).endsWith("\n");
                assertThat(l.questions(language)).as("the questions stay in the text").allSatisfy(q ->
                        assertThat(l.text(language)).contains(q.substring(0, Math.min(20, q.length()))));
                // a numbered question in another section was missing from the exercise's questions and answers
                assertThat(l.text(language).lines().filter(line -> line.matches("^\\d+\\. .*\\?.*")).count())
                        .as("%s %s: every numbered question is one of its questions", l.id(), language)
                        .isLessThanOrEqualTo(l.questions(language).size());
            }
        });
        assertThat(lessons.get(1).answers("en").get(1)).as("what the micro model does: lesson 2's columns part")
                .contains("79 tokens");
    }

    /**
     * Markdown's emphasis needs a closing "**" after a letter or before a space or punctuation: Korean text glued to it
     * ("**예산 강제(budget forcing)**로") showed the asterisks. Every lesson and help page parses with none left.
     */
    @Test
    void noLessonOrHelpPageShowsEmphasisMarkersAsText() throws IOException {
        Parser parser = Parser.builder(new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))).build();
        List<Path> pages;
        try (var files = Files.walk(LESSONS)) {
            pages = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(12);
        for (Path page : pages) {
            Node document = parser.parse(Files.readString(page));
            for (Node n : document.getDescendants()) {
                if (n instanceof Text text) {
                    assertThat(text.getChars().toString()).as(page.toString()).doesNotContain("**", "__");
                }
            }
        }
    }

    /**
     * A line break inside a paragraph is shown as a space, and Korean writes a particle or ending right after the word
     * it belongs to: "(40 % 미만)" broken before "입니다" read "곳(40 % 미만) 입니다", "(내장 엔진)" before "에서만"
     * "엔진) 에서만".
     */
    @Test
    void noKoreanLineBreakSplitsAParticleOffItsWord() throws IOException {
        List<Path> pages;
        try (var files = Files.walk(LESSONS.resolve("ko"))) {
            pages = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
        java.util.regex.Pattern particle = java.util.regex.Pattern.compile(
                "^\\s*(입니다|이다|에서|에게|으로|로|을|를|은|는|이|가|와|과|의|도|만)(?![가-힣])|^\\s*(입니다|에서만|에서는)");
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 1; i < lines.size(); i++) {
                String before = lines.get(i - 1).strip();
                boolean endsAWord = before.endsWith(")") || before.endsWith("`") || before.endsWith("**");
                assertThat(endsAWord && particle.matcher(lines.get(i)).find())
                        .as("%s line %d: \"%s\" then \"%s\"", page, i + 1, before, lines.get(i).strip()).isFalse();
            }
        }
    }

    @Test
    void everyExerciseNamesASampleBudgetsAndAPriceThatExist() throws IOException {
        Set<String> samples = MicroExerciseSample.withExercise(SamplePrompts.read(Path.of("samples/prompts.json")))
                .stream().map(SamplePrompt::id).collect(Collectors.toSet());
        PriceTable prices;
        try (InputStream in = Files.newInputStream(Path.of("assets/pricing.json"))) {
            prices = PriceTable.read(in);
        }
        for (Lesson l : LessonCatalog.read(LESSONS)) {
            Exercise e = l.exercise();
            assertThat(e.engineId()).isEqualTo("builtin");
            assertThat(e.model()).isEqualTo("micro-reasoner.gguf");
            if (e.sampleId() != null) {
                assertThat(samples).as(l.id()).contains(e.sampleId());
            }
            e.columns().forEach(c -> BudgetSpec.parse(c.substring(c.indexOf('=') + 1)));
            assertThat(e.columns().size()).as(l.id()).isLessThanOrEqualTo(5);
            if (e.pricedAs() != null) {
                assertThat(prices.lookup(e.pricedAs())).as(l.id()).isPresent();
            }
        }
    }

    @Test
    void aCompareExerciseNamesItsColumnsInKoreanWhenReadInKorean() throws IOException {
        for (Lesson l : LessonCatalog.read(LESSONS)) {
            Exercise e = l.exercise();
            List<String> ko = e.columns("ko");
            assertThat(ko).as(l.id()).hasSameSizeAs(e.columns());
            for (int i = 0; i < ko.size(); i++) {
                String en = e.columns().get(i);
                assertThat(ko.get(i)).as("the same budget").endsWith(en.substring(en.indexOf('=')));
                String label = ko.get(i).substring(0, ko.get(i).indexOf('='));
                if (!ko.get(i).equals(label + "=" + label)) { // a budget spec as its own label is code, not English
                    assertThat(label).as(l.id() + ": no English words").doesNotContainPattern("(?i)tokens|sample|Waits");
                }
            }
            assertThat(e.columns("en")).isEqualTo(e.columns());
        }
        assertThat(LessonCatalog.read(LESSONS).getFirst().exercise().columns("ko"))
                .containsExactly("8 \ud1a0\ud070=force:min=0,max=8,waits=0", "24 \ud1a0\ud070=force:min=0,max=24,waits=0",
                        "64 \ud1a0\ud070=force:min=0,max=64,waits=0");
    }

    @Test
    void labelsThatDoNotMatchTheColumnsAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lessons.json"), "{\"languages\":[\"en\"],\"lessons\":[{\"id\":\"one\","
                + "\"exercise\":{\"tab\":\"compare\",\"engine\":\"builtin\",\"prompt\":\"2+2?\","
                + "\"columns\":[\"a=none\",\"b=tokens:8\"],\"labels\":{\"ko\":[\"\uac00\"]}}}]}");

        assertThatThrownBy(() -> LessonCatalog.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("lesson 'one'").hasMessageContaining("ko labels must be one per column");
    }

    @Test
    void aLessonWithoutItsTranslationShowsInEnglish(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/one.md"), "# One\n\nText.");
        Files.writeString(dir.resolve("lessons.json"), "{\"languages\":[\"en\",\"ko\"],\"lessons\":[{\"id\":\"one\","
                + "\"exercise\":{\"tab\":\"stepper\",\"engine\":\"builtin\",\"prompt\":\"Start with 2.\"}}]}");

        Lesson one = LessonCatalog.read(dir).getFirst();

        assertThat(one.title("ko")).isEqualTo("One");
        assertThat(one.exercise().prompt()).isEqualTo("Start with 2.");
    }

    @Test
    void aBrokenIndexSaysWhichLessonIsWrong(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/one.md"), "# One");
        Files.writeString(dir.resolve("lessons.json"), "{\"lessons\":[{\"id\":\"one\",\"exercise\":{\"tab\":"
                + "\"compare\",\"engine\":\"builtin\",\"sample\":\"s\"}}]}");

        assertThatThrownBy(() -> LessonCatalog.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("lesson 'one'").hasMessageContaining("needs its columns");
        assertThatThrownBy(() -> LessonCatalog.read(dir.resolve("missing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("lessons.json");
    }
}
