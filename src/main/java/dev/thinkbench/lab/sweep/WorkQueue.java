package dev.thinkbench.lab.sweep;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs still to do, grouped by prompt: a worker takes a whole group and runs it in order, so the runs of one
 * prompt (its budgets, strategies and samples) follow each other on one endpoint and reuse its prompt cache. When no
 * group is left to start, an idle worker takes runs from the end of the largest group another worker holds, so no
 * permit idles at the tail of a sweep. Thread-safe.
 */
final class WorkQueue {

    private final Deque<Deque<SweepTask>> unstarted = new ArrayDeque<>();
    private final Map<Integer, Deque<SweepTask>> held = new HashMap<>();
    private int remaining;

    WorkQueue(List<SweepTask> tasks) {
        Map<String, Deque<SweepTask>> groups = new LinkedHashMap<>();
        for (SweepTask t : tasks) {
            groups.computeIfAbsent(t.problem().prompt(), p -> new ArrayDeque<>()).add(t);
        }
        unstarted.addAll(groups.values());
        remaining = tasks.size();
    }

    /** The next run for {@code worker}, or null when nothing is left. */
    synchronized SweepTask next(int worker) {
        Deque<SweepTask> own = held.get(worker);
        if (own == null || own.isEmpty()) {
            own = unstarted.poll();
            if (own != null) {
                held.put(worker, own);
            }
        }
        SweepTask next = own != null ? own.poll() : steal();
        if (next != null) {
            remaining--;
        }
        return next;
    }

    private SweepTask steal() {
        Deque<SweepTask> largest = null;
        for (Deque<SweepTask> g : held.values()) {
            if (!g.isEmpty() && (largest == null || g.size() > largest.size())) {
                largest = g;
            }
        }
        return largest == null ? null : largest.pollLast();
    }

    /** Puts a run {@code worker} took back at the front of its group, to be taken again first. */
    synchronized void giveBack(int worker, SweepTask task) {
        held.computeIfAbsent(worker, w -> new ArrayDeque<>()).addFirst(task);
        remaining++;
    }

    /** Runs not yet taken. */
    synchronized int remaining() {
        return remaining;
    }
}
