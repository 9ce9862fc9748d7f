package dev.thinkbench.ui.compare;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed column's text in the window's language: the engine's English words stay, as the detail. */
class ColumnErrorWordsTest {

    private static final String ENGINE_SAYS = "OpenAI-compatible server at http://127.0.0.1:9/v1 rejected the API key "
            + "(HTTP 401). Check the API key you configured.";

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inEnglishTheEnginesMessageIsShownAsItIs() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(ColumnView.inWindowLanguage(FailureKind.AUTHENTICATION, ENGINE_SAYS)).isEqualTo(ENGINE_SAYS);
    }

    @Test
    void inKoreanEveryKindIsExplainedFirstAndTheEnginesWordsFollowAsTheDetail() {
        Messages.setLocale(Locale.KOREAN);

        assertThat(ColumnView.inWindowLanguage(FailureKind.AUTHENTICATION, ENGINE_SAYS)).isEqualTo(
                "서버가 API 키를 받아들이지 않았습니다. 엔진 바의 키나 키 변수를 확인하세요.\n자세히 (엔진의 말): " + ENGINE_SAYS);
        assertThat(Arrays.stream(FailureKind.values()).map(k -> ColumnView.inWindowLanguage(k, ENGINE_SAYS)))
                .allSatisfy(text -> assertThat(text).contains("\n자세히 (엔진의 말): ").endsWith(ENGINE_SAYS)
                        .doesNotStartWith("OpenAI"));
        assertThat(ColumnView.inWindowLanguage(null, ENGINE_SAYS)).startsWith("실행이 실패했습니다.");
    }
}
