/**
 * The training tool for the built-in micro reasoner (Maven profile {@code train}; DJL with the PyTorch CPU natives,
 * never part of the app). A llama-architecture character model trained from scratch on the generated word problems
 * and exported as GGUF for the embedded llama.cpp engine. Single-threaded driver; libtorch uses its own threads.
 */
package dev.thinkbench.train;
