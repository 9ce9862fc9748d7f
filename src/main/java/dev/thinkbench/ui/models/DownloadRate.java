package dev.thinkbench.ui.models;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * How fast one download goes now: bytes per second over the last few seconds, from the byte counts it reports. The
 * first count recorded is the starting line, so a resumed download never counts the bytes it resumed from; the rate
 * is measured up to the present moment, so while no byte comes it falls, and after {@link #STALL_NANOS} it reads as
 * stalled. Pure arithmetic over a clock passed in (nanoseconds, as {@code System::nanoTime}), so tests drive time.
 *
 * <p>Threading: counts are recorded on the downloading thread and read on the FX thread; every method is synchronized.
 */
final class DownloadRate {

    /** The rate is measured over about this much of the recent past. */
    static final long WINDOW_NANOS = 5_000_000_000L;
    /** Less measured time than this is noise (the first chunk, the connection's start): no rate yet. */
    static final long MIN_SPAN_NANOS = 1_000_000_000L;
    /** No byte for this long is a stall; by then the rate over the window has fallen to 0. */
    static final long STALL_NANOS = WINDOW_NANOS;

    /**
     * One reading of the rate.
     *
     * @param bytesPerSecond the recent rate, -1 while too little time has been measured
     * @param quietNanos     how long no byte has come
     */
    record Reading(double bytesPerSecond, long quietNanos) {

        /** Before the first byte, or while less than {@link #MIN_SPAN_NANOS} has been measured. */
        static final Reading UNKNOWN = new Reading(-1, 0);

        boolean known() {
            return bytesPerSecond >= 0;
        }

        boolean stalled() {
            return quietNanos >= STALL_NANOS;
        }

        /** Whole seconds (rounded up) until {@code remainingBytes} more have come at this rate; -1 when unknown. */
        long secondsLeft(long remainingBytes) {
            if (remainingBytes < 0 || bytesPerSecond <= 0 || stalled()) {
                return -1;
            }
            return (long) Math.ceil(remainingBytes / bytesPerSecond);
        }
    }

    private record Sample(long at, long bytes) {
    }

    private final LongSupplier clock;
    /** Oldest first; the first is the last one at or before the window's start, the anchor the rate counts from. */
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long firstAt;
    private long lastGrowthAt;

    /** @param nanoClock the time in nanoseconds, only its differences matter ({@code System::nanoTime}) */
    DownloadRate(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Records that {@code bytes} have come so far (a running total, as the downloader reports it). */
    synchronized void record(long bytes) {
        long now = clock.getAsLong();
        Sample last = samples.peekLast();
        if (last != null && bytes < last.bytes()) {
            // the server ignored the range and the file started over: so does the measure
            samples.clear();
        }
        if (samples.isEmpty()) {
            firstAt = now;
            lastGrowthAt = now;
        } else if (bytes > samples.peekLast().bytes()) {
            lastGrowthAt = now;
        }
        samples.addLast(new Sample(now, bytes));
        dropBefore(now - WINDOW_NANOS);
    }

    /** The rate now; {@link Reading#UNKNOWN} before the first count. */
    synchronized Reading read() {
        if (samples.isEmpty()) {
            return Reading.UNKNOWN;
        }
        long now = clock.getAsLong();
        long quiet = Math.max(0, now - lastGrowthAt);
        if (now - firstAt < MIN_SPAN_NANOS) {
            return new Reading(-1, quiet);
        }
        dropBefore(now - WINDOW_NANOS);
        Sample from = samples.peekFirst();
        long span = now - from.at();
        double rate = span <= 0 ? -1 : (samples.peekLast().bytes() - from.bytes()) * 1e9 / span;
        return new Reading(rate, quiet);
    }

    /** Drops samples older than {@code start}, keeping the last one at or before it as the anchor. */
    private void dropBefore(long start) {
        while (samples.size() > 1) {
            Iterator<Sample> it = samples.iterator();
            it.next();
            if (it.next().at() > start) {
                return;
            }
            samples.removeFirst();
        }
    }
}
