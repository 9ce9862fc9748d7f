/**
 * Records and pure logic of a reasoning run: budgets, run specs, events, traces, metrics, pricing, answers.
 * Imports no JavaFX, langchain4j or llama.cpp types.
 */
package dev.thinkbench.core;
