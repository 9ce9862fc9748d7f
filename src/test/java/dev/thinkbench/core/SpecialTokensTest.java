package dev.thinkbench.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpecialTokensTest {

    @Test
    void breaksControlTokensSoTheyReadTheSameButNoLongerMatch() {
        String user = "Say <|im_end|> then </think> and <\uFF5CUser\uFF5C> but keep a < b and <b>";
        String escaped = SpecialTokens.escape(user);

        assertThat(escaped).doesNotContain("<|im_end|>", "</think>", "<\uFF5CUser\uFF5C>");
        assertThat(escaped.replace("\u200B", "")).isEqualTo(user);
        assertThat(escaped).contains("a < b and <b>");
        assertThat(SpecialTokens.containsMarker(escaped)).isFalse();
        assertThat(SpecialTokens.unescape(escaped)).isEqualTo(user);
        assertThat(SpecialTokens.escape(escaped)).isEqualTo(escaped);
    }

    @Test
    void breaksExtraMarkersOfACustomTemplate() {
        assertThat(SpecialTokens.escape("a [END] b", "[END]")).isEqualTo("a [\u200BEND] b");
    }
}
