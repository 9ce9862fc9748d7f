package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.lab.strategy.FixedStrategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Summaries of a sweep's results: per strategy and budget label (n, correct, accuracy with its Wilson interval, mean
 * compute tokens, mean time, cost), per difficulty, the accuracy-vs-compute curve of each strategy with s1's Control,
 * Scaling and Performance and its saturation point, and each strategy's accuracy at an equal compute budget. Pure;
 * any thread.
 */
public final class SweepSummary {

    /** A step that gains less than this (one accuracy point) counts as flat for the saturation point. */
    public static final double SATURATION_THRESHOLD = 0.01;

    private SweepSummary() {
    }

    /** A strategy's accuracy at an equal compute budget: its best point within the budget, null when none fits. */
    public record EqualCompute(String strategy, SummaryRow point) {
    }

    /** One row per (strategy, label): strategies in the order they first appear, each with its labels in the order
     * the labels first appear. */
    public static List<SummaryRow> rows(List<SweepRecord> records) {
        Map<List<String>, List<SweepRecord>> groups = new LinkedHashMap<>();
        java.util.Set<String> strategies = new java.util.LinkedHashSet<>();
        java.util.Set<String> labels = new java.util.LinkedHashSet<>();
        for (SweepRecord r : records) {
            groups.computeIfAbsent(List.of(r.strategy(), r.label()), k -> new ArrayList<>()).add(r);
            strategies.add(r.strategy());
            labels.add(r.label());
        }
        // strategy by strategy, each in one budget order (that of the labels' first runs): a resumed sweep appends
        // its runs in the order they finish, which had put a strategy's budgets apart and out of order
        List<SummaryRow> rows = new ArrayList<>();
        for (String strategy : strategies) {
            for (String label : labels) {
                List<SweepRecord> group = groups.get(List.of(strategy, label));
                if (group != null) {
                    rows.add(row(label, strategy, group));
                }
            }
        }
        return rows;
    }

    /** Rows per difficulty (problems without one are left out), difficulties ascending. */
    public static Map<Integer, List<SummaryRow>> byDifficulty(List<SweepRecord> records,
                                                              Function<String, Integer> difficultyOf) {
        Map<Integer, List<SweepRecord>> split = new java.util.TreeMap<>();
        for (SweepRecord r : records) {
            Integer d = difficultyOf.apply(r.problemId());
            if (d != null) {
                split.computeIfAbsent(d, k -> new ArrayList<>()).add(r);
            }
        }
        Map<Integer, List<SummaryRow>> out = new LinkedHashMap<>();
        split.forEach((d, group) -> out.put(d, rows(group)));
        return out;
    }

    private static SummaryRow row(String label, String strategy, List<SweepRecord> group) {
        int n = 0;
        int correct = 0;
        int failed = 0;
        int ungraded = 0;
        double tokens = 0;
        int withTokens = 0;
        double ms = 0;
        int withMs = 0;
        double cost = 0;
        boolean anyCost = false;
        for (SweepRecord r : group) {
            // a failed run that cost nothing generated nothing: it says nothing of what the runs cost (a row of
            // runs all refused is unknown, not free); one that was billed, or any run that finished, counts
            if (r.costUsd() != null && (r.ok() || r.costUsd() > 0)) {
                cost += r.costUsd();
                anyCost = true;
            }
            if (!r.ok()) {
                failed++;
                continue;
            }
            if (r.correct() == null) {
                ungraded++;
            } else {
                n++;
                correct += r.correct() ? 1 : 0;
            }
            if (r.thinkingTokens() != null) {
                tokens += r.thinkingTokens();
                withTokens++;
            }
            if (r.totalMs() != null) {
                ms += r.totalMs();
                withMs++;
            }
        }
        List<String> budgets = group.stream().map(SweepRecord::budget).distinct().toList();
        return new SummaryRow(label, budgets.size() == 1 ? budgets.getFirst() : "mixed", strategy, n, correct,
                n == 0 ? null : (double) correct / n, Wilson.of(correct, n),
                withTokens == 0 ? null : tokens / withTokens, withMs == 0 ? null : ms / withMs,
                anyCost ? cost : null, failed, ungraded);
    }

    /** Each strategy's points with an accuracy and a token count, by mean compute tokens ascending. */
    public static Map<String, List<SummaryRow>> curves(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> curves = new LinkedHashMap<>();
        for (SummaryRow r : rows) {
            if (r.accuracy() != null && r.meanThinkingTokens() != null) {
                curves.computeIfAbsent(r.strategy(), k -> new ArrayList<>()).add(r);
            }
        }
        curves.values().forEach(c -> c.sort(Comparator.comparingDouble(SummaryRow::meanThinkingTokens)));
        return curves;
    }

    /** s1's measures and the saturation point of every strategy, in the order strategies first appear. */
    public static List<ScalingMeasures> measures(List<SweepRecord> records) {
        List<SummaryRow> rows = rows(records);
        List<ScalingMeasures> out = new ArrayList<>();
        for (Map.Entry<String, List<SummaryRow>> e : curves(rows).entrySet()) {
            List<SummaryRow> curve = e.getValue();
            Double span = curve.size() < 2 ? null
                    : curve.getLast().meanThinkingTokens() - curve.getFirst().meanThinkingTokens();
            out.add(new ScalingMeasures(e.getKey(), control(e.getKey(), records), slope(curve, false),
                    slope(curve, true), span,
                    curve.stream().map(SummaryRow::accuracy).max(Double::compare).orElse(null),
                    saturation(curve, SATURATION_THRESHOLD)));
        }
        return out;
    }

    /** The share of a strategy's ok runs whose thinking lies within their budget's bounds (see ScalingMeasures). */
    static Double control(String strategy, List<SweepRecord> records) {
        if (!FixedStrategy.NAME.equals(strategy)) {
            return null;
        }
        int bounded = 0;
        int within = 0;
        for (SweepRecord r : records) {
            if (!r.ok() || !strategy.equals(r.strategy()) || r.thinkingTokens() == null) {
                continue;
            }
            int[] bounds = bounds(r.budget());
            if (bounds != null) {
                bounded++;
                within += r.thinkingTokens() >= bounds[0] && r.thinkingTokens() <= bounds[1] ? 1 : 0;
            }
        }
        return bounded == 0 ? null : (double) within / bounded;
    }

    private static int[] bounds(String spec) {
        try {
            return switch (BudgetSpec.parse(spec)) {
                case Budget.None n -> new int[] {0, 0};
                case Budget.Tokens t -> new int[] {0, t.maxThinkingTokens()};
                case Budget.Forcing f -> new int[] {f.plan().minThinkingTokens(), f.plan().maxThinkingTokens()};
                case Budget.Effort e -> null;
            };
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The mean slope over all pairs at different token counts, in points per 1,000 tokens or per doubling. */
    static Double slope(List<SummaryRow> curve, boolean logScale) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < curve.size(); i++) {
            for (int j = i + 1; j < curve.size(); j++) {
                double xa = x(curve.get(i).meanThinkingTokens(), logScale);
                double xb = x(curve.get(j).meanThinkingTokens(), logScale);
                if (xb != xa) {
                    sum += 100 * (curve.get(j).accuracy() - curve.get(i).accuracy()) / (xb - xa);
                    pairs++;
                }
            }
        }
        return pairs == 0 ? null : sum / pairs;
    }

    private static double x(double tokens, boolean logScale) {
        return logScale ? Math.log(Math.max(1, tokens)) / Math.log(2) : tokens / 1000;
    }

    /** The label of the first point after which every step gains less than {@code threshold}; null if none. */
    static String saturation(List<SummaryRow> curve, double threshold) {
        if (curve.size() < 2) {
            return null;
        }
        int i = curve.size() - 1;
        while (i > 0 && curve.get(i).accuracy() - curve.get(i - 1).accuracy() < threshold) {
            i--;
        }
        return i == curve.size() - 1 ? null : curve.get(i).label();
    }

    /**
     * Each strategy's best accuracy among its points whose mean compute is at most {@code tokensPerProblem} (ties:
     * the cheaper point), in the order strategies first appear.
     */
    public static List<EqualCompute> equalCompute(List<SummaryRow> rows, double tokensPerProblem) {
        List<EqualCompute> out = new ArrayList<>();
        for (Map.Entry<String, List<SummaryRow>> e : curves(rows).entrySet()) {
            SummaryRow best = e.getValue().stream().filter(r -> r.meanThinkingTokens() <= tokensPerProblem)
                    .max(Comparator.comparingDouble(SummaryRow::accuracy)
                            .thenComparing(r -> -r.meanThinkingTokens()))
                    .orElse(null);
            out.add(new EqualCompute(e.getKey(), best));
        }
        rows.stream().map(SummaryRow::strategy).distinct()
                .filter(s -> out.stream().noneMatch(ec -> Objects.equals(ec.strategy(), s)))
                .forEach(s -> out.add(new EqualCompute(s, null)));
        return out;
    }
}
