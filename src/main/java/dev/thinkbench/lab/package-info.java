/** Orchestration: comparisons of one prompt at several budgets, sweeps, strategies, sessions. No JavaFX. */
package dev.thinkbench.lab;
