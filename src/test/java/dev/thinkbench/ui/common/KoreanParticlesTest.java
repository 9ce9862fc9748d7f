package dev.thinkbench.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A particle written both ways settles on the word before it; after a word it cannot read, it stays both ways. */
class KoreanParticlesTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void theLastSyllableDecides() {
        assertThat(KoreanParticles.settle("열에는 모델을(를) 바꾸기 전")).isEqualTo("열에는 모델을 바꾸기 전");
        assertThat(KoreanParticles.settle("열에는 엔진을(를) 바꾸기 전")).isEqualTo("열에는 엔진을 바꾸기 전");
        assertThat(KoreanParticles.settle("다수결, 최장 추론은(는) 같은")).isEqualTo("다수결, 최장 추론은 같은");
        assertThat(KoreanParticles.settle("검증기은(는) 같은")).isEqualTo("검증기는 같은");
        assertThat(KoreanParticles.settle("서버이(가) 응답했지만")).isEqualTo("서버가 응답했지만");
        assertThat(KoreanParticles.settle("모델이(가) 로드되어")).isEqualTo("모델이 로드되어");
        assertThat(KoreanParticles.settle("large(으)로 보냄, 중간(으)로 보냄, 파일(으)로, 예산(으)로"))
                .isEqualTo("large(으)로 보냄, 중간으로 보냄, 파일로, 예산으로");
    }

    @Test
    void digitsReadInKoreanQuotesSkippedAndForeignWordsLeftBothWays() {
        assertThat(KoreanParticles.settle("3을(를) 더하고 2을(를) 빼고 1을(를)")).isEqualTo("3을 더하고 2를 빼고 1을");
        assertThat(KoreanParticles.settle("'검증기'은(는) 아닙니다")).isEqualTo("'검증기'는 아닙니다");
        assertThat(KoreanParticles.settle("micro-heldout.jsonl을(를) 읽을 수 없습니다"))
                .as("a file's extension as it is said: 제이슨엘").isEqualTo("micro-heldout.jsonl을 읽을 수 없습니다");
        assertThat(KoreanParticles.settle("thinkbench-2026-12-05.json을(를) 열었습니다"))
                .isEqualTo("thinkbench-2026-12-05.json을 열었습니다");
        assertThat(KoreanParticles.settle("micro-reasoner.gguf이(가) 없습니다")).isEqualTo("micro-reasoner.gguf가 없습니다");
        assertThat(KoreanParticles.settle("models.zip을(를) 풀었습니다")).as("집").isEqualTo("models.zip을 풀었습니다");
        assertThat(KoreanParticles.settle("Ollama을(를) 켜세요")).as("an English word: both ways")
                .isEqualTo("Ollama을(를) 켜세요");
        assertThat(KoreanParticles.settle("괄호 (를) 그대로")).isEqualTo("괄호 (를) 그대로");
    }

    @Test
    void koreanMessagesSettleAndEnglishOnesAreLeftAlone() {
        Messages.setLocale(Locale.KOREAN);
        assertThat(Messages.get("compare.stale", "모델")).startsWith("열에는 모델을 바꾸기 전의");
        assertThat(Messages.get("compare.stale", "엔진")).startsWith("열에는 엔진을 바꾸기 전의");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Messages.get("compare.stale", "the model")).startsWith("The columns show the last run, made before "
                + "the model changed");
    }
}
