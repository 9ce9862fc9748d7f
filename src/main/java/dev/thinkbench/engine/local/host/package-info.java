/**
 * The engine host: the child JVM's side of the built-in engine. {@link dev.thinkbench.engine.local.host.HostMain}
 * reads {@link dev.thinkbench.engine.local.host.HostRequest}s as JSON lines and writes
 * {@link dev.thinkbench.engine.local.host.HostEvent}s; only this package drives the llama.cpp binding
 * ({@code engine.local.llama}).
 */
package dev.thinkbench.engine.local.host;
