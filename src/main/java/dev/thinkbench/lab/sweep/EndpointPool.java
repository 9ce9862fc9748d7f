package dev.thinkbench.lab.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * The endpoints of a sweep with a permit count each (at most {@code concurrency} calls at once per endpoint), the
 * endpoint that last served each prompt (so runs of one prompt return to it and hit its prompt cache), and their
 * health: an endpoint that fails {@code dropAfter} times in a row is dropped for the rest of the sweep, and one that
 * rejects the API key is dropped at once, for good (every call would be rejected the same way; a resume does not bring
 * it back, as the key cannot change while the sweep runs).
 *
 * <p>Thread-safe; {@link #acquire} blocks until a permit is free.
 */
final class EndpointPool {

    /** A permit on one endpoint; give it back with {@link #release}. */
    record Lease(Endpoint endpoint) {
    }

    private static final class State {
        final Endpoint endpoint;
        int inUse;
        int failuresInARow;
        boolean dropped;
        String dropReason;
        /** The endpoint's rejection of the API key (the failure's message), null unless it rejected it. */
        String rejectedKey;

        State(Endpoint endpoint) {
            this.endpoint = endpoint;
        }
    }

    private final List<State> states = new ArrayList<>();
    private final Map<String, State> lastServed = new HashMap<>();
    private final int dropAfter;
    private final BiConsumer<Endpoint, String> onDrop;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** @param onDrop told (outside the pool's lock) when an endpoint is dropped, with the reason */
    EndpointPool(List<Endpoint> endpoints, int dropAfter, BiConsumer<Endpoint, String> onDrop) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one endpoint");
        }
        if (dropAfter < 1) {
            throw new IllegalArgumentException("dropAfter must be at least 1, was " + dropAfter);
        }
        endpoints.forEach(e -> states.add(new State(e)));
        this.dropAfter = dropAfter;
        this.onDrop = onDrop;
    }

    /** Permits of the endpoints not dropped, together. */
    int capacity() {
        lock.lock();
        try {
            return states.stream().filter(s -> !s.dropped).mapToInt(s -> s.endpoint.concurrency()).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Whether any endpoint, dropped or not, has raw access. */
    boolean anyRaw() {
        return states.stream().anyMatch(s -> s.endpoint.raw() != null);
    }

    /**
     * A permit on an endpoint that is not dropped (and has raw access if {@code needRaw}): the one that last served
     * {@code affinity} when it has a free permit, else the least busy free one; endpoints in {@code avoid} only when
     * no other is left. Blocks until one is free; empty when no endpoint fits any more.
     */
    Optional<Lease> acquire(String affinity, boolean needRaw, Set<String> avoid) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                List<State> fitting = states.stream().filter(s -> !s.dropped && (!needRaw || s.endpoint.raw() != null))
                        .toList();
                if (fitting.isEmpty()) {
                    return Optional.empty();
                }
                List<State> preferred = fitting.stream().filter(s -> !avoid.contains(s.endpoint.name())).toList();
                List<State> choices = preferred.isEmpty() ? fitting : preferred;
                State pick = choose(choices, lastServed.get(affinity));
                if (pick != null) {
                    pick.inUse++;
                    lastServed.put(affinity, pick);
                    return Optional.of(new Lease(pick.endpoint));
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private static State choose(List<State> choices, State last) {
        if (last != null && choices.contains(last) && last.inUse < last.endpoint.concurrency()) {
            return last;
        }
        State best = null;
        for (State s : choices) {
            if (s.inUse < s.endpoint.concurrency() && (best == null || load(s) < load(best))) {
                best = s;
            }
        }
        return best;
    }

    private static double load(State s) {
        return (double) s.inUse / s.endpoint.concurrency();
    }

    void release(Lease lease) {
        lock.lock();
        try {
            state(lease.endpoint()).inUse--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes every dropped endpoint back, its failures forgotten (the user says the servers are back); one that rejected
     * the API key stays dropped.
     */
    void reviveAll() {
        lock.lock();
        try {
            for (State s : states) {
                if (s.rejectedKey != null) {
                    continue;
                }
                s.dropped = false;
                s.dropReason = null;
                s.failuresInARow = 0;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The endpoint served a call: its run of failures ends. */
    void succeeded(Endpoint endpoint) {
        lock.lock();
        try {
            state(endpoint).failuresInARow = 0;
        } finally {
            lock.unlock();
        }
    }

    /** The endpoint failed a call; returns true when this failure dropped it. */
    boolean failed(Endpoint endpoint, String reason) {
        String dropped = null;
        lock.lock();
        try {
            State s = state(endpoint);
            s.failuresInARow++;
            if (!s.dropped && s.failuresInARow >= dropAfter) {
                s.dropped = true;
                s.dropReason = "failed " + dropAfter + " times in a row, last: " + reason;
                dropped = s.dropReason;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (dropped != null) {
            onDrop.accept(endpoint, dropped);
        }
        return dropped != null;
    }

    /**
     * The endpoint rejected the API key (401/403): it is dropped at once and for good, so no more request goes to it.
     * {@code message} is the failure's own (it names the key's source, never the key).
     */
    void rejectedKey(Endpoint endpoint, String message) {
        String dropped = null;
        lock.lock();
        try {
            State s = state(endpoint);
            if (s.rejectedKey == null) {
                s.rejectedKey = message;
                s.dropped = true;
                s.dropReason = "rejected the API key, so no more runs are sent to it: " + message;
                dropped = s.dropReason;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (dropped != null) {
            onDrop.accept(endpoint, dropped);
        }
    }

    /**
     * When every endpoint that fits was dropped for rejecting the API key: their messages (one each where they
     * differ), which the runs left fail with; null while any of them may still serve or come back.
     */
    String keyRejections(boolean needRaw) {
        lock.lock();
        try {
            List<State> fitting = states.stream().filter(s -> !needRaw || s.endpoint.raw() != null).toList();
            if (fitting.isEmpty() || fitting.stream().anyMatch(s -> s.rejectedKey == null)) {
                return null;
            }
            return String.join("; ", fitting.stream().map(s -> s.rejectedKey).distinct().toList());
        } finally {
            lock.unlock();
        }
    }

    /** Why the endpoints were dropped, one phrase each, e.g. {@code http://a failed 3 times in a row, last: ...}. */
    String dropReasons() {
        lock.lock();
        try {
            return String.join("; ", states.stream().filter(s -> s.dropped)
                    .map(s -> s.endpoint.name() + " " + s.dropReason).toList());
        } finally {
            lock.unlock();
        }
    }

    /** Whether an endpoint that fits and is not in {@code avoid} is still in use. */
    boolean anyOther(boolean needRaw, Set<String> avoid) {
        lock.lock();
        try {
            return states.stream().anyMatch(s -> !s.dropped && (!needRaw || s.endpoint.raw() != null)
                    && !avoid.contains(s.endpoint.name()));
        } finally {
            lock.unlock();
        }
    }

    /** The names of the dropped endpoints. */
    List<String> dropped() {
        lock.lock();
        try {
            return states.stream().filter(s -> s.dropped).map(s -> s.endpoint.name()).toList();
        } finally {
            lock.unlock();
        }
    }

    private State state(Endpoint endpoint) {
        for (State s : states) {
            if (s.endpoint == endpoint) {
                return s;
            }
        }
        throw new IllegalArgumentException("not an endpoint of this pool: " + endpoint.name());
    }
}
