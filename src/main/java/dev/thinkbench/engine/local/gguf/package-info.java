/**
 * GGUF in Java: {@link dev.thinkbench.engine.local.gguf.GgufWriter} makes model files (the tests' tiny models, the
 * micro model), {@link dev.thinkbench.engine.local.gguf.GgufReader} parses headers with every length bounded, and
 * {@link dev.thinkbench.engine.local.gguf.GgufValidator} decides whether llama.cpp may see a file, with a readable
 * reason when not. No native code here.
 */
package dev.thinkbench.engine.local.gguf;
