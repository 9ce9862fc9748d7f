/**
 * Anthropic's Messages API as a chat engine: manual thinking ({@code budget_tokens}) or adaptive thinking with an
 * effort level, summarized thinking streamed as thinking, usage from the stream's final events, in-stream errors.
 */
package dev.thinkbench.engine.hosted.anthropic;
