package dev.thinkbench.cli;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The plain-text summary of a sweep: one row per strategy and budget (n, correct, accuracy with its 95% Wilson
 * interval, mean compute tokens, mean time, cost), accuracy by difficulty when problems have one, s1's measures per
 * strategy, equal-compute points when asked, and the failed runs with their reasons. Pure.
 */
final class SweepTable {

    private static final int FAILURES_SHOWN = 10;

    private SweepTable() {
    }

    /**
     * @param difficultyOf a problem's difficulty, null when unknown
     * @param equalCompute thinking-token budgets per problem to compare the strategies at, empty for none
     */
    static String render(List<SweepRecord> records, Function<String, Integer> difficultyOf,
                         List<Integer> equalCompute) {
        StringBuilder b = new StringBuilder();
        List<SummaryRow> rows = SweepSummary.rows(records);
        String header = String.format(Locale.ROOT, "%-12s %-30s %-9s %5s %7s %8s %15s %9s %9s %10s %6s%n", "label",
                "budget", "strategy", "n", "correct", "accuracy", "95% interval", "compute", "total ms", "cost",
                "failed");
        b.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (SummaryRow r : rows) {
            b.append(String.format(Locale.ROOT, "%-12s %-30s %-9s %5d %7d %8s %15s %9s %9s %10s %6d%n",
                    clip(r.label(), 12), clip(shortSpec(r.budget()), 30), clip(r.strategy(), 9), r.n(), r.correct(),
                    percent(r.accuracy()), r.n() == 0 ? "\u2013" : "[" + percent(r.wilson().low()) + ", "
                            + percent(r.wilson().high()) + "]", number(r.meanThinkingTokens()),
                    number(r.meanTotalMs()), cost(r.costUsd()), r.failed()));
        }
        difficulties(b, records, difficultyOf);
        measures(b, records);
        equalCompute(b, rows, equalCompute);
        failures(b, records);
        return b.toString();
    }

    private static void difficulties(StringBuilder b, List<SweepRecord> records, Function<String, Integer> of) {
        Map<Integer, List<SummaryRow>> split = SweepSummary.byDifficulty(records, of);
        if (split.size() < 2) {
            return;
        }
        Map<String, Map<Integer, SummaryRow>> byRow = new LinkedHashMap<>();
        split.forEach((d, rows) -> rows.forEach(r -> byRow.computeIfAbsent(r.strategy() + " \u00b7 " + r.label(),
                k -> new LinkedHashMap<>()).put(d, r)));
        b.append("\naccuracy by difficulty\n").append(String.format(Locale.ROOT, "%-24s", ""));
        split.keySet().forEach(d -> b.append(String.format(Locale.ROOT, "%8s", "d" + d)));
        b.append('\n');
        byRow.forEach((name, cells) -> {
            b.append(String.format(Locale.ROOT, "%-24s", clip(name, 24)));
            split.keySet().forEach(d -> b.append(String.format(Locale.ROOT, "%8s",
                    cells.containsKey(d) ? percent(cells.get(d).accuracy()) : "\u2013")));
            b.append('\n');
        });
    }

    private static void measures(StringBuilder b, List<SweepRecord> records) {
        List<ScalingMeasures> all = SweepSummary.measures(records);
        if (all.isEmpty()) {
            return;
        }
        b.append("\ns1 measures (Control: runs within their budget; Scaling: mean pairwise slope; Performance: best "
                + "accuracy)\n");
        // one token unit for every strategy (the narrowest curve's), so the lines compare directly
        int unit = ScalingMeasures.tokenUnit(all);
        String per = unit == 1000 ? "1k tokens" : unit == 1 ? "token" : unit + " tokens";
        for (ScalingMeasures m : all) {
            Double perUnit = m.scalingPerKiloToken() == null ? null : m.scalingPerKiloToken() * unit / 1000;
            // a strategy without a slope says so once ("Scaling –"), not "– pts/1k tokens (– pts/doubling)"
            String scaling = perUnit == null && m.scalingPerDoubling() == null ? "\u2013"
                    : String.format(Locale.ROOT, "%s pts/%s (%s pts/doubling)", signed(perUnit), per,
                    signed(m.scalingPerDoubling()));
            b.append(String.format(Locale.ROOT, "  %-9s Control %s, Scaling %s, Performance %s, saturates %s%n",
                    m.strategy(), percent(m.control()), scaling, percent(m.performance()),
                    m.saturationLabel() == null ? "not yet" : "at " + m.saturationLabel()));
        }
    }

    private static void equalCompute(StringBuilder b, List<SummaryRow> rows, List<Integer> budgets) {
        for (int tokens : budgets) {
            b.append(String.format(Locale.ROOT, "%nat %,d compute tokens per problem:", tokens));
            List<String> parts = new ArrayList<>();
            for (SweepSummary.EqualCompute e : SweepSummary.equalCompute(rows, tokens)) {
                parts.add(e.point() == null ? e.strategy() + " needs more"
                        : e.strategy() + " " + percent(e.point().accuracy()) + " (" + e.point().label() + ", "
                        + number(e.point().meanThinkingTokens()) + " tokens)");
            }
            b.append(' ').append(String.join("; ", parts)).append('\n');
        }
    }

    private static void failures(StringBuilder b, List<SweepRecord> records) {
        List<SweepRecord> failed = records.stream().filter(SweepRecord::failed).toList();
        if (failed.isEmpty()) {
            return;
        }
        b.append("\nfailed runs (run again with the same --out to retry them)\n");
        failed.stream().limit(FAILURES_SHOWN).forEach(r -> b.append("  ").append(r.key()).append(": ")
                .append(r.error() == null ? r.status() : r.error()).append('\n'));
        if (failed.size() > FAILURES_SHOWN) {
            b.append("  ... and ").append(failed.size() - FAILURES_SHOWN).append(" more\n");
        }
    }

    /** A budget as its shortest spec ({@code force:max=8}); a spec that does not parse (a routed run's) as it is. */
    static String shortSpec(String spec) {
        try {
            return dev.thinkbench.core.BudgetSpec.formatShort(dev.thinkbench.core.BudgetSpec.parse(spec));
        } catch (IllegalArgumentException e) {
            return spec;
        }
    }

    static String percent(Double v) {
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String number(Double v) {
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(Double v) {
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String cost(Double usd) {
        return usd == null ? "\u2013" : usd == 0 ? "free" : String.format(Locale.ROOT, "$%.4f", usd);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
