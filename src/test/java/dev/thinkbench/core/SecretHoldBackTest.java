package dev.thinkbench.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where streaming text waits so that a secret arriving in pieces never shows in part. */
class SecretHoldBackTest {

    @Test
    void ordinaryWordsGoOnAndAWordThatCouldGrowIntoAKeyWaits() {
        assertThat(SecretHoldBack.holdFrom("", "Seven plus four is 11")).isEqualTo(21);
        assertThat(SecretHoldBack.holdFrom("", "so the key is sk")).isEqualTo(14);
        assertThat(SecretHoldBack.holdFrom("", "use sk-proj-abc")).isEqualTo(4);
        assertThat(SecretHoldBack.holdFrom("", "Google AIza")).isEqualTo(7);
        assertThat(SecretHoldBack.holdFrom("", "token hf_abc")).isEqualTo(6);
        assertThat(SecretHoldBack.holdFrom("", "a task")).as("sk inside a word is no key").isEqualTo(6);
        assertThat(SecretHoldBack.holdFrom("", "ends with a space ")).isEqualTo(18);
    }

    @Test
    void aValueAfterBearerOrApiKeyWaitsEvenWhenTheKeywordShowedBefore() {
        assertThat(SecretHoldBack.holdFrom("Authorization: Bearer ", "eyJhbGci")).isZero();
        assertThat(SecretHoldBack.holdFrom("", "set api_key=abc12")).as("one word with its name").isEqualTo(4);
        assertThat(SecretHoldBack.holdFrom("", "api_key: abc12")).isEqualTo(9);
        assertThat(SecretHoldBack.holdFrom("GET /v1?", "key=AIzaXYZ")).isZero();
    }

    @Test
    void aRegisteredKeyWaitsFromItsFirstCharacters() {
        SecretScrubber.register("zq9-registered-key-77");
        assertThat(SecretHoldBack.holdFrom("", "here: zq9-reg")).isEqualTo(6);
        assertThat(SecretHoldBack.holdFrom("", "here: zqx")).isEqualTo(9);
    }

    @Test
    void aWordLongerThanAnyKeyIsShownAsItStands() {
        String word = "sk-" + "a".repeat(SecretHoldBack.MAX_HELD);
        assertThat(SecretHoldBack.holdFrom("", word)).isEqualTo(word.length());
    }

    @Test
    void blottingKeepsTheLengthAndWhatCameBeforeTheValue() {
        String text = "Authorization: Bearer abcd1234efgh and sk-ant-0123456789abcdef!";
        String blotted = SecretScrubber.blot(text);
        assertThat(blotted).hasSameSizeAs(text).startsWith("Authorization: Bearer \u2022").contains(" and \u2022")
                .endsWith("\u2022!").doesNotContain("abcd1234").doesNotContain("sk-ant");
        assertThat(SecretScrubber.blot("nothing to hide")).isEqualTo("nothing to hide");
    }
}
