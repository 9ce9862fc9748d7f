package dev.thinkbench.engine;

import dev.thinkbench.core.FailureKind;

/** A failure talking to an engine, with a kind the UI can act on and a message fit to show the user. */
public class EngineException extends Exception {

    private final FailureKind kind;

    public EngineException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
