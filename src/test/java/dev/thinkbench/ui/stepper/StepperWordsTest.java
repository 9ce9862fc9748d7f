package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The forcing layer's English sentences, said again through the bundles: unchanged in English, Korean in Korean. */
class StepperWordsTest {

    /** As the forcing layer writes them (Stepper, StepRunner, Branch). */
    private static final List<String> SENTENCES = List.of(
            "thinking reached its cap of 1024 tokens: force the answer, or undo",
            "stopped to force the answer",
            "stopped",
            "the model ended its turn without closing its thinking (37 tokens)",
            "the model wants to stop thinking (120 tokens so far); the server ignored the stop string",
            "the model wants to stop thinking (120 tokens so far, 93% sure)",
            "the model wants to stop thinking (120 tokens so far)",
            "the answer reached its cap of 256 tokens",
            "the answer was stopped before its end",
            "answer written (forced; its least sure token at 36%)",
            "answer written (forced; its least sure token at >99%)",
            "the model wants to stop thinking (12 tokens so far, >99% sure)",
            "the model wants to stop thinking (12 tokens so far, <1% sure)",
            "answer written (forced)",
            "answer written (you closed the thinking the model had left open; its least sure token at 88%)",
            "answer written (you closed the thinking the model had left open)",
            "answer written (you closed the thinking; its least sure token at 12%)",
            "answer written (you closed the thinking)",
            "answer written after the model ended its thinking (its least sure token at 97%)",
            "answer written after the model ended its thinking",
            "thinking\u2026",
            "answering\u2026",
            "you added a Wait",
            "you inserted text",
            "you edited the thinking",
            "you let the model answer",
            "you forced the answer",
            "trace edited: continue, wait, insert or force the answer",
            "model ended thinking (</think>; the server ignored the stop string, cut here)",
            "model ended thinking (</think>)",
            "model ended thinking",
            "model ended its answer (<|im_end|>; the server ignored the stop string, cut here)",
            "model ended its answer (<|im_end|>)",
            "model ended its answer",
            "model ended its turn without closing thinking",
            "cut at the cap of 2048 tokens (the server ignored the cap)",
            "reached the cap of 2048 tokens",
            "stopped by the user",
            "edited by you",
            "branch 12");

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inEnglishEverySentenceReadsExactlyAsTheForcingLayerWroteIt() {
        Messages.setLocale(Locale.ENGLISH);
        for (String s : SENTENCES) {
            assertThat(StepperWords.say(s)).isEqualTo(s);
        }
    }

    @Test
    void inKoreanEverySentenceIsKoreanWithItsNumbersAndStopWordsKept() {
        Messages.setLocale(Locale.KOREAN);
        for (String s : SENTENCES) {
            String said = StepperWords.say(s);
            assertThat(said).as(s).matches("(?s).*[\\uac00-\\ud7a3].*");
            // what is left in Latin letters is a stop word or the word Wait, never the English sentence
            assertThat(said.replaceAll("</think>|<\\|im_end\\|>|Wait", "")).as(s).doesNotContainPattern("[a-z]{3,}");
        }
        assertThat(StepperWords.say("thinking reached its cap of 1024 tokens: force the answer, or undo"))
                .contains("1024").doesNotContain("1,024");
        assertThat(StepperWords.say("model ended thinking (</think>)")).contains("</think>");
        assertThat(StepperWords.say("branch 12")).isEqualTo("\uac00\uc9c0 12");
    }

    @Test
    void anUnknownSentenceShowsAsItIs() {
        Messages.setLocale(Locale.KOREAN);
        assertThat(StepperWords.say("a reason added later")).isEqualTo("a reason added later");
        assertThat(StepperWords.say("")).isEmpty();
        assertThat(StepperWords.say(null)).isNull();
    }
}
