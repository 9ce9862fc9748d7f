package dev.thinkbench.engine;

/** Creates an engine of one kind from its configuration. Creating must not contact the server. */
@FunctionalInterface
public interface EngineFactory {

    /** @throws IllegalArgumentException when the configuration cannot work (bad URL), with a message for the user */
    ReasoningEngine create(EngineConfig config);
}
