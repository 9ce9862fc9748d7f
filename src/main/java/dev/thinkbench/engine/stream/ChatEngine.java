package dev.thinkbench.engine.stream;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.util.List;
import java.util.function.Function;

/**
 * A {@link ReasoningEngine} that is one {@link ChatProtocol} on one {@link ChatServer}: runs are
 * {@link ChatStreamRun}s, capabilities, budget descriptions and models come from the protocol, the name from the
 * server. Subclasses add their id and price.
 *
 * <p>Threading: as {@link ReasoningEngine}; thread-safe. {@link #toString()} never shows the API key.
 */
public abstract class ChatEngine implements ReasoningEngine {

    private final ChatServer server;
    private final ChatProtocol protocol;

    /** @param protocol makes the protocol for {@code server} */
    protected ChatEngine(ChatServer server, Function<ChatServer, ? extends ChatProtocol> protocol) {
        this.server = server;
        this.protocol = protocol.apply(server);
    }

    protected final ChatServer server() {
        return server;
    }

    @Override
    public final String displayName() {
        return server.describe();
    }

    @Override
    public final EngineCapabilities capabilities() {
        return protocol.capabilities();
    }

    @Override
    public final List<ModelInfo> listModels() throws EngineException {
        return protocol.listModels();
    }

    @Override
    public final String describe(Budget budget) {
        return protocol.meaning(budget).english();
    }

    @Override
    public final Worded meaning(Budget budget) {
        return protocol.meaning(budget);
    }

    @Override
    public final String whyModelRefuses(Budget budget, String model) {
        return protocol.whyModelRefuses(budget, model);
    }

    @Override
    public final RunHandle start(RunSpec spec, ReasoningEventSink sink) {
        return server.start(spec, sink, protocol);
    }

    /** Never shows the key. */
    @Override
    public final String toString() {
        return displayName();
    }
}
