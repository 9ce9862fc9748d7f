package dev.thinkbench.lab.session;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.Replay;

import java.util.ArrayList;
import java.util.List;

/**
 * One Compare column as saved: its label and budget, and either its run's full event stream (times in nanoseconds
 * from the run's start, ending in exactly one terminal event), the reason it was left out of the run, or nothing
 * when it never ran. Immutable.
 *
 * @param budget the budget's spec string ({@code none}, {@code tokens:N}, {@code effort:LEVEL}, {@code force:...})
 * @param price the price the run was costed at, null when unknown
 * @param skipped why the column was left out of the run (the engine cannot run its budget), null otherwise
 * @param events the run's events, empty for a column that did not run
 */
public record RecordedColumn(String label, String budget, Price price, String skipped, List<ReasoningEvent> events) {

    /** Why a run still going when its session was saved ends as cancelled in the file. */
    public static final String UNFINISHED = "the session was saved while this column was running";

    public RecordedColumn {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a column needs a label");
        }
        budget = budget == null ? "" : budget;
        events = List.copyOf(events);
        long last = 0;
        for (ReasoningEvent e : events) {
            if (e.nanos() < last) {
                throw new IllegalArgumentException("column '" + label + "': event times go backwards");
            }
            last = e.nanos();
        }
    }

    /**
     * The column as its run stands: every event so far with times from the run's start. A run still going is ended
     * here as cancelled (at the run's time now), so every saved run has its end.
     */
    public static RecordedColumn of(LaneRun run) {
        List<ReasoningEvent> live = run.events();
        long origin = live.isEmpty() ? run.nanoTime() : live.getFirst().nanos();
        List<ReasoningEvent> relative = new ArrayList<>(live.size() + 1);
        long last = 0;
        for (ReasoningEvent e : live) {
            last = Math.max(last, e.nanos() - origin);
            relative.add(EventTimes.at(e, last));
        }
        if (relative.isEmpty() || !EventTimes.terminal(relative.getLast())) {
            relative.add(new ReasoningEvent.Cancelled(Math.max(last, run.nanoTime() - origin)));
        }
        return new RecordedColumn(run.lane().label(), run.lane().budget().spec(), run.price(), null, relative);
    }

    /** A column the engine could not run, with the reason. */
    public static RecordedColumn skipped(String label, String budget, String reason) {
        return new RecordedColumn(label, budget, null, reason == null ? "" : reason, List.of());
    }

    /** A column that has not run. */
    public static RecordedColumn idle(String label, String budget) {
        return new RecordedColumn(label, budget, null, null, List.of());
    }

    /** True when the column has a recorded run. */
    public boolean ran() {
        return !events.isEmpty();
    }

    /** The run's events folded, as a live column folds them (trace, metrics at the recorded times). */
    public RunRecorder recorder() {
        RunRecorder recorder = new RunRecorder(price);
        events.forEach(recorder::accept);
        return recorder;
    }

    /**
     * The column as a replay track; call only when it {@link #ran()}.
     *
     * @throws IllegalArgumentException when the budget does not parse
     */
    public Replay.Track track(RunSetup setup) {
        String prompt = setup.prompt().isBlank() ? "(no prompt)" : setup.prompt();
        String model = setup.model().isBlank() ? "(unknown model)" : setup.model();
        Lane lane = new Lane(label, BudgetSpec.parse(budget));
        return new Replay.Track(lane, new RunSpec(prompt, setup.system(), model, lane.budget(), setup.sampling()),
                price, events);
    }
}
