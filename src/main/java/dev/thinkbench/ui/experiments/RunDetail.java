package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Trace;
import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.lab.sweep.SweepRecord;

import java.util.List;

/**
 * What a results cell opens: the run's result line and, when this window saw it run, its full trace and numbers, the
 * candidates or probes a strategy weighed and how it picked; for a run still in flight, the recorder of its current
 * call (read its trace for a live view). A run resumed from an earlier session has only its result line.
 *
 * @param record null while the run is in flight
 * @param trace null when not known (resumed, or in flight)
 * @param metrics null when not known
 * @param note how the strategy picked, null when it did not say
 * @param live the current call's recorder while in flight, else null
 */
public record RunDetail(SweepRecord record, Trace trace, RunMetrics metrics, List<Candidate> candidates, Worded note,
                        RunRecorder live) {

    public RunDetail {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
