/**
 * llama.cpp's C API ({@code include/llama.h}, release v0.5.0) called through Java's Foreign Function &amp; Memory API:
 * no JNI glue. {@link dev.thinkbench.engine.local.llama.NativeLibraries} finds the shared libraries,
 * {@link dev.thinkbench.engine.local.llama.LlamaLibrary} loads them once per process, and one small class per concern
 * wraps the rest: model, vocabulary, context, batch, sampler, token probabilities, the library's log. Every native
 * failure becomes a {@link dev.thinkbench.engine.local.llama.LlamaException} carrying llama.cpp's own log lines.
 *
 * <p>Only the engine host process (package {@code host}) uses this package: native code that can crash stays out of
 * the app's JVM. Objects here are not thread-safe unless they say so; the host drives them from one worker thread.
 */
package dev.thinkbench.engine.local.llama;
