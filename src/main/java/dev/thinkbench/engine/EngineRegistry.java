package dev.thinkbench.engine;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of every engine kind this build offers, by id, in the order the UI and the help list them: what
 * it is called, what it talks to, where by default, which key variable it reads by default, how to make its
 * {@link ReasoningEngine}, and, for engines that continue raw text (budget forcing, the Stepper), how to make its
 * {@link CompletionBackend}. The window, the command line and the Stepper all read it.
 *
 * <p>Threading: register while wiring, then read from any thread.
 */
public final class EngineRegistry {

    /**
     * One engine kind.
     *
     * @param talksTo what the engine talks to, for the help and tooltips (e.g. "llama.cpp's /completion")
     * @param defaultBaseUrl the server's default base URL, null for an engine on this machine (the built-in one)
     * @param apiKeyVariable the environment variable read for the key by default, null when none is needed
     * @param factory makes the engine for a configuration
     * @param backends makes a raw-continuation backend, null for engines that cannot continue raw text (chat APIs)
     */
    public record Entry(String id, String displayName, String talksTo, String defaultBaseUrl, String apiKeyVariable,
                        EngineFactory factory, BackendFactory backends) {

        /** A chat engine, described by its name. */
        public Entry(String id, String displayName, String defaultBaseUrl, EngineFactory factory) {
            this(id, displayName, displayName, defaultBaseUrl, null, factory, null);
        }

        /** The same entry making its engines with {@code engines}. */
        public Entry withFactory(EngineFactory engines) {
            return new Entry(id, displayName, talksTo, defaultBaseUrl, apiKeyVariable, engines, backends);
        }

        /** Whether the engine continues raw text, so it can force budgets and be stepped. */
        public boolean continuesRawText() {
            return backends != null;
        }

        /**
         * A spec for a raw backend of this kind, with the kind's default base URL when {@code baseUrl} is null or
         * blank.
         *
         * @throws IllegalArgumentException for a base URL that is not an http(s) URL, or when the kind cannot
         *         continue raw text
         */
        public RawBackendSpec backendSpec(String baseUrl, String apiKey, String model, Duration timeout,
                                          String apiKeyEnv) {
            if (!continuesRawText()) {
                throw new IllegalArgumentException(displayName + " cannot continue raw text");
            }
            String url = baseUrl == null || baseUrl.isBlank()
                    ? defaultBaseUrl == null ? "http://127.0.0.1" : defaultBaseUrl : baseUrl.strip();
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("base URL '" + url + "' is not a URL: " + e.getMessage());
            }
            return new RawBackendSpec(uri, apiKey, model, timeout, apiKeyEnv);
        }

        /** A raw backend of this kind. */
        public CompletionBackend backend(RawBackendSpec spec) {
            if (!continuesRawText()) {
                throw new IllegalArgumentException(displayName + " cannot continue raw text");
            }
            return backends.create(spec);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Adds (or replaces) an entry; returns this. */
    public EngineRegistry register(Entry entry) {
        entries.put(entry.id(), entry);
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The engines that continue raw text, in order: those that can force budgets and be stepped. */
    public List<Entry> rawEntries() {
        return entries.values().stream().filter(Entry::continuesRawText).toList();
    }

    /** @throws IllegalArgumentException naming the known ids */
    public Entry get(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown engine '" + id + "' (known: "
                    + String.join(", ", entries.keySet()) + ")");
        }
        return e;
    }

    /**
     * A raw-continuation engine by id.
     *
     * @throws IllegalArgumentException naming the raw engines when {@code id} is unknown or a chat engine
     */
    public Entry raw(String id) {
        Entry e = entries.get(id);
        if (e == null || !e.continuesRawText()) {
            throw new IllegalArgumentException((e == null ? "unknown engine '" + id + "'"
                    : e.displayName() + " cannot continue raw text") + " (raw engines: "
                    + String.join(", ", rawEntries().stream().map(Entry::id).toList()) + ")");
        }
        return e;
    }
}
