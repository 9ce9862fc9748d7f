package dev.thinkbench.testing;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double for sweeps: a {@link ReasoningEngine} that answers each run with the {@link Reply} its function gives
 * for the spec (thinking tokens, an answer, or a failure with an optional Retry-After), on its own thread. It records
 * every spec in start order and the most runs it ever had in flight; with {@link #hold()} every run waits (bounded,
 * 20 s) for {@link #release()} or its cancel, so a test can look at a sweep mid-flight.
 */
public final class AnswerTestEngine implements ReasoningEngine {

    /**
     * What one run does.
     *
     * @param thinkingTokens how many thinking tokens it streams (one event each)
     * @param answer the answer text (one event); on failure, streamed before it when not empty
     * @param failure the failure to end with instead, null to finish
     * @param retryAfter the failure's Retry-After, null for none
     */
    public record Reply(int thinkingTokens, String answer, FailureKind failure, String message,
                        Duration retryAfter) {

        public static Reply answer(String answer, int thinkingTokens) {
            return new Reply(thinkingTokens, answer, null, null, null);
        }

        public static Reply fail(FailureKind kind, String message) {
            return new Reply(0, "", kind, message, null);
        }

        /** The answer streamed, then the run fails (a provider's content filter stopped it, say). */
        public static Reply failAfter(String answer, FailureKind kind, String message) {
            return new Reply(0, answer, kind, message, null);
        }

        public Reply retryAfter(Duration after) {
            return new Reply(thinkingTokens, answer, failure, message, after);
        }
    }

    private final String id;
    private final Function<RunSpec, Reply> replies;
    private final Price price;
    private final List<RunSpec> started = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile java.util.function.BiFunction<dev.thinkbench.core.Budget, String, String> modelRefusals =
            (budget, model) -> null;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch heldRuns = new CountDownLatch(0);

    public AnswerTestEngine(String id, Function<RunSpec, Reply> replies) {
        this(id, replies, Price.free("test engine"));
    }

    /** @param price the price every run is charged at, null for unknown */
    public AnswerTestEngine(String id, Function<RunSpec, Reply> replies, Price price) {
        this.id = id;
        this.replies = replies;
        this.price = price;
    }

    /** A price of {@code perMillionOut} USD per million output tokens (input free). */
    public static Price pricedOut(double perMillionOut) {
        return new Price("*", BigDecimal.ZERO, BigDecimal.valueOf(perMillionOut), "USD", "test", "");
    }

    /** What {@link #whyModelRefuses} answers from now on (null from the function: the model takes the budget). */
    public AnswerTestEngine refusing(java.util.function.BiFunction<dev.thinkbench.core.Budget, String, String> why) {
        modelRefusals = why;
        return this;
    }

    @Override
    public String whyModelRefuses(dev.thinkbench.core.Budget budget, String model) {
        return modelRefusals.apply(budget, model);
    }

    /** From now on, each run waits for {@link #release()} before replying; {@code runs} is how many to await. */
    public AnswerTestEngine hold(int runs) {
        gate = new CountDownLatch(1);
        heldRuns = new CountDownLatch(runs);
        return this;
    }

    /** Waits (at most 10 s) until the runs named by {@link #hold} are all held. */
    public void awaitHeld() throws InterruptedException {
        if (!heldRuns.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("runs were not held; started: " + started.size());
        }
    }

    public void release() {
        gate.countDown();
    }

    public List<RunSpec> started() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "answer test engine " + id;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of(Budget.Kind.values()),
                List.of(EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH), true, true, false);
    }

    @Override
    public List<ModelInfo> listModels() {
        return List.of(new ModelInfo("test-model", "test"));
    }

    @Override
    public String describe(Budget budget) {
        return "test " + budget.spec();
    }

    @Override
    public Price price(String model, PriceTable table) {
        return price;
    }

    @Override
    public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
        started.add(spec);
        Reply reply = replies.apply(spec);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch waitFor = gate;
        CompletableFuture<Void> done = new CompletableFuture<>();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Thread.ofVirtual().name("answer-test-" + id).start(() -> {
            try {
                play(spec, reply, sink, waitFor, cancelled);
            } finally {
                inFlight.decrementAndGet();
                done.complete(null);
            }
        });
        return new RunHandle() {
            @Override
            public void cancel() {
                cancelled.countDown();
            }

            @Override
            public CompletableFuture<Void> done() {
                return done;
            }
        };
    }

    private void play(RunSpec spec, Reply reply, ReasoningEventSink sink, CountDownLatch waitFor,
                      CountDownLatch cancelled) {
        sink.accept(new ReasoningEvent.Started(System.nanoTime(), spec.model(), spec.budget().spec()));
        heldRuns.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (waitFor.getCount() > 0 && System.nanoTime() < end) {
                if (cancelled.await(2, TimeUnit.MILLISECONDS)) {
                    sink.accept(new ReasoningEvent.Cancelled(System.nanoTime()));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < reply.thinkingTokens(); i++) {
            sink.accept(new ReasoningEvent.ThinkingDelta(System.nanoTime(), " t", 1));
        }
        if (reply.failure() != null) {
            if (!reply.answer().isEmpty()) {
                sink.accept(new ReasoningEvent.AnswerDelta(System.nanoTime(), reply.answer(), 2));
            }
            sink.accept(new ReasoningEvent.Failed(System.nanoTime(), reply.failure(), reply.message(),
                    reply.retryAfter()));
            return;
        }
        sink.accept(new ReasoningEvent.AnswerDelta(System.nanoTime(), reply.answer(), 2));
        sink.accept(new ReasoningEvent.UsageReported(System.nanoTime(),
                new Usage(10, reply.thinkingTokens() + 2, null)));
        sink.accept(new ReasoningEvent.Finished(System.nanoTime(), ReasoningEvent.StopReason.END_OF_TURN));
    }
}
