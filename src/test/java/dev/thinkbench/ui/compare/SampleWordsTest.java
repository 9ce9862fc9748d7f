package dev.thinkbench.ui.compare;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.NewProblem;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples' titles and notes in the window's language; the prompts and answers as written. */
class SampleWordsTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inEnglishTheLabsOwnWordsAreKept() {
        Messages.setLocale(Locale.ENGLISH);
        SamplePrompt exercise = MicroExerciseSample.prompt();
        Problem p = NewProblem.draw(2, 7);

        assertThat(SampleWords.of(exercise)).isEqualTo(exercise);
        assertThat(SampleWords.newProblem(p)).isEqualTo(NewProblem.asSample(p));
        assertThat(SampleWords.newProblem(NewProblem.draw(1, 7)).title()).isEqualTo("New problem (1 step)");
    }

    @Test
    void inKoreanTheExerciseNewProblemsAndTranslatedSamplesAreWordedInKorean() {
        Messages.setLocale(Locale.KOREAN);
        SamplePrompt exercise = MicroExerciseSample.prompt();
        Problem p = NewProblem.draw(4, 7);
        SamplePrompt translated = new SamplePrompt("a", "One", "math", "1+1?", "", "easy", "2",
                List.of(SamplePrompt.ANY), Map.of("ko", new SamplePrompt.Words("하나", "쉬움")));

        SamplePrompt ko = SampleWords.of(exercise);
        assertThat(ko.title()).isEqualTo("마이크로 모델 연습 (여러 단계)");
        assertThat(ko.note()).contains("정답은 " + exercise.answer() + "입니다")
                .contains(MicroExerciseSample.problem().id());
        assertThat(ko.prompt()).isEqualTo(exercise.prompt());
        assertThat(SampleWords.newProblem(p).title()).isEqualTo("새 문제 (4단계)");
        assertThat(SampleWords.newProblem(p).note()).contains("정답은 " + p.answer() + "입니다");
        assertThat(SampleWords.of(List.of(translated))).extracting(SamplePrompt::title, SamplePrompt::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("하나", "쉬움"));
    }
}
