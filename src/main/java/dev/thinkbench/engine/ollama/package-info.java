/**
 * The Ollama adapter: chat lanes over {@code /api/chat} through langchain4j's {@code OllamaStreamingChatModel}
 * ({@code think} on or off, the {@code thinking} field, {@code num_predict}, seed, temperature) and model listing
 * over {@code /api/tags}.
 */
package dev.thinkbench.engine.ollama;
