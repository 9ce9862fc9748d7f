package dev.thinkbench.engine.local;

/**
 * The built-in engine's settings, checked here so llama.cpp only ever sees sane values (a bad value can make the
 * library return a dead model that crashes on next use).
 *
 * @param threads CPU threads for generation and prompt evaluation
 * @param contextSize tokens of context (prompt plus generation) the model is loaded with
 */
public record LocalEngineSettings(int threads, int contextSize) {

    public static final int DEFAULT_CONTEXT = 4096;
    public static final int MIN_CONTEXT = 128;
    public static final int MAX_CONTEXT = 262_144;
    public static final int MAX_THREADS = 256;

    public LocalEngineSettings {
        if (!validThreads(threads)) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", was " + threads);
        }
        if (!validContext(contextSize)) {
            throw new IllegalArgumentException("context size must be between " + MIN_CONTEXT + " and "
                    + MAX_CONTEXT + " tokens, was " + contextSize);
        }
    }

    /** Whether {@code threads} is 1 to {@value #MAX_THREADS}. */
    public static boolean validThreads(int threads) {
        return threads >= 1 && threads <= MAX_THREADS;
    }

    /** Whether {@code contextSize} is {@value #MIN_CONTEXT} to {@value #MAX_CONTEXT} tokens. */
    public static boolean validContext(int contextSize) {
        return contextSize >= MIN_CONTEXT && contextSize <= MAX_CONTEXT;
    }

    /** One thread per physical core ({@link CpuCores#defaultThreads()}) and a 4096-token context. */
    public static LocalEngineSettings defaults() {
        return new LocalEngineSettings(CpuCores.defaultThreads(), DEFAULT_CONTEXT);
    }

    public LocalEngineSettings withThreads(int n) {
        return new LocalEngineSettings(n, contextSize);
    }

    public LocalEngineSettings withContextSize(int n) {
        return new LocalEngineSettings(threads, n);
    }
}
