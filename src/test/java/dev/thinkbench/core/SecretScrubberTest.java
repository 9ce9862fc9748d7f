package dev.thinkbench.core;

import dev.thinkbench.testing.FakeKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberTest {

    @Test
    void registeredKeysAreMaskedWhereverTheyAppear() {
        SecretScrubber.register("canary-key-ABC123xyz");
        assertThat(SecretScrubber.scrub("model said canary-key-ABC123xyz twice: canary-key-ABC123xyz"))
                .isEqualTo("model said *** twice: ***");
        assertThat(SecretScrubber.scrub("url?x=1&k=canary-key-ABC123xyz")).doesNotContain("canary-key");
    }

    @Test
    void credentialShapedValuesAreMaskedWithoutKnowingTheKey() {
        assertThat(SecretScrubber.scrub("Authorization: Bearer abc.DEF-123_456"))
                .isEqualTo("Authorization: Bearer ***");
        assertThat(SecretScrubber.scrub("x-api-key: secretvalue99")).isEqualTo("x-api-key: ***");
        assertThat(SecretScrubber.scrub("{\"api_key\":\"s3cr3t-v4lue\",\"n\":1}")).isEqualTo("{\"api_key\":\"***\",\"n\":1}");
        assertThat(SecretScrubber.scrub("GET /v1beta/models?key=" + FakeKeys.of("AIzaSyA", "abcdefghijklmnopqrstuvwxyz012345") + "&alt=sse"))
                .isEqualTo("GET /v1beta/models?key=***&alt=sse");
        assertThat(SecretScrubber.scrub("your key " + FakeKeys.of("sk-ant", "api03-abcdefghijklmnopqrstuv") + " is bad"))
                .isEqualTo("your key *** is bad");
        assertThat(SecretScrubber.scrub("x-goog-api-key=" + FakeKeys.of("AIzaSyA", "abcdefghijklmnopqrstuvwxyz012345")))
                .isEqualTo("x-goog-api-key=***");
    }

    @Test
    void keysOfOtherProvidersAndKeysRightAfterAnEscapedLineBreakAreMaskedToo() {
        assertThat(SecretScrubber.scrub("groq " + "gsk" + "_abcdefghijklmnop1234567890" + ", hf "
                + "hf" + "_abcdefghijklmnopqrstuvwxyz12" + ", google "
                + "AIza" + "SyA1234567890abcdefghijklmnopqrstu"))
                .isEqualTo("groq ***, hf ***, google ***");
        // as --format json prints thinking: a line break written \n, the key right after it
        assertThat(SecretScrubber.scrub("\"thinking\": \"no problem.\\n" + FakeKeys.of("sk-", "abcdefABCDEF123456")
                + "=440\\n\"")).isEqualTo("\"thinking\": \"no problem.\\n***=440\\n\"");
        assertThat(SecretScrubber.scrub("a risk-assessment-framework-document")).as("a word with sk- inside")
                .isEqualTo("a risk-assessment-framework-document");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "The answer is 42. Budget: tokens:512, keys of a piano, monkey business.";
        assertThat(SecretScrubber.scrub(text)).isEqualTo(text);
        assertThat(SecretScrubber.scrub(null)).isNull();
    }

    @Test
    void quoteMasksFirstThenCuts() {
        SecretScrubber.register("canary-key-QUOTE-789");
        String text = "y".repeat(95) + "canary-key-QUOTE-789";
        String quoted = SecretScrubber.quote(text, 100);
        assertThat(quoted).doesNotContain("canary").doesNotContain("can");
        assertThat(quoted).hasSizeLessThanOrEqualTo(100);
        assertThat(SecretScrubber.quote("a\n  b\tc", 10)).isEqualTo("a b c");
    }
}
