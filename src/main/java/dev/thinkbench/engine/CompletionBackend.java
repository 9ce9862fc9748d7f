package dev.thinkbench.engine;

/**
 * A model that continues raw text: the basis of budget forcing (llama.cpp {@code /completion}, vLLM
 * {@code /v1/completions}, Ollama {@code /api/generate} with {@code raw:true}, DeepSeek prefix completion, the built-in
 * engine).
 *
 * <p>Threading: {@link #complete} blocks the calling thread until the continuation ends and calls the listener on
 * that thread. Cancelling the token ends the call promptly with {@code Stop.CANCELLED}.
 */
public interface CompletionBackend {

    /** A stable id such as {@code llama-server}. */
    String id();

    String displayName();

    /** The model this backend continues with. */
    String model();

    /**
     * Continues the prompt.
     *
     * @throws EngineException when the server cannot be reached, rejects the request, or the stream breaks
     */
    CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException;

    /**
     * Whether this backend reports token probabilities when a request asks for them
     * ({@link CompletionRequest#topLogprobs()}); false unless it says so.
     */
    default boolean reportsTokenProbabilities() {
        return false;
    }

    /**
     * The tokens one continuation's prompt and output share (the model's context), where this backend knows it
     * without asking a server: the size the engine really uses once the model is loaded (llama.cpp may round up the
     * size asked for), before that the size asked for; empty where unknown (a server's). Budget forcing keeps room in
     * it for the answer. Any thread; never blocks.
     */
    default java.util.OptionalInt contextSize() {
        return java.util.OptionalInt.empty();
    }
}
