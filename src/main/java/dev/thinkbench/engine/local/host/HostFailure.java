package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.FailureKind;

/** A request the host could not serve; becomes a {@link HostEvent.Error} and the host lives on. */
final class HostFailure extends Exception {

    private final FailureKind kind;

    HostFailure(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }
}
