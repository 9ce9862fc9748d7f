package dev.thinkbench.cli;

import dev.thinkbench.app.AppContext;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code thinkbench step} on the built-in engine through the real composition root: it lays the prompt out with the
 * model family's template, as {@code compare} and the window's Stepper do, with or without {@code --template model}.
 * A tiny gpt-oss model written by the test (its GGUF carries a Jinja template without {@code <think>} markers).
 */
@Timeout(180)
class StepOnTheBuiltinEngineTest {

    @TempDir
    static Path dir;
    static Path gptOss;
    static AppContext context;


    @BeforeAll
    static void setUp() throws IOException {
        gptOss = TinyGguf.writeGptOss(dir.resolve("gpt-oss-tiny.gguf"));
        context = AppContext.create(Path.of("assets").toAbsolutePath(), dir.resolve("config"), dir.resolve("data"));
    }

    @AfterAll
    static void close() {
        context.builtin().close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(context, args);
    }

    @Test
    void withoutATemplateAGptOssModelStepsInHarmony() {
        CliRun r = run("step", "--model", gptOss.toString(), "--prompt", "What is x?", "--actions", "wait,answer");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("template gpt-oss")
                .contains("model ended thinking (<|end|>)").doesNotContain("without closing thinking")
                .contains("thinking text: \"Let x=2.Wait x=2.\"").contains("answer: \"4\"");
    }

    @Test
    void templateModelPrefersTheFamilysTemplateToTheFilesJinja() {
        CliRun r = run("step", "--model", gptOss.toString(), "--template", "model", "--prompt", "What is x?",
                "--actions", "continue");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("template gpt-oss").contains("thinking text: \"Let x=2.\"")
                .as("the final channel's <|end|> ends the answer").contains("answer: \"Let x=2.\"")
                .doesNotContain("<|end|>\"");
    }

    /** {@code --context} is the context the model is loaded with: a small one ends the thinking, the saved one not. */
    @Test
    void theContextGivenIsTheOneTheModelIsLoadedWith() {
        String prompt = "What is x? ".repeat(12);
        CliRun small = run("step", "--model", gptOss.toString(), "--prompt", prompt, "--actions", "continue",
                "--context", "128");
        CliRun saved = run("step", "--model", gptOss.toString(), "--prompt", prompt, "--actions", "continue");

        assertThat(small.code()).isEqualTo(1);
        assertThat(small.err()).contains("has 356 tokens and fills the model's context of 256 tokens (llama.cpp's "
                + "size for the 128 asked for)");
        assertThat(saved.code()).as("at the saved context, " + saved.err()).isZero();
        assertThat(saved.out()).doesNotContain("fills the model's context").contains("answer: \"");
    }
}
