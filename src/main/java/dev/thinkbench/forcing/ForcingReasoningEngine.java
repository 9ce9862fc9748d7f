package dev.thinkbench.forcing;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.EnglishWording;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ModelLoading;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link ReasoningEngine} over any raw-continuation backend and chat template: every budget becomes s1 budget
 * forcing ({@link BudgetForcer}). {@code Forcing} runs its plan; {@code None} forces the answer at once (empty
 * thinking); {@code Tokens N} forces at N (min 0, no Waits); {@code Effort} low / medium / high caps thinking at
 * {@link #EFFORT_CAPS} tokens, and a template that states a reasoning level (gpt-oss's harmony) states that one
 * ({@link ChatTemplate#forEffort}).
 *
 * <p>Threading: {@link #start} returns at once; each run runs on its own virtual thread, which emits the run's
 * events. Runs are independent.
 */
public final class ForcingReasoningEngine implements ReasoningEngine {

    /** The thinking-token caps the effort levels stand for on a forcing engine. */
    public static final Map<EffortLevel, Integer> EFFORT_CAPS = Map.of(
            EffortLevel.LOW, 1024, EffortLevel.MEDIUM, 4096, EffortLevel.HIGH, 16384);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String id;
    private final String displayName;
    private final Function<String, CompletionBackend> backends;
    private final TemplateChooser templates;
    private final boolean free;

    /**
     * @param backends the backend for a model name (a server backend per model, or one fixed in-process model)
     * @param free whether runs cost nothing (local servers, the built-in engine)
     */
    public ForcingReasoningEngine(String id, String displayName, Function<String, CompletionBackend> backends,
                                  ChatTemplate template, boolean free) {
        this(id, displayName, backends, TemplateChooser.fixed(template), free);
    }

    /**
     * @param templates chooses each run's template from its model (see {@link TemplateChooser#perModel})
     */
    public ForcingReasoningEngine(String id, String displayName, Function<String, CompletionBackend> backends,
                                  TemplateChooser templates, boolean free) {
        this.id = id;
        this.displayName = displayName;
        this.backends = backends;
        this.templates = templates;
        this.free = free;
    }

    /** An engine over one fixed backend (e.g. the built-in engine's loaded model); free of charge. */
    public static ForcingReasoningEngine over(CompletionBackend backend, ChatTemplate template) {
        return new ForcingReasoningEngine(backend.id(), backend.displayName(), model -> backend, template, true);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName + " \u00b7 template " + templates.label();
    }

    /** The engine's name without its template. */
    public String name() {
        return displayName;
    }

    /** The template of models nothing is known about (the only one, for a fixed chooser). */
    public ChatTemplate template() {
        return templates.fallback();
    }

    public TemplateChooser templates() {
        return templates;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of(Budget.Kind.values()),
                List.of(EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH), true, false, true);
    }

    @Override
    public List<ModelInfo> listModels() throws EngineException {
        CompletionBackend probe = backends.apply("");
        if (probe instanceof ModelCatalog catalog) {
            return catalog.listModels();
        }
        return List.of(new ModelInfo(probe.model(), probe.displayName()));
    }

    @Override
    public String describe(Budget budget) {
        return meaning(budget).english();
    }

    @Override
    public Worded meaning(Budget budget) {
        String end = template().thinkingEnd();
        return switch (budget) {
            case Budget.None n -> Worded.of(Meaning.OFF, end);
            case Budget.Tokens t -> overContext(t.maxThinkingTokens()).isPresent()
                    ? Worded.of(Meaning.CAP_OVER_CONTEXT, t.maxThinkingTokens(), end,
                            ForcingPlan.DEFAULT_ANSWER_PREFIX, overContext(t.maxThinkingTokens()).getAsInt())
                    : Worded.of(Meaning.CAP, t.maxThinkingTokens(), end, ForcingPlan.DEFAULT_ANSWER_PREFIX);
            case Budget.Effort e when !EFFORT_CAPS.containsKey(e.level()) ->
                    Worded.of(Meaning.EFFORT_NOT_OFFERED, e.level().wireName());
            case Budget.Effort e -> overContext(EFFORT_CAPS.get(e.level())).isPresent()
                    ? Worded.of(Meaning.EFFORT_OVER_CONTEXT, e.level().wireName(), EFFORT_CAPS.get(e.level()),
                            overContext(EFFORT_CAPS.get(e.level())).getAsInt())
                    : Worded.of(Meaning.EFFORT, e.level().wireName(), EFFORT_CAPS.get(e.level()));
            case Budget.Forcing f -> meaning(f.plan(), end);
        };
    }

    /**
     * The context size when a thinking cap of {@code cap} tokens cannot fit in it (the context holds the prompt and
     * the answer too), so a hint does not promise more thinking than the model can hold; empty when it fits or the
     * context is unknown (a server's).
     */
    private java.util.OptionalInt overContext(int cap) {
        java.util.OptionalInt context;
        try {
            context = backends.apply("").contextSize();
        } catch (RuntimeException e) {
            return java.util.OptionalInt.empty(); // a model that cannot be prepared: its run says why
        }
        return context.isPresent() && cap >= context.getAsInt() ? context : java.util.OptionalInt.empty();
    }

    private static Worded meaning(ForcingPlan p, String end) {
        if (p.maxWaits() == 0 || p.minThinkingTokens() == 0) {
            return Worded.of(Meaning.PLAN, end, p.maxThinkingTokens(), p.answerPrefix());
        }
        return Worded.of(Meaning.PLAN_WAITS, end, p.maxWaits(), String.join("\" / \"", p.waitTexts()),
                p.minThinkingTokens(), p.maxThinkingTokens(), p.answerPrefix());
    }

    /** What a budget means on a forcing engine, with the English wording ({@link #meaning}). */
    public enum Meaning implements EnglishWording {
        OFF("thinking off: {0} and the answer prefix are appended at once"),
        CAP("budget forcing: at most {0} thinking tokens, then {1} and \"{2}\"; no Waits"),
        EFFORT("effort {0} means budget forcing with at most {1} thinking tokens here (no Waits); gpt-oss is also "
                + "told \"Reasoning: {0}\""),
        EFFORT_OVER_CONTEXT("effort {0} means budget forcing with at most {1} thinking tokens here (no Waits), but "
                + "the model''s context of {2} tokens holds the prompt, the thinking and the answer, so thinking ends "
                + "sooner; gpt-oss is also told \"Reasoning: {0}\""),
        CAP_OVER_CONTEXT("budget forcing: at most {0} thinking tokens, then {1} and \"{2}\"; no Waits; the model''s "
                + "context of {3} tokens holds the prompt, the thinking and the answer, so thinking ends sooner"),
        EFFORT_NOT_OFFERED("effort {0} is not offered (use low, medium or high)"),
        PLAN("budget forcing: thinking stops on {0}, no Waits, answer forced at {1} tokens with \"{2}\""),
        PLAN_WAITS("budget forcing: thinking stops on {0}, up to {1} \u00d7 \"{2}\" below {3} tokens, answer forced at"
                + " {4} tokens with \"{5}\"");

        private final String english;

        Meaning(String english) {
            this.english = english;
        }

        @Override
        public String english() {
            return english;
        }
    }

    /** True when the model's backend reports token probabilities (the built-in engine does). */
    @Override
    public boolean reportsTokenProbabilities(String model) {
        try {
            return backends.apply(model == null ? "" : model).reportsTokenProbabilities();
        } catch (RuntimeException e) {
            return false; // a model that cannot be prepared reports nothing; its run says why
        }
    }

    @Override
    public Price price(String model, PriceTable table) {
        return free ? Price.free("local: no charge") : table.lookup(model).orElse(null);
    }

    @Override
    public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
        CancelToken cancel = new CancelToken();
        CompletableFuture<Void> done = new CompletableFuture<>();
        TerminalGuard guarded = new TerminalGuard(sink);
        Thread.ofVirtual().name(id + "-run-" + RUNS.incrementAndGet()).start(() -> {
            try {
                execute(spec, guarded, cancel);
            } catch (RuntimeException | Error e) {
                guarded.failIfOpen(spec, e);
            } finally {
                done.complete(null);
            }
        });
        return new RunHandle() {
            @Override
            public void cancel() {
                cancel.cancel();
            }

            @Override
            public CompletableFuture<Void> done() {
                return done;
            }
        };
    }

    private void execute(RunSpec spec, ReasoningEventSink sink, CancelToken cancel) {
        ForcingPlan plan;
        CompletionBackend backend;
        ChatTemplate template;
        try {
            plan = planFor(spec.budget());
            backend = backends.apply(spec.model());
            template = templates.choose(spec.model(), backend);
            if (spec.budget() instanceof Budget.Effort effort) {
                template = template.forEffort(effort.level());
            }
        } catch (IllegalArgumentException e) {
            long now = System.nanoTime();
            sink.accept(new ReasoningEvent.Started(now, spec.model(), spec.budget().spec()));
            sink.accept(new ReasoningEvent.Failed(now, dev.thinkbench.core.FailureKind.UNSUPPORTED, e.getMessage()));
            return;
        } catch (UncheckedIOException e) {
            long now = System.nanoTime();
            sink.accept(new ReasoningEvent.Started(now, spec.model(), spec.budget().spec()));
            sink.accept(new ReasoningEvent.Failed(now, dev.thinkbench.core.FailureKind.UNKNOWN,
                    "could not prepare the model '" + spec.model() + "': " + e.getCause().getMessage()));
            return;
        }
        Long loadMs;
        try {
            loadMs = backend instanceof ModelLoading loading ? loading.loadModel() : null;
        } catch (EngineException e) {
            long now = System.nanoTime();
            sink.accept(new ReasoningEvent.Started(now, spec.model(), spec.budget().spec()));
            sink.accept(new ReasoningEvent.Failed(now, e.kind(), e.getMessage()));
            return;
        }
        ForcingRun run = new ForcingRun(spec.system(), spec.prompt(), spec.model(), plan, spec.sampling(),
                spec.budget().spec(), spec.reuseGreedyPicks());
        new BudgetForcer(backend, template).run(run, withModelLoad(sink, loadMs), cancel);
    }

    /**
     * The run's start carries the model load it waited for, so a load is never counted as time to the first token
     * (the forcer's {@code Started} comes after it).
     */
    private static ReasoningEventSink withModelLoad(ReasoningEventSink sink, Long loadMs) {
        if (loadMs == null) {
            return sink;
        }
        return event -> sink.accept(event instanceof ReasoningEvent.Started s ? s.withModelLoad(loadMs) : event);
    }

    /**
     * The forcing plan a budget stands for here; null for thinking off.
     *
     * @throws IllegalArgumentException for an effort level this engine does not map
     */
    public static ForcingPlan planFor(Budget budget) {
        return switch (budget) {
            case Budget.None n -> null;
            case Budget.Tokens t -> ForcingPlan.of(0, t.maxThinkingTokens(), 0);
            case Budget.Effort e -> {
                Integer cap = EFFORT_CAPS.get(e.level());
                if (cap == null) {
                    throw new IllegalArgumentException("effort '" + e.level().wireName()
                            + "' is not offered on a forcing engine; use low, medium or high");
                }
                yield ForcingPlan.of(0, cap, 0);
            }
            case Budget.Forcing f -> f.plan();
        };
    }
}
