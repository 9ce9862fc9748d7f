package dev.thinkbench.engine;

import java.net.URI;
import java.time.Duration;

/**
 * What a raw backend needs: the server's base URL, an optional API key, the model and the silence timeout.
 *
 * @param apiKey never printed by {@link #toString()}, may be null
 * @param apiKeyEnv the environment variable the key came from, so a rejected key can be traced; may be null
 */
public record RawBackendSpec(URI baseUrl, String apiKey, String model, Duration timeout, String apiKeyEnv) {

    /** A spec whose key (if any) did not come from a named environment variable. */
    public RawBackendSpec(URI baseUrl, String apiKey, String model, Duration timeout) {
        this(baseUrl, apiKey, model, timeout, null);
    }

    public RawBackendSpec {
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null
                || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("base URL must be an http(s) URL such as http://127.0.0.1:8080, was '"
                    + baseUrl + "'");
        }
        model = model == null ? "" : model.strip();
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    @Override
    public String toString() {
        return "RawBackendSpec[" + baseUrl + ", model " + model + (apiKey == null ? "" : ", key set")
                + (apiKeyEnv == null ? "" : " from $" + apiKeyEnv) + "]";
    }
}
