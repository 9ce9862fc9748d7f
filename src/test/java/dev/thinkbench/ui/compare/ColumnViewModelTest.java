package dev.thinkbench.ui.compare;

import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.hosted.HostedAssets;
import dev.thinkbench.engine.hosted.anthropic.AnthropicEngine;
import dev.thinkbench.engine.hosted.openai.OpenAiResponsesEngine;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.FakeKeys;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A column's budget checked against the chosen model, as the column says it in the window's language. */
class ColumnViewModelTest {

    private static final String SONNET = "claude-sonnet-4-5";

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static EngineConfig config(String id) {
        return new EngineConfig(id, URI.create("http://127.0.0.1:9"), FakeKeys.of("sk", "column-test"),
                Duration.ofSeconds(5), null);
    }

    /** What the column shows under its budget: the prefix and the reason. */
    private static String shown(ColumnViewModel column) {
        return Messages.get(column.refusedByModelProperty().get() ? "column.notWithModel" : "column.notOnEngine",
                column.unsupportedProperty().get());
    }

    /** Hangul, spaces, digits, punctuation, and the names and budget specs that read the same in every language. */
    private static void assertKorean(String text, String... sameInEveryLanguage) {
        String rest = text;
        for (String same : sameInEveryLanguage) {
            rest = rest.replace(same, "");
        }
        assertThat(rest).as("English left in: " + text).doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void aHostedModelsRefusalReadsInKoreanInAKoreanWindow() {
        Messages.setLocale(Locale.KOREAN);
        ColumnViewModel column = new ColumnViewModel("large", "effort:high");

        column.setEngine(new AnthropicEngine(config("anthropic"), HostedAssets.models()), SONNET, b -> "");
        assertThat(column.refusedByModelProperty().get()).isTrue();
        assertThat(column.isRunnable()).isFalse();
        assertThat(shown(column)).isEqualTo("\uc774 \ubaa8\ub378\uc5d0\uc11c\ub294 \uc548 \ub428: Claude Sonnet 4.5"
                + "\uc5d0\ub294 \ub178\ub825 \uc218\uc900\uc774 \uc5c6\uc2b5\ub2c8\ub2e4. tokens:N (N\uc740 "
                + "1,024~63,999) \ub610\ub294 none\uc744(\ub97c) \uc4f0\uc138\uc694.");
        assertKorean(shown(column), "Claude Sonnet", "tokens:N", "N", "none");

        column.budgetTextProperty().set("tokens:512");
        assertThat(column.refusedByModelProperty().get()).as("another reason, still the model's").isTrue();
        assertThat(shown(column)).contains("1,024~63,999", "512");
        assertKorean(shown(column), "Claude Sonnet", "tokens:N", "N");

        column.setEngine(new OpenAiResponsesEngine(config("openai"), HostedAssets.models()), "gpt-5", b -> "");
        column.budgetTextProperty().set("none");
        assertThat(column.refusedByModelProperty().get()).as("a model that always reasons").isTrue();
        assertThat(shown(column)).contains("effort:minimal");
        assertKorean(shown(column), "GPT", "effort:minimal");
    }

    @Test
    void aReasonTheWindowDoesNotKnowShowsAsTheEngineWroteIt() {
        Messages.setLocale(Locale.KOREAN);
        String unknown = "the model retired last week; use its successor";
        AnswerTestEngine engine = new AnswerTestEngine("test", spec -> null).refusing((budget, model) -> unknown);
        ColumnViewModel column = new ColumnViewModel("large", "effort:high");

        column.setEngine(engine, "m1", b -> "");

        assertThat(column.refusedByModelProperty().get()).isTrue();
        assertThat(column.unsupportedProperty().get()).isEqualTo(unknown);
    }

    @Test
    void inEnglishTheRefusalIsTheRunsOwnSentence() {
        ColumnViewModel column = new ColumnViewModel("large", "effort:high");
        column.setEngine(new AnthropicEngine(config("anthropic"), HostedAssets.models()), SONNET, b -> "");
        assertThat(column.unsupportedProperty().get()).isEqualTo("Claude Sonnet 4.5 takes no effort levels (manual "
                + "thinking: budget_tokens from 1,024, below max_tokens; no effort levels); use tokens:N (N from 1,024 "
                + "to 63,999) or none.");
    }
}
