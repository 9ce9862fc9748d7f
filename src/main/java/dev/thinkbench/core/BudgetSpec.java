package dev.thinkbench.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes budget spec strings: {@code none}, {@code tokens:N}, {@code effort:LEVEL},
 * {@code force:min=N,max=N,waits=N,wait=TEXT[|TEXT...],prefix=TEXT}. Several Wait texts rotate; separate them with
 * {@code |}. Errors are {@link BudgetSpecException}s: an English message fit to show the user, and the reason and
 * values for a window that words it in its own language.
 */
public final class BudgetSpec {

    private BudgetSpec() {
    }

    public static Budget parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BudgetSpecException(BudgetSpecException.Reason.EMPTY);
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String head = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
        String body = colon < 0 ? "" : s.substring(colon + 1);
        return switch (head) {
            case "none", "off" -> new Budget.None();
            case "tokens" -> new Budget.Tokens(inRange("tokens", parseInt("tokens", body), 1, ForcingPlan.MAX_TOKENS));
            case "effort" -> new Budget.Effort(effort(body));
            case "force" -> new Budget.Forcing(parsePlan(body));
            default -> throw new BudgetSpecException(BudgetSpecException.Reason.UNKNOWN_KIND, spec);
        };
    }

    public static String format(Budget budget) {
        return switch (budget) {
            case Budget.None n -> "none";
            case Budget.Tokens t -> "tokens:" + t.maxThinkingTokens();
            case Budget.Effort e -> "effort:" + e.level().wireName();
            case Budget.Forcing f -> formatPlan(f.plan());
        };
    }

    /**
     * A short spec that parses back to {@code budget}: a forcing plan without the parts that are defaults
     * ({@code force:max=8} for {@code force:min=0,max=8,waits=0,wait=Wait}; the Waits kept beside a minimum, which
     * they serve), for tables with little room.
     */
    public static String formatShort(Budget budget) {
        if (!(budget instanceof Budget.Forcing f)) {
            return format(budget);
        }
        ForcingPlan p = f.plan();
        List<String> parts = new ArrayList<>();
        if (p.minThinkingTokens() > 0) {
            parts.add("min=" + p.minThinkingTokens());
        }
        parts.add("max=" + p.maxThinkingTokens());
        if (p.maxWaits() > 0 || p.minThinkingTokens() > 0) { // the Waits said whenever a minimum asks for them
            parts.add("waits=" + p.maxWaits());
        }
        if (!p.waitTexts().equals(List.of(ForcingPlan.DEFAULT_WAIT))) {
            parts.add("wait=" + String.join("|", p.waitTexts()));
        }
        if (!ForcingPlan.DEFAULT_ANSWER_PREFIX.equals(p.answerPrefix())) {
            parts.add("prefix=" + p.answerPrefix());
        }
        return "force:" + String.join(",", parts);
    }

    private static String formatPlan(ForcingPlan p) {
        StringBuilder b = new StringBuilder("force:min=").append(p.minThinkingTokens())
                .append(",max=").append(p.maxThinkingTokens())
                .append(",waits=").append(p.maxWaits())
                .append(",wait=").append(String.join("|", p.waitTexts()));
        if (!ForcingPlan.DEFAULT_ANSWER_PREFIX.equals(p.answerPrefix())) {
            b.append(",prefix=").append(p.answerPrefix());
        }
        return b.toString();
    }

    private static ForcingPlan parsePlan(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new BudgetSpecException(BudgetSpecException.Reason.FIELD_WITHOUT_VALUE, part);
            }
            String key = part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            if (fields.put(key, part.substring(eq + 1)) != null) {
                throw new BudgetSpecException(BudgetSpecException.Reason.FIELD_TWICE, key);
            }
        }
        for (String key : fields.keySet()) {
            if (!List.of("min", "max", "waits", "wait", "prefix").contains(key)) {
                throw new BudgetSpecException(BudgetSpecException.Reason.UNKNOWN_FIELD, key);
            }
        }
        if (!fields.containsKey("max")) {
            throw new BudgetSpecException(BudgetSpecException.Reason.NO_MAX);
        }
        int max = inRange("max", parseInt("max", fields.get("max")), 1, ForcingPlan.MAX_TOKENS);
        int min = fields.containsKey("min")
                ? inRange("min", parseInt("min", fields.get("min")), 0, ForcingPlan.MAX_TOKENS) : 0;
        if (min > max) {
            throw new BudgetSpecException(BudgetSpecException.Reason.MIN_ABOVE_MAX, min, max);
        }
        int waits = fields.containsKey("waits")
                ? inRange("waits", parseInt("waits", fields.get("waits")), 0, ForcingPlan.MAX_WAITS)
                : (min > 0 ? 1 : 0);
        List<String> texts = new ArrayList<>();
        if (fields.containsKey("wait")) {
            for (String t : fields.get("wait").split("\\|")) {
                if (!t.isEmpty()) {
                    texts.add(t);
                }
            }
        }
        return new ForcingPlan(min, max, waits, texts, fields.get("prefix"));
    }

    /** A whole number, however large (a range check follows: 99999999999 tokens is out of range, not "no number"). */
    private static long parseInt(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BudgetSpecException(BudgetSpecException.Reason.NOT_A_NUMBER, name, text.strip());
        }
    }

    private static int inRange(String name, long value, int low, int high) {
        if (value < low || value > high) {
            throw new BudgetSpecException(BudgetSpecException.Reason.OUT_OF_RANGE, name, low, high, value);
        }
        return (int) value;
    }

    private static EffortLevel effort(String text) {
        try {
            return EffortLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BudgetSpecException(BudgetSpecException.Reason.UNKNOWN_EFFORT, text.strip());
        }
    }
}
