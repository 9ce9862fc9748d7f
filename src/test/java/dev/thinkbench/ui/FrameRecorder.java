package dev.thinkbench.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.thinkbench.ui.common.FrameDriver;
import javafx.scene.Scene;
import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark instrument (test code): times every pulse of a scene in phases, on the UI thread's own clock and CPU
 * clock, and notes GC pauses, so that long frame intervals can be told apart: our work (animation phase, i.e. the
 * frame driver's tick, and the CSS + layout phase), a GC pause, or the UI thread waiting (for the renderer, or for a
 * CPU on a loaded machine). {@link #install} must run before any other animation timer starts, so that its timer
 * marks the pulse start.
 */
public final class FrameRecorder {

    /** Intervals longer than this count as long frames (the benchmark's p99 target). */
    private static final long LONG_NANOS = 20_000_000L;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int capacity;
    private final long[] start;
    private final long[] startCpu;
    private final long[] layoutStart;
    private final long[] layoutStartCpu;
    private final long[] layoutEnd;
    private final long[] layoutEndCpu;
    private final long[] renderCpu;
    private final List<long[]> gcPauses = new ArrayList<>();
    /** Runs every frame (says it always has work), so every pulse is recorded, idle or not. */
    private final FrameDriver first = new FrameDriver(now -> {
        onStart();
        return true;
    });
    private volatile boolean recording;
    private FrameEvent frameEvent;
    private int count;
    private long rendererId = -1;
    private final long jvmStartNanos;

    public FrameRecorder(int maxFrames) {
        capacity = maxFrames;
        start = new long[maxFrames];
        startCpu = new long[maxFrames];
        layoutStart = new long[maxFrames];
        layoutStartCpu = new long[maxFrames];
        layoutEnd = new long[maxFrames];
        layoutEndCpu = new long[maxFrames];
        renderCpu = new long[maxFrames];
        jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        listenToGc();
        // the first frame event loads and sets up the flight recorder's event classes (tens of milliseconds): done
        // here, so that it does not land in the first frame measured
        new FrameEvent().shouldCommit();
    }

    /** Starts the pulse-start timer; call on the UI thread before the scene under test starts its own timers. */
    public void install() {
        first.show();
    }

    /**
     * Adds the layout listeners; call on the UI thread once the scene exists. The scene's pulse starts right after the
     * animation timers, so the pre-layout listener also marks the end of the frame driver's tick.
     */
    public void attach(Scene scene) {
        scene.addPreLayoutPulseListener(() -> mark(layoutStart, layoutStartCpu));
        scene.addPostLayoutPulseListener(() -> mark(layoutEnd, layoutEndCpu));
    }

    /** Records from the next pulse on, forgetting earlier frames. */
    public void begin() {
        synchronized (gcPauses) {
            gcPauses.clear();
        }
        rendererId = rendererThreadId();
        count = 0;
        recording = true;
    }

    public void end() {
        recording = false;
    }

    private void onStart() {
        if (!recording || count >= capacity) {
            return;
        }
        start[count] = System.nanoTime();
        startCpu[count] = threads.getCurrentThreadCpuTime();
        renderCpu[count] = rendererId < 0 ? 0 : threads.getThreadCpuTime(rendererId);
        if (frameEvent != null && count > 0) {
            frameEvent.uiCpuNanos = startCpu[count] - startCpu[count - 1];
            frameEvent.renderCpuNanos = renderCpu[count] - renderCpu[count - 1];
            frameEvent.commit();
        }
        frameEvent = new FrameEvent();
        frameEvent.begin();
        layoutStart[count] = layoutEnd[count] = 0;
        count++;
    }

    private void mark(long[] when, long[] cpu) {
        int i = count - 1;
        if (recording && i >= 0 && when[i] == 0) {
            when[i] = System.nanoTime();
            cpu[i] = threads.getCurrentThreadCpuTime();
        }
    }

    /** Prints intervals, CPU per frame by phase, and what the long intervals had in them. */
    public void print(String phase) {
        int n = count - 1;
        if (n < 2) {
            System.out.println(phase + ": too few frames");
            return;
        }
        long[] intervals = new long[n];
        long[] uiCpu = new long[n];
        long[] rendererCpu = new long[n];
        double tick = 0;
        double layout = 0;
        double other = 0;
        double render = 0;
        int complete = 0;
        int longCount = 0;
        int longWithGc = 0;
        int longBusy = 0;
        double longCpu = 0;
        double longLayout = 0;
        double longTick = 0;
        double longRender = 0;
        for (int i = 0; i < n; i++) {
            intervals[i] = start[i + 1] - start[i];
            long cpu = startCpu[i + 1] - startCpu[i];
            long rend = renderCpu[i + 1] - renderCpu[i];
            uiCpu[i] = cpu;
            rendererCpu[i] = rend;
            render += rend;
            boolean phases = layoutStart[i] != 0 && layoutEnd[i] != 0;
            long t = phases ? layoutStartCpu[i] - startCpu[i] : 0;
            long l = phases ? layoutEndCpu[i] - layoutStartCpu[i] : 0;
            if (phases) {
                complete++;
                tick += t;
                layout += l;
                other += cpu - t - l;
            }
            if (intervals[i] > LONG_NANOS) {
                longCount++;
                longCpu += cpu;
                longTick += t;
                longLayout += l;
                longRender += rend;
                if (overlapsGc(start[i], start[i + 1])) {
                    longWithGc++;
                } else if (cpu > LONG_NANOS / 2) {
                    longBusy++;
                }
            }
        }
        long[] sorted = intervals.clone();
        Arrays.sort(sorted);
        if (Boolean.getBoolean("bench.slowest")) {
            printSlowest(intervals, 12);
        }
        System.out.printf(Locale.ROOT, "%s: %d frames, interval p50 %.2f ms, p99 %.2f ms, max %.2f ms (load average "
                        + "%.1f)%n", phase, n, ms(pct(sorted, 50)), ms(pct(sorted, 99)), ms(sorted[n - 1]),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int c = Math.max(1, complete);
        System.out.printf(Locale.ROOT, "  CPU per frame: UI thread %.2f ms (tick %.2f, CSS+layout %.2f, sync/other "
                        + "%.2f), renderer %.2f ms; %d GC pauses, %.0f ms in all%n", (tick + layout + other) / c / 1e6,
                tick / c / 1e6, layout / c / 1e6, other / c / 1e6, render / n / 1e6, gcPauseCount(),
                gcPauseTotal() / 1e6);
        Arrays.sort(uiCpu);
        Arrays.sort(rendererCpu);
        System.out.printf(Locale.ROOT, "  CPU in one frame (independent of machine load): UI thread p50 %.2f ms, p99 "
                        + "%.2f ms, max %.2f ms; renderer p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(pct(uiCpu, 50)),
                ms(pct(uiCpu, 99)), ms(uiCpu[n - 1]), ms(pct(rendererCpu, 50)), ms(pct(rendererCpu, 99)),
                ms(rendererCpu[n - 1]));
        if (longCount > 0) {
            System.out.printf(Locale.ROOT, "  intervals over %d ms: %d (%.1f%%): %d overlap a GC pause, %d had the UI "
                            + "thread busy over %d ms, %d waited (renderer or CPU); UI CPU in them %.2f ms (tick %.2f, "
                            + "CSS+layout %.2f), renderer %.2f ms%n", LONG_NANOS / 1_000_000, longCount,
                    100.0 * longCount / n, longWithGc, longBusy, LONG_NANOS / 2_000_000,
                    longCount - longWithGc - longBusy, longCpu / longCount / 1e6, longTick / longCount / 1e6,
                    longLayout / longCount / 1e6, longRender / longCount / 1e6);
        }
    }

    /** The {@code k} longest intervals: when (from the first frame), and where the time went. */
    private void printSlowest(long[] intervals, int k) {
        Integer[] order = new Integer[intervals.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(intervals[b], intervals[a]));
        for (int j = 0; j < Math.min(k, order.length); j++) {
            int i = order[j];
            boolean phases = layoutStart[i] != 0 && layoutEnd[i] != 0;
            System.out.printf(Locale.ROOT, "  long frame %d at %.0f ms: %.1f ms; UI thread CPU %.1f ms (tick %s, CSS+layout"
                            + " %s), renderer %.1f ms%s%n", i, ms(start[i] - start[0]), ms(intervals[i]),
                    ms(startCpu[i + 1] - startCpu[i]),
                    phases ? String.format(Locale.ROOT, "%.1f", ms(layoutStartCpu[i] - startCpu[i])) : "-",
                    phases ? String.format(Locale.ROOT, "%.1f", ms(layoutEndCpu[i] - layoutStartCpu[i])) : "-",
                    ms(renderCpu[i + 1] - renderCpu[i]), overlapsGc(start[i], start[i + 1]) ? ", GC pause" : "");
        }
    }

    private boolean overlapsGc(long from, long to) {
        synchronized (gcPauses) {
            for (long[] p : gcPauses) {
                if (p[0] < to && p[1] > from) {
                    return true;
                }
            }
        }
        return false;
    }

    private int gcPauseCount() {
        synchronized (gcPauses) {
            return gcPauses.size();
        }
    }

    private long gcPauseTotal() {
        synchronized (gcPauses) {
            return gcPauses.stream().mapToLong(p -> p[1] - p[0]).sum();
        }
    }

    private void listenToGc() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Concurrent") || !(gc instanceof NotificationEmitter emitter)) {
                continue; // concurrent cycles do not stop the UI thread
            }
            emitter.addNotificationListener((notification, handback) -> {
                if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                        .equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long from = jvmStartNanos + info.getGcInfo().getStartTime() * 1_000_000L;
                long to = jvmStartNanos + (info.getGcInfo().getEndTime() + 1) * 1_000_000L;
                synchronized (gcPauses) {
                    gcPauses.add(new long[] {from, to});
                }
            }, null, null);
        }
    }

    private long rendererThreadId() {
        for (var info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith("QuantumRenderer")) {
                return info.getThreadId();
            }
        }
        return -1;
    }

    /**
     * One frame (pulse start to the next pulse start) in a flight recording, with the UI thread's CPU time in it, so
     * that a profile can be narrowed to the costly frames. Recorded only when a recording is running.
     */
    @Name("thinkbench.Frame")
    @Label("Frame")
    @Category("Thinkbench")
    static final class FrameEvent extends Event {
        @Label("UI thread CPU")
        @Timespan
        long uiCpuNanos;

        @Label("Renderer thread CPU")
        @Timespan
        long renderCpuNanos;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
