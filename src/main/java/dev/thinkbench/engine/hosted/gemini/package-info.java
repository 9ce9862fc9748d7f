/**
 * The Gemini API as a chat engine: {@code thinkingBudget} on 2.5 models, {@code thinkingLevel} on 3.x, thought
 * summaries streamed as thinking, {@code thoughtsTokenCount} reported and billed with the output.
 */
package dev.thinkbench.engine.hosted.gemini;
