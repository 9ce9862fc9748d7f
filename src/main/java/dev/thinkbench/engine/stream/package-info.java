/**
 * What the chat-lane adapters ({@code ollama}, {@code compat}) share to honour the
 * {@link dev.thinkbench.engine.ReasoningEngine} event contract over a langchain4j streaming model: the engine itself
 * as one {@link dev.thinkbench.engine.stream.ChatProtocol} on one {@link dev.thinkbench.engine.stream.ChatServer}
 * ({@link dev.thinkbench.engine.stream.ChatEngine}), model listing, the serialised event stream of one run,
 * thinking-before-answer ordering within a chunk (langchain4j issue 6489), a silence watchdog, an HTTP transport that
 * lets a run see raw stream events and abort from any thread, and the mapping of transport and HTTP failures to
 * {@link dev.thinkbench.core.FailureKind}s with messages fit for the user.
 */
package dev.thinkbench.engine.stream;
