package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;

import java.util.List;

/**
 * A failure of the built-in engine: the message is one sentence for the user; {@link #engineLog()} holds what the
 * engine itself wrote meanwhile (llama.cpp's log lines, a JVM error), for a "details" view. The log is cut by
 * {@link EngineLog}'s bounds and holds no secrets.
 */
public final class LocalEngineException extends EngineException {

    private final List<String> engineLog;

    public LocalEngineException(FailureKind kind, String message, List<String> engineLog) {
        super(kind, message);
        this.engineLog = List.copyOf(engineLog);
    }

    /** The engine's own lines about this failure, oldest first; empty when it wrote none. */
    public List<String> engineLog() {
        return engineLog;
    }

    /** {@link #engineLog()} as text, one line each; empty when there is none. */
    public String details() {
        return String.join("\n", engineLog);
    }
}
