package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.ui.common.Messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The budgets of a sweep as the setup form writes them: a list (one budget a line, {@code label=spec} or just the
 * spec, which then names itself: {@code none}, {@code cap8}, {@code force256}, {@code high}), or a doubling range of
 * caps ({@code 8..256}: 8, 16, 32, ..., 256) as thinking-token budgets or as s1 budget forcing, optionally with
 * thinking off first. What it says to people (budgets in words, why a list does not parse) comes from
 * {@link Messages}; any thread.
 */
public final class BudgetChoices {

    /** The largest cap a range offers: 2^15 = 32,768 thinking tokens. */
    public static final int MAX_EXPONENT = 15;

    /** What a range's caps are. */
    public enum RangeKind {
        /** {@code tokens:N}: the engine's own thinking budget (a cap on raw engines). */
        TOKENS,
        /** {@code force:max=N}: s1 budget forcing, the answer forced at the cap (raw-continuation engines). */
        FORCE;

        /** The kind in words, as the form's picker shows it. */
        @Override
        public String toString() {
            return Messages.get("sweep.budgets.rangeKind." + name());
        }
    }

    private BudgetChoices() {
    }

    /**
     * The budgets of a list, one a line (blank lines skipped).
     *
     * @throws IllegalArgumentException naming the line that does not parse, or a label given twice
     */
    public static List<Lane> parseList(String text) {
        List<Lane> lanes = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Lane lane;
            try {
                lane = parseLine(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Messages.get("sweep.budgets.line", i + 1, WindowWording.of(e)), e);
            }
            if (!labels.add(lane.label())) {
                throw new IllegalArgumentException(Messages.get("sweep.budgets.labelTwice", i + 1, lane.label()));
            }
            lanes.add(lane);
        }
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("sweep.budgets.empty"));
        }
        return lanes;
    }

    private static Lane parseLine(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        // "label=spec" has its '=' before any ':'; "force:min=0,..." has its ':' first
        if (eq > 0 && (colon < 0 || eq < colon)) {
            return new Lane(line.substring(0, eq).strip(), BudgetSpec.parse(line.substring(eq + 1)));
        }
        Budget budget = BudgetSpec.parse(line);
        return new Lane(labelOf(budget), budget);
    }

    /** A short label for a budget: {@code none}, {@code cap8}, {@code force256}, {@code high}. */
    public static String labelOf(Budget budget) {
        return switch (budget) {
            case Budget.None n -> "none";
            case Budget.Tokens t -> "cap" + t.maxThinkingTokens();
            case Budget.Effort e -> e.level().wireName();
            case Budget.Forcing f -> "force" + f.plan().maxThinkingTokens()
                    + (f.plan().maxWaits() > 0 ? "w" + f.plan().maxWaits() : "");
        };
    }

    /**
     * Caps from 2^{@code low} to 2^{@code high}, doubling, smallest first.
     *
     * @param withNone thinking off before the first cap
     * @throws IllegalArgumentException when the exponents are out of 0..{@value #MAX_EXPONENT} or reversed
     */
    public static List<Lane> range(int low, int high, RangeKind kind, boolean withNone) {
        if (low < 0 || high > MAX_EXPONENT || low > high) {
            throw new IllegalArgumentException(Messages.get("sweep.budgets.rangeBounds", 1 << MAX_EXPONENT));
        }
        List<Lane> lanes = new ArrayList<>();
        if (withNone) {
            lanes.add(new Lane("none", new Budget.None()));
        }
        for (int e = low; e <= high; e++) {
            int cap = 1 << e;
            Budget b = kind == RangeKind.TOKENS ? new Budget.Tokens(cap)
                    : BudgetSpec.parse("force:min=0,max=" + cap + ",waits=0");
            lanes.add(new Lane(labelOf(b), b));
        }
        return lanes;
    }

    /**
     * A budget in a few words for the form: {@code thinking off}, {@code cap 8 tokens}, {@code effort low},
     * {@code force ≤ 8 tokens}, {@code force ≤ 256 tokens, 1 Wait if it stops before 56}.
     */
    public static String words(Budget budget) {
        return switch (budget) {
            case Budget.None n -> Messages.get("sweep.budgets.off");
            case Budget.Tokens t -> Messages.get("sweep.budgets.cap", t.maxThinkingTokens());
            case Budget.Effort e -> Messages.get("sweep.budgets.effort", e.level().wireName());
            case Budget.Forcing f -> {
                // the minimum is where a Wait goes in while Waits are left, not a bound the runs keep
                var p = f.plan();
                yield p.maxWaits() > 0 && p.minThinkingTokens() > 0
                        ? Messages.get("sweep.budgets.forceWaits", p.maxThinkingTokens(), p.maxWaits(),
                                p.minThinkingTokens())
                        : Messages.get("sweep.budgets.force", p.maxThinkingTokens());
            }
        };
    }

    /** The lanes as the setup file keeps them: {@code label=spec}. */
    public static List<String> specs(List<Lane> lanes) {
        return lanes.stream().map(l -> l.label() + "=" + BudgetSpec.format(l.budget())).toList();
    }

    /**
     * The range in words with every budget it makes counted, e.g. {@code 8 .. 256 tokens, doubling (6 budgets)} or,
     * starting with thinking off, {@code off, then 8 .. 256 tokens, doubling (7 budgets)}.
     */
    public static String describeRange(int low, int high, boolean withNone) {
        int count = high - low + 1 + (withNone ? 1 : 0);
        return Messages.get(withNone ? "sweep.budgets.rangeWithNone" : "sweep.budgets.range", 1 << low, 1 << high,
                count);
    }
}
