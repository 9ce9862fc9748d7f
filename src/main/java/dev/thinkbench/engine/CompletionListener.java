package dev.thinkbench.engine;

/** Receives a continuation's text as it streams, on the thread that called the backend. Must not throw. */
@FunctionalInterface
public interface CompletionListener {

    /** @param tokens tokens in this piece of text (1 per decoded token or stream chunk, 0 if unknown) */
    void onText(String text, int tokens);
}
