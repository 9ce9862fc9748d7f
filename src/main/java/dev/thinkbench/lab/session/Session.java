package dev.thinkbench.lab.session;

import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.Replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything the workbench had when it was saved: what was asked and how ({@link RunSetup}), every Compare column
 * with its full timed event stream, the Stepper's branches, and an Experiments sweep's results. Read and written by
 * {@link SessionFile}; the format is documented in the README ("Sessions"). Never holds an API key: only the name of
 * the environment variable that held it. Immutable.
 *
 * @param savedAt when it was saved
 * @param note free text for people, e.g. which model and settings produced a recorded sample; empty for none
 * @param setup the prompt, engine, model and sampling of the comparison
 * @param columns the Compare columns in order, possibly none
 * @param stepper the Stepper's session, null when none was run
 * @param sweep an Experiments sweep's results, null when none
 * @param bestOfN the best-of-N round the columns are the candidates of, null when they are budget columns
 */
public record Session(Instant savedAt, String note, RunSetup setup, List<RecordedColumn> columns,
                      StepperRecord stepper, SweepResults sweep, BestOfNRecord bestOfN) {

    /** The format version this build writes; files of a lower version are migrated when read. */
    public static final int FORMAT_VERSION = 1;
    /** The value of the file's {@code format} field, so another JSON file is not taken for a session. */
    public static final String FORMAT_NAME = "thinkbench-session";

    public Session {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(setup, "setup");
        note = note == null ? "" : note;
        columns = List.copyOf(columns);
    }

    /** A session whose columns are budget columns (no best-of-N round). */
    public Session(Instant savedAt, String note, RunSetup setup, List<RecordedColumn> columns, StepperRecord stepper,
                   SweepResults sweep) {
        this(savedAt, note, setup, columns, stepper, sweep, null);
    }

    /** A session of one comparison's runs as they stand (a run still going is saved as cancelled). */
    public static Session of(RunSetup setup, List<LaneRun> runs, Instant savedAt) {
        return new Session(savedAt, "", setup, runs.stream().map(RecordedColumn::of).toList(), null, null);
    }

    /** The columns that ran, as replay tracks, in column order. */
    public List<Replay.Track> tracks() {
        return columns.stream().filter(RecordedColumn::ran).map(c -> c.track(setup)).toList();
    }

    /** A replay of the columns that ran, playing from the start at {@code speed} on {@code clock}. */
    public Replay replay(Replay.Speed speed, LongSupplier clock) {
        return Replay.start(tracks(), speed, clock);
    }

    /** This session with {@code text} as its note. */
    public Session withNote(String text) {
        return new Session(savedAt, text, setup, columns, stepper, sweep, bestOfN);
    }

    /** This session with a sweep's results in its slot. */
    public Session withSweep(SweepResults results) {
        return new Session(savedAt, note, setup, columns, stepper, results, bestOfN);
    }

    /** This session with {@code round} as the best-of-N round its columns are the candidates of (null: none). */
    public Session withBestOfN(BestOfNRecord round) {
        return new Session(savedAt, note, setup, columns, stepper, sweep, round);
    }
}
