package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;

import java.time.Duration;

/**
 * One engine call a strategy made, ended: its trace, its numbers and the endpoint that served it (after any retries).
 *
 * @param endpoint the endpoint's name, null when no endpoint served it (e.g. every endpoint was dropped)
 * @param retryAfter how long the server asked to wait before a retry, null when it did not say
 */
public record Call(Trace trace, RunMetrics metrics, String endpoint, Duration retryAfter) {

    /** Why it failed, null unless failed. */
    public FailureKind failure() {
        return trace.failureKind();
    }

    public RunStatus status() {
        return trace.status();
    }

    public boolean ok() {
        return trace.status() == RunStatus.OK;
    }

    /** The answer text (after the thinking). */
    public String answer() {
        return trace.answer();
    }

    /** The failure message, null unless failed. */
    public String error() {
        return trace.error();
    }

    /** Thinking tokens, null when the engine could not tell. */
    public Integer thinkingTokens() {
        return metrics.thinkingTokens().value();
    }

    /** Answer tokens, null when the engine could not tell. */
    public Integer answerTokens() {
        return metrics.answerTokens().value();
    }
}
