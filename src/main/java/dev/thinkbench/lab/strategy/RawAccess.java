package dev.thinkbench.lab.strategy;

import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.forcing.ChatTemplate;

/**
 * A raw-continuation backend and the chat template its model uses: what adaptive thinking needs to fork a trace and
 * force answers from it. The endpoint that holds it bounds how many calls use it at once.
 */
public record RawAccess(CompletionBackend backend, ChatTemplate template) {

    public RawAccess {
        if (backend == null || template == null) {
            throw new IllegalArgumentException("raw access needs a backend and a template");
        }
    }
}
