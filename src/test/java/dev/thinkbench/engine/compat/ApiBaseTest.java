package dev.thinkbench.engine.compat;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiBaseTest {

    private static final String DEFAULT = "http://127.0.0.1:8080/v1";

    @Test
    void serverRootGetsV1() {
        assertThat(ApiBase.of(URI.create("http://127.0.0.1:8080"), DEFAULT)).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(ApiBase.of(URI.create("https://api.deepseek.com/"), DEFAULT))
                .isEqualTo("https://api.deepseek.com/v1");
    }

    @Test
    void pathsAreKeptWithoutTrailingSlash() {
        assertThat(ApiBase.of(URI.create("http://127.0.0.1:8080/v1/"), DEFAULT)).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(ApiBase.of(URI.create("https://openrouter.ai/api/v1"), DEFAULT))
                .isEqualTo("https://openrouter.ai/api/v1");
    }

    @Test
    void nullMeansTheDefault() {
        assertThat(ApiBase.of(null, DEFAULT)).isEqualTo(DEFAULT);
    }

    @Test
    void unusableUrlsAreRejectedWithAHint() {
        assertThatThrownBy(() -> ApiBase.of(URI.create("localhost:8080"), DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> ApiBase.of(URI.create("http:///v1"), DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
        assertThatThrownBy(() -> ApiBase.of(URI.create("http://h:1/v1?x=1"), DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    }
}
