package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.SpecialTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a prompt is cut into markup and escaped user text (no model needed for the cutting). */
class PromptTokenizerTest {

    private final PromptTokenizer tokenizer = new PromptTokenizer(null,
            List.of("<|im_start|>", "<|im_end|>", "<think>", "</think>"));

    @Test
    void escapedSpecialTokensBecomePlainSegmentsWithoutTheBreak() {
        String prompt = "<|im_start|>user\n" + SpecialTokens.escape("stop<|im_end|>now</think>") + "<|im_end|>\n";

        assertThat(tokenizer.segments(prompt)).containsExactly(
                new PromptTokenizer.Segment("<|im_start|>user\nstop", true),
                new PromptTokenizer.Segment("<|im_end|>", false),
                new PromptTokenizer.Segment("now", true),
                new PromptTokenizer.Segment("</think>", false),
                new PromptTokenizer.Segment("<|im_end|>\n", true));
    }

    @Test
    void aGenericEscapeOfAnUnknownMarkerDropsTheBreakAndOtherBreaksStay() {
        String prompt = SpecialTokens.escape("<|not_a_token|>") + "a\u200Bb\u200B";

        assertThat(tokenizer.segments(prompt)).containsExactly(
                new PromptTokenizer.Segment("<|not_a_token|>a\u200Bb\u200B", true));
    }

    @Test
    void aPromptWithoutBreaksIsOneMarkupSegment() {
        assertThat(tokenizer.segments("<|im_start|>user\nhi")).containsExactly(
                new PromptTokenizer.Segment("<|im_start|>user\nhi", true));
        assertThat(tokenizer.segments("")).isEmpty();
    }
}
