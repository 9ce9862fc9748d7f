package dev.thinkbench.ui.models;

import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A file that cannot run, said in the window's language where the reason is one a learner meets. */
class ModelProblemWordsTest {

    private static final String NOT_GGUF = "this is not a GGUF model file (it starts with 0x6C6C6568, not 'GGUF')";

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inEnglishTheEnginesWordsStandAndInKoreanTheKnownOnesAreTranslated() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(ModelProblemWords.say(NOT_GGUF)).isEqualTo(NOT_GGUF);
        assertThat(ModelProblemWords.say("the file is empty")).isEqualTo("the file is empty");

        Messages.setLocale(Locale.KOREAN);
        assertThat(ModelProblemWords.say(NOT_GGUF)).isEqualTo(
                "GGUF 모델 파일이 아닙니다 (0x6C6C6568로 시작하며, 'GGUF'로 시작하지 않습니다)");
        assertThat(ModelProblemWords.say("the file is empty")).isEqualTo("빈 파일입니다");
        assertThat(ModelProblemWords.say("architecture: 'qwen9' is not supported")).as("others as they are")
                .isEqualTo("architecture: 'qwen9' is not supported");
        assertThat(ModelProblemWords.say(null)).isNull();
    }
}
