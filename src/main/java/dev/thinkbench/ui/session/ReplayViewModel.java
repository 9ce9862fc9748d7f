package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.Replay;
import dev.thinkbench.lab.session.BestOfNRecord;
import dev.thinkbench.lab.session.RecordedColumn;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.compare.CompareViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A recorded session shown in the Compare columns and played again: its columns replace the workbench's, each
 * attached to a replayed run that the columns drain once per frame exactly as a live one, so they stream and the
 * charts grow as they did. Opens at the end (everything shown, paused); Play starts from the beginning at the chosen
 * speed; the position can be moved. A live Run ends the replay (the columns take the new runs). UI thread only.
 */
public final class ReplayViewModel {

    private final CompareViewModel compare;
    private final LongSupplier clock;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Replay.Speed> speed = new ReadOnlyObjectWrapper<>(this, "speed",
            Replay.Speed.X1);
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(this, "position");
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    /** The replayed columns' view models, in track order (a column the user removed stays here, unattached). */
    private final List<ColumnViewModel> replayed = new ArrayList<>();
    private final Map<ColumnViewModel, RecordedColumn> recorded = new IdentityHashMap<>();
    private Replay replay;
    /** The best-of-N round the recorded columns are the candidates of, null when none. */
    private BestOfNRecord round;
    /** Whether the round's pick is shown: only at the recording's end, as live it came once every candidate ended. */
    private boolean roundShown;
    private int generation;
    /** Set while {@link #open} puts the recording's columns in place. */
    private boolean opening;

    /** @param clock monotonic nanoseconds ({@link System#nanoTime()} in the app, a test clock in tests) */
    public ReplayViewModel(CompareViewModel compare, LongSupplier clock) {
        this.compare = compare;
        this.clock = clock;
        compare.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                drop();
            }
        });
        // columns put in place by something else (a lesson's exercise, Back to my workbench, presets): the recording
        // is no longer what they show, and its bar goes
        compare.columns().addListener((javafx.collections.ListChangeListener<ColumnViewModel>) change -> {
            if (replay != null && !opening && compare.columns().stream().noneMatch(recorded::containsKey)) {
                drop();
            }
        });
        // Esc while a recording is shown pauses it; its columns are the recording, nothing to cancel
        compare.setEscapeFirst(() -> {
            if (replay == null) {
                return false;
            }
            if (replay.playing()) {
                playPause();
            }
            return true;
        });
    }

    /** The recorded session's expected answer, null when none: replayed answers are graded against it. */
    private String expected;

    /** Shows {@code session}'s columns in their final state, paused at the end; Play replays them. */
    public void open(Session session) {
        drop();
        List<ColumnViewModel> columns = new ArrayList<>();
        List<RecordedColumn> ran = new ArrayList<>();
        for (RecordedColumn c : session.columns()) {
            ColumnViewModel vm = new ColumnViewModel(c.label(), c.budget());
            columns.add(vm);
            recorded.put(vm, c);
            if (c.ran()) {
                ran.add(c);
                replayed.add(vm);
            }
        }
        opening = true;
        try {
            compare.showColumns(columns);
        } finally {
            opening = false;
        }
        for (int i = 0; i < columns.size(); i++) {
            RecordedColumn c = session.columns().get(i);
            if (!c.ran() && c.skipped() != null) {
                columns.get(i).live().skip(c.skipped().isBlank() ? Messages.get("replay.leftOut") : c.skipped());
            }
        }
        expected = session.setup().expectedAnswer();
        round = session.bestOfN();
        if (ran.isEmpty()) {
            return; // nothing recorded ran (a Stepper or sweep session): no bar whose Play does nothing
        }
        replay = Replay.start(ran.stream().map(c -> c.track(session.setup())).toList(), speed.get(), clock);
        replay.seek(replay.duration());
        replay.pause();
        attach();
        showRound();
        title.set(describe(session));
        note.set(session.note().strip());
        duration.set(seconds(replay.duration()));
        active.set(true);
        update();
        compare.wake();
    }

    private static String describe(Session s) {
        String model = s.setup().model().isBlank() ? "" : " \u00b7 " + s.setup().model();
        String engine = EngineNames.of(s.setup().engineId(),
                s.setup().engineName().isBlank() ? s.setup().engineId() : s.setup().engineName());
        return engine.isBlank() ? Messages.get("replay.recorded", Formats.when(s.savedAt()), model)
                : Messages.get("replay.recordedOn", Formats.when(s.savedAt()), model, engine);
    }

    private void attach() {
        generation = replay.generation();
        List<LaneRun> runs = replay.runs();
        for (int i = 0; i < replayed.size() && i < runs.size(); i++) {
            ColumnViewModel column = replayed.get(i);
            if (compare.columns().contains(column)) {
                column.live().attach(runs.get(i), expected); // graded as the live run was
            }
        }
    }

    /** Shows the round's pick and tally at the recording's end, and takes them away while it plays again. */
    private void showRound() {
        boolean atEnd = replay.position() >= replay.duration();
        if (round != null && atEnd != roundShown) {
            roundShown = atEnd;
            compare.showRecordedRound(atEnd ? round : null);
        }
    }

    /** The recorded best-of-N round while a recording is shown, wherever the replay stands; null otherwise. */
    public BestOfNRecord recordedRound() {
        return active.get() ? round : null;
    }

    /**
     * The whole recording of {@code column} when it shows a replayed run, wherever the replay stands (so saving a
     * paused replay keeps all of it); null for any other column.
     */
    public RecordedColumn recordingOf(ColumnViewModel column) {
        return active.get() ? recorded.get(column) : null;
    }

    /**
     * Once per frame, before the columns drain: feeds what is due and follows a restart.
     *
     * @return whether the replay plays (it needs the next frame)
     */
    public boolean tick() {
        if (replay == null) {
            return false;
        }
        replay.advance();
        if (replay.generation() != generation) {
            attach();
        }
        showRound();
        update();
        return replay.playing();
    }

    /** Feeds what is due now, after a user's action, and asks the columns' frames to follow. */
    private void advanceNow() {
        tick();
        compare.wake();
    }

    private void update() {
        position.set(seconds(replay.position()));
        playing.set(replay.playing());
    }

    /** Plays (from the start when at the end) or pauses. */
    public void playPause() {
        if (replay == null) {
            return;
        }
        if (replay.playing()) {
            replay.pause();
        } else {
            replay.play();
        }
        advanceNow();
    }

    /** Plays from the beginning. */
    public void restart() {
        if (replay != null) {
            replay.seek(0);
            replay.play();
            advanceNow();
        }
    }

    /** Moves to {@code seconds} into the recording. */
    public void seek(double seconds) {
        if (replay != null) {
            replay.seek((long) (seconds * 1e9));
            advanceNow();
        }
    }

    /** Moves by {@code seconds} (negative: back). */
    public void skip(double seconds) {
        if (replay != null) {
            seek(position.get() + seconds);
        }
    }

    public void setSpeed(Replay.Speed newSpeed) {
        speed.set(newSpeed);
        if (replay != null) {
            replay.setSpeed(newSpeed);
        }
    }

    /**
     * Stops replaying; the columns keep the whole recording, as it ended. A best-of-N round's pick and count go with
     * the replay: its candidates stay as budget columns beside the Best-of-N switch, which is off (the count stayed,
     * as if the switch had produced it).
     */
    public void close() {
        if (replay != null) {
            replay.seek(replay.duration());
            advanceNow();
        }
        if (round != null) {
            compare.showRecordedRound(null);
        }
        drop();
    }

    /** Forgets the replay without touching the columns (a live run took them over). */
    private void drop() {
        replay = null;
        round = null;
        roundShown = false;
        replayed.clear();
        recorded.clear();
        active.set(false);
        playing.set(false);
    }

    /** True while a recorded session is shown in the columns. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Replay.Speed> speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** Seconds into the recording. */
    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The recording's length in seconds. */
    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** When and on what the session was recorded, e.g. {@code Recorded 2026-03-01 10:15 · qwen3 on Ollama}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * The opened file's note for people, e.g. how a sample was recorded (model, settings, command); empty for none.
     * It stays the opened file's until another is opened.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
