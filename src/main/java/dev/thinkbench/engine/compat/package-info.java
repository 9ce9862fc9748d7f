/**
 * The OpenAI-compatible adapter (llama.cpp server, vLLM, LM Studio, the DeepSeek API): chat lanes over
 * {@code /v1/chat/completions} through langchain4j's {@code OpenAiStreamingChatModel} ({@code reasoning_content} or
 * {@code reasoning} streamed as thinking, {@code reasoning_effort}, {@code max_tokens}, usage with
 * {@code reasoning_tokens}) and model listing over {@code /v1/models}.
 */
package dev.thinkbench.engine.compat;
