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
        assertThat(ModelProblemWords.say("a reason nobody listed")).as("others as they are")
                .isEqualTo("a reason nobody listed");
        assertThat(ModelProblemWords.say(null)).isNull();
    }

    @Test
    void inKoreanEveryReasonTheEngineGivesForARealBrokenFileLeadsInKorean(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        java.nio.file.Path good = dir.resolve("good.gguf");
        dev.thinkbench.testing.TinyGguf.writer(dev.thinkbench.testing.TinyGguf.Shape.TINY,
                java.util.List.of(dev.thinkbench.testing.TinyGguf.CHAIN), 3).write(good);
        java.nio.file.Path unknown = dir.resolve("qwen9.gguf");
        dev.thinkbench.testing.TinyGguf.writer(dev.thinkbench.testing.TinyGguf.Shape.TINY,
                java.util.List.of(dev.thinkbench.testing.TinyGguf.CHAIN), 3).put("general.architecture", "qwen9")
                .write(unknown);
        java.nio.file.Path cut = dir.resolve("cut.gguf");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(good), 300));
        java.nio.file.Path version = dir.resolve("v9.gguf");
        byte[] v9 = java.nio.file.Files.readAllBytes(good);
        v9[4] = 9;
        java.nio.file.Files.write(version, v9);
        java.nio.file.Path shape = dir.resolve("short-data.gguf");
        byte[] whole = java.nio.file.Files.readAllBytes(good);
        java.nio.file.Files.write(shape, java.util.Arrays.copyOf(whole, whole.length - 64));

        java.nio.file.Path tiny = java.nio.file.Files.write(dir.resolve("tiny.gguf"), new byte[] {'G', 'G', 'U', 'F'});
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("folder.gguf"));
        for (java.nio.file.Path file : java.util.List.of(unknown, cut, version, shape, dir.resolve("missing.gguf"), tiny,
                folder)) {
            String problem = dev.thinkbench.engine.local.models.LocalModel.inspect(file,
                    dev.thinkbench.engine.local.models.LocalModel.Source.OPENED, file.getFileName().toString())
                    .problem();
            assertThat(problem).as(file.getFileName().toString()).isNotNull();
            Messages.setLocale(Locale.ENGLISH);
            assertThat(ModelProblemWords.say(problem)).as("English: the engine's words").isEqualTo(problem);
            Messages.setLocale(Locale.KOREAN);
            String korean = ModelProblemWords.say(problem);
            assertThat(korean).as(problem).matches("^[^a-zA-Z]*[\\uac00-\\ud7a3].*");
        }
        Messages.setLocale(Locale.KOREAN);
        String problem = dev.thinkbench.engine.local.models.LocalModel.inspect(unknown,
                dev.thinkbench.engine.local.models.LocalModel.Source.OPENED, "qwen9").problem();
        assertThat(ModelProblemWords.say(problem)).contains("'qwen9'").contains("v0.5.0")
                .doesNotContain("it knows").contains("qwen3");
    }
}
