package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.Strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sweep runs: problems x budgets x samples x strategies, on one model, with one sampling (each sample's seed
 * is the sampling's seed plus the sample number times {@link dev.thinkbench.lab.strategy.StrategyRun#SEED_STRIDE}).
 * Budgets are given smallest first: routing reads them as a ladder.
 *
 * @param system the system prompt, empty for none
 * @param contextSize the tokens of context the engine loads the model with where the sweep can tell (the built-in
 *                    engine's, {@link SweepRunner#asRun}); null for an engine with a server, which sets its own
 */
public record SweepPlan(List<BenchProblem> problems, List<Lane> budgets, int samples, List<Strategy> strategies,
                        String model, String system, Sampling sampling, Integer contextSize) {

    /** A plan whose context size is not known (yet): {@link SweepRunner#asRun} adds the built-in engine's. */
    public SweepPlan(List<BenchProblem> problems, List<Lane> budgets, int samples, List<Strategy> strategies,
                     String model, String system, Sampling sampling) {
        this(problems, budgets, samples, strategies, model, system, sampling, null);
    }

    /** This plan run with a context of {@code tokens} (null: one the sweep cannot tell). */
    public SweepPlan withContextSize(Integer tokens) {
        return new SweepPlan(problems, budgets, samples, strategies, model, system, sampling, tokens);
    }

    /**
     * The first pair of budgets of one kind given larger before smaller ({@code 'a' (tokens:64) before 'b'
     * (tokens:8)}), or empty: budgets are read smallest first (routing climbs them in order, tables list them so).
     * Budgets of different kinds are not compared.
     */
    public static java.util.Optional<String> outOfOrder(List<Lane> budgets) {
        for (int i = 0; i + 1 < budgets.size(); i++) {
            for (int j = i + 1; j < budgets.size(); j++) {
                Lane a = budgets.get(i);
                Lane b = budgets.get(j);
                Integer sa = size(a.budget());
                Integer sb = size(b.budget());
                if (sa != null && sb != null && a.budget().getClass() == b.budget().getClass() && sa > sb) {
                    return java.util.Optional.of("'" + a.label() + "' (" + a.budget().spec() + ") comes before '"
                            + b.label() + "' (" + b.budget().spec() + ")");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** A budget of a sweep that its engine cannot run, and why. */
    public record UnsupportedBudget(Lane lane, dev.thinkbench.core.Worded why) {
    }

    /**
     * The first of {@code budgets} that an engine of {@code capabilities} cannot run (a forcing plan on a chat engine,
     * an effort it does not offer), or empty: every run of it would fail, so the window's form and the command line
     * refuse it before the sweep starts.
     */
    public static java.util.Optional<UnsupportedBudget> unsupportedBudget(List<Lane> budgets,
                                                                          EngineCapabilities capabilities) {
        for (Lane lane : budgets) {
            dev.thinkbench.core.Worded why = capabilities.unsupported(lane.budget());
            if (why != null) {
                return java.util.Optional.of(new UnsupportedBudget(lane, why));
            }
        }
        return java.util.Optional.empty();
    }

    /** A budget's size within its kind: a token cap, a forcing maximum, an effort's rank. */
    private static Integer size(dev.thinkbench.core.Budget budget) {
        return switch (budget) {
            case dev.thinkbench.core.Budget.None n -> null;
            case dev.thinkbench.core.Budget.Tokens t -> t.maxThinkingTokens();
            case dev.thinkbench.core.Budget.Forcing f -> f.plan().maxThinkingTokens();
            case dev.thinkbench.core.Budget.Effort e -> e.level().ordinal();
        };
    }

    /** The label a routing result carries before it is known which rung it took. */
    public static final String ROUTED = "routed";

    /** The most samples per problem, budget and strategy. */
    public static final int MAX_SAMPLES = 10_000;

    public SweepPlan {
        problems = List.copyOf(problems);
        budgets = List.copyOf(budgets);
        strategies = List.copyOf(strategies);
        system = system == null ? "" : system;
        sampling = sampling == null ? Sampling.defaults() : sampling;
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no problems");
        }
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no budgets");
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no strategies");
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 1 and " + MAX_SAMPLES + ", was " + samples);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("no model chosen");
        }
        if (contextSize != null && contextSize < 1) {
            throw new IllegalArgumentException("a context size is at least 1 token, was " + contextSize);
        }
        Set<String> labels = new HashSet<>();
        for (Lane b : budgets) {
            if (!labels.add(b.label())) {
                throw new IllegalArgumentException("budget label '" + b.label() + "' is given twice");
            }
        }
        Set<String> names = new HashSet<>();
        for (Strategy s : strategies) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("strategy '" + s.name() + "' is given twice");
            }
        }
    }

    /**
     * The model and sampling this plan runs with, in the words a result line keeps ({@code "micro-reasoner.gguf,
     * temperature 0, seed 3, context 4096, system prompt 1a2b3c4d"}): a results file holding runs made otherwise
     * holds another sweep's ({@link ResumeCheck}). A model file is named without its folder (the same file moved is
     * the same model); the context size only where it is known (the built-in engine's); a system prompt by the start
     * of its SHA-256, so a long one does not fill every line.
     */
    public String ranWith() {
        String m = model.strip();
        if (m.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf")) {
            m = java.nio.file.Path.of(m).getFileName().toString();
        }
        StringBuilder b = new StringBuilder(m);
        b.append(", temperature ").append(sampling.temperature() == null ? "the engine's"
                : plain(sampling.temperature()));
        if (sampling.topP() != null) {
            b.append(", top-p ").append(plain(sampling.topP()));
        }
        if (sampling.seed() != null) {
            b.append(", seed ").append(sampling.seed());
        }
        if (sampling.maxAnswerTokens() != null) {
            b.append(", answer cap ").append(sampling.maxAnswerTokens());
        }
        if (contextSize != null) {
            b.append(", ").append(RanWith.CONTEXT).append(' ').append(contextSize);
        }
        if (!system.isBlank()) {
            b.append(", system prompt ").append(fingerprint(system));
        }
        return b.toString();
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String fingerprint(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * What this plan draws several times only to get one run repeated, because its temperature is 0 (greedy): the
     * samples when there are several, and the strategies that draw several candidates, by name. Empty when the
     * temperature is above 0 or left to the engine, or nothing is drawn twice.
     */
    public GreedyRepeats greedyRepeats() {
        Double t = sampling.temperature();
        if (t == null || t > 0) {
            return new GreedyRepeats(false, List.of());
        }
        return new GreedyRepeats(samples > 1, strategies.stream().filter(s -> s.candidates() > 1)
                .map(Strategy::name).toList());
    }

    /**
     * What a greedy plan repeats ({@link #greedyRepeats()}).
     *
     * @param samples whether its samples repeat one run
     * @param strategies the strategies whose candidates repeat one run
     */
    public record GreedyRepeats(boolean samples, List<String> strategies) {
        public GreedyRepeats {
            strategies = List.copyOf(strategies);
        }

        /** True when nothing repeats. */
        public boolean none() {
            return !samples && strategies.isEmpty();
        }
    }

    /**
     * Every run, in the order a single worker would take them: problem by problem (so runs that share a prompt stay
     * together), then budget, strategy and sample. A strategy that picks its own budget runs once per problem and
     * sample, labelled {@value #ROUTED}.
     */
    public List<SweepTask> tasks() {
        List<SweepTask> tasks = new ArrayList<>();
        for (BenchProblem p : problems) {
            for (Lane lane : budgets) {
                for (Strategy s : strategies) {
                    if (!s.perBudget()) {
                        continue;
                    }
                    for (int i = 0; i < samples; i++) {
                        tasks.add(new SweepTask(p, lane, s, i));
                    }
                }
            }
            for (Strategy s : strategies) {
                if (!s.perBudget()) {
                    for (int i = 0; i < samples; i++) {
                        tasks.add(new SweepTask(p, new Lane(ROUTED, budgets.getLast().budget()), s, i));
                    }
                }
            }
        }
        return tasks;
    }

    /** The top of the problems' difficulty scale, or {@code fallback} when none has a difficulty. */
    public static int maxDifficulty(List<BenchProblem> problems, int fallback) {
        return problems.stream().filter(p -> p.difficulty() != null).mapToInt(BenchProblem::difficulty).max()
                .orElse(fallback);
    }
}
