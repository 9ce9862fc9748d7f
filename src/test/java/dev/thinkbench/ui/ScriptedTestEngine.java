package dev.thinkbench.ui;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A test double: plays a {@link Script} per budget on its own thread, one event per token, optionally paced at a
 * token rate, failing or stalling on cue, and honouring cancel. Everything a script may do ends by itself except a
 * stall, which ends on cancel or after a bounded wait.
 */
public final class ScriptedTestEngine implements ReasoningEngine {

    /**
     * What one run does.
     *
     * @param thinking thinking tokens, one event each
     * @param answer answer tokens, one event each
     * @param tokensPerSecond pace; 0 streams as fast as possible
     * @param usage usage reported before the end, null for none
     * @param failure failure after the thinking, null to finish normally
     * @param stall wait (up to 30 s) for cancel after the thinking instead of answering
     */
    public record Script(List<String> thinking, List<String> answer, double tokensPerSecond, Usage usage,
                         FailureKind failure, String failureMessage, boolean stall) {

        public static Script of(List<String> thinking, List<String> answer) {
            return new Script(thinking, answer, 0, null, null, null, false);
        }

        public Script paced(double rate) {
            return new Script(thinking, answer, rate, usage, failure, failureMessage, stall);
        }

        public Script reporting(Usage reported) {
            return new Script(thinking, answer, tokensPerSecond, reported, failure, failureMessage, stall);
        }

        public Script failing(FailureKind kind, String message) {
            return new Script(thinking, answer, tokensPerSecond, usage, kind, message, stall);
        }

        public Script stalling() {
            return new Script(thinking, answer, tokensPerSecond, usage, failure, failureMessage, true);
        }
    }

    private final String id;
    private final Function<RunSpec, Script> scripts;
    private final java.util.function.Supplier<List<ModelInfo>> models;
    private final EngineCapabilities capabilities;

    public ScriptedTestEngine(String id, Function<RunSpec, Script> scripts, List<ModelInfo> models) {
        this(id, scripts, () -> models);
    }

    /** An engine whose model list is read from {@code models} at each listing (files that come and go). */
    public ScriptedTestEngine(String id, Function<RunSpec, Script> scripts,
                              java.util.function.Supplier<List<ModelInfo>> models) {
        this(id, scripts, models, new EngineCapabilities(Set.of(Budget.Kind.NONE, Budget.Kind.TOKENS,
                Budget.Kind.EFFORT), List.of(EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH), true, true,
                false));
    }

    private ScriptedTestEngine(String id, Function<RunSpec, Script> scripts,
                               java.util.function.Supplier<List<ModelInfo>> models, EngineCapabilities capabilities) {
        this.id = id;
        this.scripts = scripts;
        this.models = models;
        this.capabilities = capabilities;
    }

    /** The price this engine bills (free, as a local engine's, unless set: {@link #pricedAt}); null for unknown. */
    private Price billed = Price.free("scripted test engine");

    /** The same engine billing its runs at {@code price} (null: a hosted model the price table does not know). */
    public ScriptedTestEngine pricedAt(Price price) {
        ScriptedTestEngine copy = new ScriptedTestEngine(id, scripts, models, capabilities);
        copy.billed = price;
        return copy;
    }

    /** The same engine claiming {@code other} capabilities. */
    public ScriptedTestEngine withCapabilities(EngineCapabilities other) {
        return new ScriptedTestEngine(id, scripts, models, other);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Scripted test engine";
    }

    @Override
    public EngineCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public List<ModelInfo> listModels() throws EngineException {
        List<ModelInfo> listed = models.get();
        if (listed.isEmpty()) {
            throw new EngineException(FailureKind.UNREACHABLE, "scripted server is down");
        }
        return listed;
    }

    @Override
    public String describe(Budget budget) {
        return "scripted " + budget.spec();
    }

    @Override
    public Price price(String model, PriceTable table) {
        return billed;
    }

    @Override
    public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
        Script script = scripts.apply(spec);
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                play(spec, script, sink, cancelled);
            } finally {
                done.complete(null);
            }
        }, "scripted-run-" + spec.budget().spec());
        t.setDaemon(true);
        t.start();
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

    private static void play(RunSpec spec, Script script, ReasoningEventSink sink, CountDownLatch cancelled) {
        long start = System.nanoTime();
        sink.accept(new ReasoningEvent.Started(start, spec.model(), spec.budget().spec()));
        Pacer pacer = new Pacer(start, script.tokensPerSecond());
        for (String token : script.thinking()) {
            if (!pacer.await(cancelled)) {
                sink.accept(new ReasoningEvent.Cancelled(System.nanoTime()));
                return;
            }
            sink.accept(new ReasoningEvent.ThinkingDelta(System.nanoTime(), token, 1));
        }
        if (script.failure() != null) {
            sink.accept(new ReasoningEvent.Failed(System.nanoTime(), script.failure(), script.failureMessage()));
            return;
        }
        if (script.stall()) {
            try {
                cancelled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.accept(new ReasoningEvent.Cancelled(System.nanoTime()));
            return;
        }
        for (String token : script.answer()) {
            if (!pacer.await(cancelled)) {
                sink.accept(new ReasoningEvent.Cancelled(System.nanoTime()));
                return;
            }
            sink.accept(new ReasoningEvent.AnswerDelta(System.nanoTime(), token, 1));
        }
        if (script.usage() != null) {
            sink.accept(new ReasoningEvent.UsageReported(System.nanoTime(), script.usage()));
        }
        sink.accept(new ReasoningEvent.Finished(System.nanoTime(), ReasoningEvent.StopReason.END_OF_TURN));
    }

    /** Releases tokens at a steady rate; false once cancelled. */
    private static final class Pacer {
        private final long start;
        private final double rate;
        private long released;

        Pacer(long start, double rate) {
            this.start = start;
            this.rate = rate;
        }

        boolean await(CountDownLatch cancelled) {
            if (cancelled.getCount() == 0) {
                return false;
            }
            if (rate <= 0) {
                return true;
            }
            long due = start + (long) (released * 1e9 / rate);
            released++;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    return !cancelled.await(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
