package dev.thinkbench.lab.samples;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.problems.MicroWorld;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's samples: tagged for the models they suit, with answers the shared grader can check. */
class SampleAnswersTest {

    private static List<SamplePrompt> samples() throws Exception {
        return MicroExerciseSample.withExercise(SamplePrompts.read(Path.of("samples/prompts.json")));
    }

    @Test
    void everyMicroSampleIsInTheMicroModelsWorldAndHasAnAnswer() throws Exception {
        List<SamplePrompt> micro = samples().stream().filter(SamplePrompt::suitsMicro).toList();

        assertThat(micro).hasSizeGreaterThanOrEqualTo(4);
        assertThat(micro).allSatisfy(s -> {
            assertThat(MicroWorld.fits(s.prompt())).as(s.id()).isTrue();
            assertThat(s.answer()).as(s.id()).isNotBlank();
        });
    }

    @Test
    void theOthersNeedARealModel() throws Exception {
        List<SamplePrompt> others = samples().stream().filter(s -> !s.suitsMicro()).toList();

        assertThat(others).isNotEmpty().allSatisfy(s -> assertThat(MicroWorld.fits(s.prompt())).as(s.id()).isFalse());
    }

    @Test
    void answersAreGradedAsAModelWouldWriteThem() throws Exception {
        for (SamplePrompt s : samples()) {
            if (s.answer() == null) {
                continue;
            }
            Grade g = AnswerGrader.grade("Some thought.\nFinal Answer: " + s.answer(), s.answer());
            assertThat(g.verdict()).as(s.id()).isEqualTo(Grade.Verdict.CORRECT);
        }
        SamplePrompt france = samples().stream().filter(s -> s.id().equals("capital-of-france")).findFirst()
                .orElseThrow();
        assertThat(AnswerGrader.grade("Paris", france.answer()).verdict()).isEqualTo(Grade.Verdict.CORRECT);
    }

    @Test
    void everySampleHasItsTitleAndNoteInKorean() throws Exception {
        List<SamplePrompt> file = SamplePrompts.read(Path.of("samples/prompts.json"));

        assertThat(file).allSatisfy(s -> {
            SamplePrompt ko = s.in("ko");
            assertThat(ko.title()).as(s.id()).isNotEqualTo(s.title()).matches(".*[\\uAC00-\\uD7A3].*");
            assertThat(ko.note()).as(s.id()).isNotEqualTo(s.note()).matches("(?s).*[\\uAC00-\\uD7A3].*");
        });
    }

    @Test
    void aTranslationWithoutANoteKeepsTheSamplesNote() throws Exception {
        SamplePrompt s = SamplePrompts.read(new java.io.ByteArrayInputStream("""
                {"prompts":[{"id":"a","title":"One","prompt":"1+1?","note":"easy",
                  "translations":{"ko":{"title":"하나"}}}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getFirst();

        assertThat(s.in("ko").title()).isEqualTo("하나");
        assertThat(s.in("ko").note()).isEqualTo("easy");
    }

    @Test
    void aWrongModelTagIsRefusedWithTheTagsToUse() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SamplePrompt("x", "X", "", "p", "", "", null,
                List.of("tiny"))).hasMessageContaining("\"micro\"").hasMessageContaining("\"any\"");
    }
}
