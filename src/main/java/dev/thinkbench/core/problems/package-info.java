/**
 * The built-in micro reasoner's task: arithmetic word problems of 1 to 6 steps with small numbers, generated
 * deterministically from a seed, split into training and held-out sets that never overlap, and the step-by-step
 * scratchpad traces the model is trained on. Pure logic; any thread.
 */
package dev.thinkbench.core.problems;
