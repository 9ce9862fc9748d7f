package dev.thinkbench.lab;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * A recorded comparison played again: each column's recorded events are fed into a {@link LaneRun} when the replay's
 * position reaches their time, so a view drains a replayed column exactly as a live one. The position follows a clock
 * ({@link System#nanoTime()} in the app, a test clock in tests) at 1x, 2x or 5x, or jumps to the end at once; it can
 * be paused and moved ({@link #seek}). A replayed run's metrics are timed by the position, so times read as they were
 * recorded, whatever the speed.
 *
 * <p>Nothing happens by itself: whoever shows the replay calls {@link #advance()} (once per frame in the window, in a
 * loop on the command line). Thread-safe: every method may be called from any thread.
 */
public final class Replay implements RunGroup {

    /** How fast the recording plays. */
    public enum Speed {
        /** A tenth of the recorded pace: the micro model thinks a whole scratchpad in a fifth of a second. */
        TENTH(1, 10), X1(1, 1), X2(2, 1), X5(5, 1), INSTANT(0, 1);

        private final int times;
        private final int per;

        Speed(int times, int per) {
            this.times = times;
            this.per = per;
        }

        /** 1, 2, 5, or 0 for instant; 0 for a tenth too (see {@link #tenth()}). */
        public int factor() {
            return per == 1 ? times : 0;
        }

        /** Whether this is the slow motion (a tenth of the pace). */
        public boolean tenth() {
            return this == TENTH;
        }

        /** {@code recorded} nanoseconds of the recording at this speed (not for {@link #INSTANT}). */
        long played(long recorded) {
            return recorded * per / times;
        }

        /** {@code real} nanoseconds of the clock as recording time at this speed. */
        long recorded(long real) {
            return real * times / per;
        }

        /**
         * The speed for a factor as the command line writes it.
         *
         * @throws IllegalArgumentException for anything but 0, 1, 2 or 5
         */
        public static Speed of(int factor) {
            for (Speed s : values()) {
                if (s.per == 1 && s.times == factor) {
                    return s;
                }
            }
            throw new IllegalArgumentException("speed must be 1, 2, 5 or 0 (at once), was " + factor);
        }
    }

    /**
     * One recorded column.
     *
     * @param price the price its cost was recorded at, null when unknown
     * @param events its events in order, each timed in nanoseconds from the run's start (0 or more)
     */
    public record Track(Lane lane, RunSpec spec, Price price, List<ReasoningEvent> events) {

        public Track {
            events = List.copyOf(events);
            long last = 0;
            for (ReasoningEvent e : events) {
                if (e.nanos() < last) {
                    throw new IllegalArgumentException("column '" + lane.label() + "': events out of time order");
                }
                last = e.nanos();
            }
        }

        /** The time of its last event. */
        public long durationNanos() {
            return events.isEmpty() ? 0 : events.getLast().nanos();
        }
    }

    private final List<Track> tracks;
    private final LongSupplier clock;
    private final long duration;
    private List<LaneRun> runs;
    private int[] next;
    private volatile long position;
    private long lastClock;
    private boolean playing;
    private Speed speed;
    private int generation;

    private Replay(List<Track> tracks, Speed speed, LongSupplier clock) {
        this.tracks = List.copyOf(tracks);
        this.clock = clock;
        this.speed = speed;
        this.duration = tracks.stream().mapToLong(Track::durationNanos).max().orElse(0);
        freshRuns();
    }

    /**
     * A replay of {@code tracks} at {@code speed}, playing from the start; the first {@link #advance()} feeds what is
     * due.
     *
     * @param clock monotonic nanoseconds
     */
    public static Replay start(List<Track> tracks, Speed speed, LongSupplier clock) {
        Replay r = new Replay(tracks, speed, clock);
        r.lastClock = clock.getAsLong();
        r.playing = true;
        return r;
    }

    private void freshRuns() {
        List<LaneRun> made = new ArrayList<>();
        for (Track t : tracks) {
            made.add(new LaneRun(t.lane(), t.spec(), t.price(), () -> position));
        }
        runs = List.copyOf(made);
        next = new int[tracks.size()];
        generation++;
    }

    /**
     * Moves the position on by the time passed on the clock (times the speed) and feeds every event now due.
     *
     * @return true when any event was fed
     */
    public synchronized boolean advance() {
        sync();
        return feedUpTo(position);
    }

    /** Counts the clock's time since the last look into the position, at the speed of that time. */
    private void sync() {
        long now = clock.getAsLong();
        if (playing) {
            position = speed == Speed.INSTANT ? duration
                    : Math.min(duration, position + speed.recorded(now - lastClock));
        }
        lastClock = now;
    }

    private boolean feedUpTo(long until) {
        boolean fed = false;
        for (int i = 0; i < tracks.size(); i++) {
            List<ReasoningEvent> events = tracks.get(i).events();
            LaneRun run = runs.get(i);
            while (next[i] < events.size() && events.get(next[i]).nanos() <= until) {
                run.feed(events.get(next[i]++));
                fed = true;
            }
            if (next[i] == events.size() && !run.status().terminal()) {
                // a recording without its end (never written so, but a file may be hand-made): it ends here
                run.feed(new ReasoningEvent.Cancelled(tracks.get(i).durationNanos()));
                fed = true;
            }
        }
        if (position >= duration) {
            playing = false;
        }
        return fed;
    }

    /** Plays on from the position; at the end, plays from the start again. */
    public synchronized void play() {
        sync();
        if (position >= duration) {
            seekLocked(0);
        }
        playing = true;
    }

    /** Stops the position where it is. */
    public synchronized void pause() {
        sync();
        playing = false;
    }

    public synchronized boolean playing() {
        return playing;
    }

    public synchronized Speed speed() {
        return speed;
    }

    /** Changes the speed from now on; the time played so far stays as it was. */
    public synchronized void setSpeed(Speed newSpeed) {
        sync();
        speed = newSpeed;
    }

    /**
     * Moves to {@code nanos} (clamped to the recording): events up to there are fed at once. Going back starts every
     * column again with new runs ({@link #generation()} changes), so whoever shows them attaches the new ones.
     */
    public synchronized void seek(long nanos) {
        sync();
        seekLocked(nanos);
    }

    private void seekLocked(long nanos) {
        long target = Math.max(0, Math.min(duration, nanos));
        if (target < position || anyFedAfter(target)) {
            freshRuns();
        }
        position = target;
        feedUpTo(target);
    }

    private boolean anyFedAfter(long target) {
        for (int i = 0; i < tracks.size(); i++) {
            if (next[i] > 0 && tracks.get(i).events().get(next[i] - 1).nanos() > target) {
                return true;
            }
        }
        return false;
    }

    /** Where the replay stands, in nanoseconds of the recording. */
    public long position() {
        return position;
    }

    /** How long the recording is: its longest column. */
    public long duration() {
        return duration;
    }

    /** True once every event has been fed. */
    public synchronized boolean finished() {
        for (int i = 0; i < tracks.size(); i++) {
            if (next[i] < tracks.get(i).events().size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Clock time until the next event is due at the current speed: 0 when one is due now, {@link Long#MAX_VALUE}
     * while paused or at the end. For a loop that sleeps between events.
     */
    public synchronized long nanosUntilNextEvent() {
        if (!playing || finished()) {
            return Long.MAX_VALUE;
        }
        if (speed == Speed.INSTANT) {
            return 0;
        }
        long due = Long.MAX_VALUE;
        for (int i = 0; i < tracks.size(); i++) {
            List<ReasoningEvent> events = tracks.get(i).events();
            if (next[i] < events.size()) {
                due = Math.min(due, events.get(next[i]).nanos());
            }
        }
        long recorded = Math.max(0, due - position);
        long passed = clock.getAsLong() - lastClock;
        return Math.max(0, speed.played(recorded) - passed);
    }

    /** Waits between events on the command line; tests pass one that moves a test clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** Longest single wait of {@link #playToEnd}, so a cancel or a change of speed is seen soon. */
    static final long MAX_WAIT_NANOS = 100_000_000L;

    /**
     * Plays on the calling thread until every event has been fed, or the replay is paused or cancelled, waiting
     * between events with {@code sleeper}.
     */
    public void playToEnd(Sleeper sleeper) throws InterruptedException {
        while (true) {
            advance();
            long wait = nanosUntilNextEvent();
            if (wait == Long.MAX_VALUE) {
                return;
            }
            if (wait > 0) {
                sleeper.sleep(Math.min(wait, MAX_WAIT_NANOS));
            }
        }
    }

    /** Changes each time the columns start again with new runs (a seek back, a play from the end). */
    public synchronized int generation() {
        return generation;
    }

    /** The recorded columns. */
    public List<Track> tracks() {
        return tracks;
    }

    @Override
    public synchronized List<LaneRun> runs() {
        return runs;
    }

    /** Stops the replay; columns that had not ended yet end as cancelled, with what they had. */
    @Override
    public synchronized void cancelAll() {
        sync();
        playing = false;
        runs.forEach(LaneRun::cancel);
        for (int i = 0; i < next.length; i++) {
            next[i] = tracks.get(i).events().size();
        }
    }

    /** Completes when every column of the current runs has ended. */
    @Override
    public CompletableFuture<Void> done() {
        return CompletableFuture.allOf(runs().stream().map(LaneRun::done).toArray(CompletableFuture[]::new));
    }
}
