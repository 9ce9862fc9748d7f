/**
 * The built-in engine: llama.cpp (release v0.5.0, called through Java's FFM API in {@code llama}) in a child JVM
 * ({@link dev.thinkbench.engine.local.LocalEngineProcess}, protocol in {@code host}) behind
 * {@link dev.thinkbench.engine.local.LocalCompletionBackend}; GGUF reading and writing in {@code gguf}; the model
 * manager in {@code models}.
 */
package dev.thinkbench.engine.local;
