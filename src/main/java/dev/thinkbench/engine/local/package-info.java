/**
 * The built-in engine: llama.cpp (release v0.5.0, called through Java's FFM API in {@code llama}) in a child JVM
 * ({@link dev.thinkbench.engine.local.LocalEngineProcess}, protocol in {@code host}) behind
 * {@link dev.thinkbench.engine.local.LocalCompletionBackend}; GGUF reading and writing in {@code gguf}; the model
 * manager in {@code models}. Every file is validated in Java before native code sees it; every load has a deadline
 * ({@link dev.thinkbench.engine.local.LoadDeadline}); the engine's own output is kept in a bounded
 * {@link dev.thinkbench.engine.local.EngineLog} and attached to failures
 * ({@link dev.thinkbench.engine.local.LocalEngineException}).
 */
package dev.thinkbench.engine.local;
