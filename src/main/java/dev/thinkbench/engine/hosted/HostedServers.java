package dev.thinkbench.engine.hosted;

import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.MissingKeyException;
import dev.thinkbench.engine.http.BaseUrl;
import dev.thinkbench.engine.http.KeyHeader;
import dev.thinkbench.engine.stream.ChatServer;

/**
 * Opens the {@link ChatServer} of a hosted API: checks the base URL (the provider's public endpoint by default; tests
 * and proxies override it) and insists on a key, since a hosted API answers nothing without one. The key goes only
 * into the header the provider wants and is registered with the scrubber.
 */
public final class HostedServers {

    private HostedServers() {
    }

    /**
     * @param provider the provider as messages name it, e.g. {@code Anthropic API}
     * @param keyVariable the provider's standard key variable, e.g. {@code ANTHROPIC_API_KEY}
     * @throws IllegalArgumentException when the base URL cannot work or no key is configured, with a message for the
     *                                  user
     */
    public static ChatServer open(EngineConfig config, String defaultBaseUrl, String provider, String keyVariable,
                                  KeyHeader keyHeader) {
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            throw new MissingKeyException(provider, keyVariable);
        }
        String base = BaseUrl.check(config.baseUrl(), defaultBaseUrl, provider);
        return new ChatServer(config, base, provider, "Check the network connection and the base URL ("
                + defaultBaseUrl + " by default; a proxy or test server given instead must be running).", keyHeader);
    }
}
