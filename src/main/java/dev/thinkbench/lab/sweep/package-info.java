/**
 * Sweeps: a problem set x budgets x samples x strategies, over one or more endpoints, with one result line per
 * finished run in a resumable JSONL file, and their summaries.
 *
 * <p>For a view (the Experiments tab): build a {@link dev.thinkbench.lab.sweep.SweepPlan} and the
 * {@link dev.thinkbench.lab.sweep.Endpoint}s, open a {@link dev.thinkbench.lab.sweep.ResultLog} (it resumes what the
 * file holds), and {@link dev.thinkbench.lab.sweep.SweepRunner#start} with a
 * {@link dev.thinkbench.lab.sweep.SweepListener} that queues events for the frame driver. The events say when the
 * sweep starts (with resumed results for the table), when each run and each engine call starts (a live
 * {@link dev.thinkbench.core.RunRecorder} per call), backoffs, dropped endpoints, each finished run (its result line,
 * its trace for a cell to open, best-of-N candidates or adaptive probes, progress with ETA), pause and resume, and
 * the end. The {@link dev.thinkbench.lab.sweep.SweepHandle} pauses, resumes and cancels from any thread.
 * {@link dev.thinkbench.lab.sweep.SweepSummary} turns result lines into table rows with Wilson intervals, curves per
 * strategy, s1's Control / Scaling / Performance, saturation points, rows per difficulty and equal-compute points.
 * No JavaFX here.
 */
package dev.thinkbench.lab.sweep;
