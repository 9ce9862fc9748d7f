package dev.thinkbench.engine;

/**
 * A backend that can count tokens with its model's own tokenizer, e.g. to size a trace the user edited.
 *
 * <p>Threading: {@link #countTokens} blocks the calling thread (a request to the server or the engine process);
 * never call it on the UI thread.
 */
public interface TokenCounter {

    /** How many tokens the model's tokenizer makes of {@code text} as plain text (special tokens not parsed). */
    int countTokens(String text) throws EngineException;
}
