package dev.thinkbench.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void textEndsInOneFullStop() {
        assertThat(Sentences.ended("the server is busy")).isEqualTo("the server is busy.");
        assertThat(Sentences.ended(" the partial output is kept. ")).as("no second stop")
                .isEqualTo("the partial output is kept.");
        assertThat(Sentences.ended("Is the key right?")).isEqualTo("Is the key right?");
        assertThat(Sentences.ended("it stopped\u2026")).isEqualTo("it stopped\u2026");
        assertThat(Sentences.ended("서버가 응답하지 않습니다\u3002")).isEqualTo("서버가 응답하지 않습니다\u3002");
        assertThat(Sentences.ended("")).isEmpty();
        assertThat(Sentences.ended(null)).isEmpty();
    }
}
