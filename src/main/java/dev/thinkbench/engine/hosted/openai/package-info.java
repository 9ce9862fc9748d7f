/**
 * OpenAI's Responses API as a chat engine: reasoning effort, reasoning summaries streamed as thinking, reasoning tokens
 * from the final usage. Chat Completions for OpenAI-compatible servers stays in {@code engine.compat}.
 */
package dev.thinkbench.engine.hosted.openai;
