package dev.thinkbench.engine.local.llama;

import java.util.List;

/**
 * A llama.cpp call failed. The message says what was attempted; {@link #log()} holds the warnings and errors the
 * library logged while it ran (also appended to the message), since llama.cpp reports reasons only there.
 */
public class LlamaException extends RuntimeException {

    private final List<String> log;

    public LlamaException(String message, List<String> log) {
        super(message + suffix(log));
        this.log = List.copyOf(log);
    }

    public LlamaException(String message, Throwable cause) {
        super(message, cause);
        this.log = List.of();
    }

    /** llama.cpp's log lines about the failure, oldest first; empty when it logged nothing. */
    public List<String> log() {
        return log;
    }

    private static String suffix(List<String> log) {
        return log.isEmpty() ? "" : " (llama.cpp: " + String.join(" | ", log) + ")";
    }
}
