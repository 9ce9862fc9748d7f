/**
 * DeepSeek's chat API in thinking mode as a chat engine: thinking on or off, {@code reasoning_effort} low/high/max,
 * the full {@code reasoning_content} streamed as thinking, {@code reasoning_tokens} reported. Hosted budget forcing
 * stays with the raw {@code deepseek-prefix} engine.
 */
package dev.thinkbench.engine.hosted.deepseek;
