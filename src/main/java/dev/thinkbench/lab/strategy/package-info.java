/**
 * Test-time strategies a sweep can compare at equal compute: a fixed budget (s1 budget forcing when the budget is a
 * forcing plan), best-of-N with a majority vote, a verifier, or the shortest or longest reasoning, adaptive thinking
 * with answer probes on a raw-continuation engine, and difficulty routing. A strategy reaches engines only through
 * {@link dev.thinkbench.lab.strategy.Calls}, so retries, endpoints and concurrency stay the runner's business.
 */
package dev.thinkbench.lab.strategy;
