package dev.thinkbench.engine.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a server wants its API key sent, and the fixed headers it wants beside it on every request: the key as
 * {@code Authorization: Bearer KEY} ({@link #BEARER}: OpenAI, DeepSeek, most servers) or in a header of its own
 * ({@code x-api-key} with {@code anthropic-version} for Anthropic, {@code x-goog-api-key} for Gemini). Holds no key:
 * {@link #headers(String)} is given it each time. Immutable; any thread.
 *
 * @param name the header that carries the key
 * @param prefix written before the key, e.g. {@code "Bearer "}; empty for none
 * @param fixed headers sent on every request, with or without a key
 */
public record KeyHeader(String name, String prefix, Map<String, String> fixed) {

    /** {@code Authorization: Bearer KEY}. */
    public static final KeyHeader BEARER = new KeyHeader("Authorization", "Bearer ", Map.of());

    public KeyHeader {
        fixed = Map.copyOf(fixed);
    }

    /** The key alone in the header {@code name}, e.g. {@code x-goog-api-key}. */
    public static KeyHeader named(String name) {
        return new KeyHeader(name, "", Map.of());
    }

    /** The same, also sending {@code header: value} on every request (e.g. {@code anthropic-version}). */
    public KeyHeader with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(fixed);
        more.put(header, value);
        return new KeyHeader(name, prefix, more);
    }

    /** The headers for a request: the fixed ones, and the key's when {@code key} is not null. */
    public Map<String, String> headers(String key) {
        if (key == null) {
            return fixed;
        }
        Map<String, String> all = new LinkedHashMap<>(fixed);
        all.put(name, prefix + key);
        return Map.copyOf(all);
    }
}
