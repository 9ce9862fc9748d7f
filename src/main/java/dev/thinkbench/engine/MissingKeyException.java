package dev.thinkbench.engine;

/**
 * A hosted engine was set up without an API key: it can answer nothing. Carries the provider and the key variable,
 * so the window can say it in the user's language; its message is the command line's.
 */
public final class MissingKeyException extends IllegalArgumentException {

    private final String provider;
    private final String keyVariable;

    /**
     * @param provider the provider as messages name it, e.g. {@code Anthropic API}
     * @param keyVariable the provider's standard key variable, e.g. {@code ANTHROPIC_API_KEY}
     */
    public MissingKeyException(String provider, String keyVariable) {
        super("no " + provider + " key: set " + keyVariable
                + " (or name another variable with --api-key-env), or enter the key in the connection bar");
        this.provider = provider;
        this.keyVariable = keyVariable;
    }

    public String provider() {
        return provider;
    }

    public String keyVariable() {
        return keyVariable;
    }
}
