/**
 * Ports to reasoning models and their adapters. {@link dev.thinkbench.engine.ReasoningEngine} serves chat lanes with a
 * budget knob; {@link dev.thinkbench.engine.CompletionBackend} serves raw continuation for budget forcing. This is the
 * only layer that imports langchain4j or calls native code (llama.cpp, in {@code local.llama}).
 */
package dev.thinkbench.engine;
