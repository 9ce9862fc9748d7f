package dev.thinkbench.engine.hosted;

import java.util.List;

/**
 * What one hosted model (or family, by name prefix) takes as a thinking budget, from {@code assets/hosted-models.json}:
 * a thinking-token budget with its range, effort levels (by their wire names), both, or neither; whether thinking can
 * be switched off; how long an answer may be; and whether the thinking it shows is a summary. Immutable.
 *
 * @param engine the engine id, e.g. {@code anthropic}
 * @param pattern the model name, or a prefix ending in {@code *} (e.g. {@code claude-sonnet-4-5*})
 * @param name the model for people, e.g. {@code Claude Sonnet 4.5}
 * @param tokens the accepted thinking-token budget, null when the model takes none
 * @param efforts the effort levels the API accepts for it (wire names, e.g. {@code low}), empty when none
 * @param canTurnOff whether thinking can be switched off (budget {@code none})
 * @param maxOutput the most output tokens (thinking included) a request may ask for, null when unknown
 * @param summarizedThinking whether the thinking text the API returns is a summary of the model's thinking
 * @param askForSummary whether the request must ask for summarized thinking because the model omits it by default
 *                      (Anthropic's {@code display: "summarized"} on Opus 4.7+ and Claude 5)
 * @param tokensDeprecated whether the token budget still works but is deprecated in favour of effort levels
 * @param knob the knob in words, for tooltips and messages
 * @param source where these facts were read, and when
 */
public record HostedModel(String engine, String pattern, String name, TokenRange tokens, List<String> efforts,
                          boolean canTurnOff, Integer maxOutput, boolean summarizedThinking, boolean askForSummary,
                          boolean tokensDeprecated, String knob, String source) {

    /** A thinking-token budget from {@code min} to {@code max} tokens, both included. */
    public record TokenRange(int min, int max) {
        public TokenRange {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("token range must have 0 <= min <= max, was " + min + ".." + max);
            }
        }

        public boolean contains(int tokens) {
            return tokens >= min && tokens <= max;
        }

        /** e.g. {@code 1,024 to 63,999}. */
        public String words() {
            return String.format("%,d to %,d", min, max);
        }
    }

    public HostedModel {
        efforts = List.copyOf(efforts);
        knob = knob == null ? "" : knob;
        source = source == null ? "" : source;
    }

    /** Whether this row is about {@code model}: the same name, or a name that starts with the prefix. */
    public boolean matches(String model) {
        return pattern.endsWith("*") ? model.startsWith(pattern.substring(0, pattern.length() - 1))
                : model.equals(pattern);
    }

    /** Whether it takes effort levels. */
    public boolean takesEffort() {
        return !efforts.isEmpty();
    }

    /** Whether it takes a thinking-token budget. */
    public boolean takesTokens() {
        return tokens != null;
    }

    /** The effort levels as a budget spec would name them, e.g. {@code effort:low|medium|high}. */
    public String effortSpec() {
        return "effort:" + String.join("|", efforts);
    }

    /** The token budget as a budget spec would name it, e.g. {@code tokens:N (N from 1,024 to 63,999)}. */
    public String tokenSpec() {
        return tokens == null ? "" : "tokens:N (N from " + tokens.words() + ")";
    }
}
