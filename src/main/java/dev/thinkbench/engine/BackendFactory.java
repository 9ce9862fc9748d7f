package dev.thinkbench.engine;

/**
 * Makes the raw-continuation backend of one engine kind for a model on a server (see {@link RawBackendSpec}).
 * Making one must not contact the server.
 */
@FunctionalInterface
public interface BackendFactory {

    /** @throws IllegalArgumentException when the spec cannot work for this kind, with a message for the user */
    CompletionBackend create(RawBackendSpec spec);
}
