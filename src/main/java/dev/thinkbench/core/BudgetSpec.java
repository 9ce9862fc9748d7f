package dev.thinkbench.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes budget spec strings: {@code none}, {@code tokens:N}, {@code effort:LEVEL},
 * {@code force:min=N,max=N,waits=N,wait=TEXT[|TEXT...],prefix=TEXT}. Several Wait texts rotate; separate them with
 * {@code |}. Errors are {@link IllegalArgumentException}s whose message is fit to show the user.
 */
public final class BudgetSpec {

    private BudgetSpec() {
    }

    public static Budget parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("budget is empty (use none, tokens:N, effort:LEVEL or force:...)");
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String head = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
        String body = colon < 0 ? "" : s.substring(colon + 1);
        return switch (head) {
            case "none", "off" -> new Budget.None();
            case "tokens" -> new Budget.Tokens(parseInt("tokens", body));
            case "effort" -> new Budget.Effort(EffortLevel.parse(body));
            case "force" -> new Budget.Forcing(parsePlan(body));
            default -> throw new IllegalArgumentException("unknown budget '" + spec
                    + "' (use none, tokens:N, effort:LEVEL or force:min=N,max=N,waits=N,wait=TEXT)");
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
                throw new IllegalArgumentException("forcing field '" + part + "' needs a value (name=value)");
            }
            String key = part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            if (fields.put(key, part.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("forcing field '" + key + "' is given twice");
            }
        }
        for (String key : fields.keySet()) {
            if (!List.of("min", "max", "waits", "wait", "prefix").contains(key)) {
                throw new IllegalArgumentException("unknown forcing field '" + key
                        + "' (use min, max, waits, wait, prefix)");
            }
        }
        if (!fields.containsKey("max")) {
            throw new IllegalArgumentException("forcing budget needs max=N (the thinking-token cap)");
        }
        int max = parseInt("max", fields.get("max"));
        int min = fields.containsKey("min") ? parseInt("min", fields.get("min")) : 0;
        int waits = fields.containsKey("waits") ? parseInt("waits", fields.get("waits")) : (min > 0 ? 1 : 0);
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

    private static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text.strip() + "'");
        }
    }
}
