package dev.thinkbench.engine.hosted.openai;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.hosted.HostedModel;
import dev.thinkbench.engine.hosted.ModelKnobs;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a thinking budget reads on OpenAI's Responses API:
 * <ul>
 *   <li>{@code effort:LEVEL}: {@code reasoning: {effort: LEVEL, summary: "auto"}}. Which levels a model takes differs
 *       (none from GPT-5.1 on, minimal before it, xhigh on the newest), and on the newest models the effort is a
 *       ceiling: the model may use fewer reasoning tokens, even none.</li>
 *   <li>{@code none}: {@code reasoning.effort: "none"} on models that can skip reasoning; the sampling's answer cap,
 *       if any, becomes {@code max_output_tokens}.</li>
 *   <li>{@code tokens:N}: not offered. OpenAI has no thinking-token budget, and {@code max_output_tokens} would cap
 *       thinking and answer together.</li>
 * </ul>
 * Reasoning itself is never shown by OpenAI: the column streams the reasoning summary, and the reasoning tokens come
 * from the final usage.
 *
 * <p>Sampling: OpenAI's reasoning models refuse {@code temperature} and {@code top_p} while they reason (HTTP 400
 * "Unsupported parameter"; GPT-5.1 and later take them only with effort none). A temperature is left out of a
 * reasoning run instead (the capabilities say so, and the window says so beside the field), as on Anthropic; a top-p
 * fails the run before anything is sent, saying how to go on.
 */
final class ResponsesBudgets {

    /** What the API is asked for; null fields are not sent. */
    record Plan(String effort, String summary, Integer maxOutputTokens) {

        /** Whether the model reasons in this run, so that it takes no temperature or top-p. */
        boolean reasons() {
            return !NO_REASONING.equals(effort);
        }
    }

    /** The effort that skips reasoning. */
    private static final String NO_REASONING = "none";

    static final EngineCapabilities CAPABILITIES = new EngineCapabilities(
            Set.of(Budget.Kind.NONE, Budget.Kind.EFFORT),
            List.of(EffortLevel.NONE, EffortLevel.MINIMAL, EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH,
                    EffortLevel.XHIGH),
            true, true, false, false);

    private ResponsesBudgets() {
    }

    /** Null when the run can be sent, else why not and what to use instead. */
    static String whyUnsupported(RunSpec spec, Optional<HostedModel> row) {
        Budget budget = spec.budget();
        if (budget instanceof Budget.Tokens) {
            return "OpenAI has no thinking-token budget (max_output_tokens would cap thinking and answer together); "
                    + "use " + row.map(ModelKnobs::alternatives).orElse("effort:low|medium|high");
        }
        String fromCapabilities = CAPABILITIES.whyUnsupported(budget);
        if (fromCapabilities != null) {
            return fromCapabilities;
        }
        String knob = row.map(m -> ModelKnobs.whyUnsupported(m, budget, null)).orElse(null);
        if (knob != null) {
            return knob;
        }
        return spec.sampling().topP() != null && plan(spec).reasons()
                ? "OpenAI's reasoning models take no top-p while they reason; leave it unset, or use the budget none"
                : null;
    }

    /** @throws IllegalArgumentException for a budget {@link #whyUnsupported} refuses */
    static Plan plan(RunSpec spec) {
        return switch (spec.budget()) {
            case Budget.None n -> new Plan(NO_REASONING, null, spec.sampling().maxAnswerTokens());
            case Budget.Effort e when e.level() == EffortLevel.NONE ->
                    new Plan(NO_REASONING, null, spec.sampling().maxAnswerTokens());
            case Budget.Effort e -> new Plan(e.level().wireName(), "auto", null);
            case Budget.Tokens t -> throw new IllegalArgumentException("OpenAI has no thinking-token budget");
            case Budget.Forcing f -> throw new IllegalArgumentException(CAPABILITIES.whyUnsupported(f));
        };
    }

    static Worded meaning(Budget budget) {
        return switch (budget) {
            case Budget.None n -> Worded.of(ChatBudgetMeaning.OPENAI_OFF);
            case Budget.Effort e when e.level() == EffortLevel.NONE -> Worded.of(ChatBudgetMeaning.OPENAI_OFF);
            case Budget.Effort e -> Worded.of(ChatBudgetMeaning.OPENAI_EFFORT, e.level().wireName());
            case Budget.Tokens t -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED,
                    "OpenAI has no thinking-token budget; use an effort level");
            case Budget.Forcing f -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, CAPABILITIES.whyUnsupported(f));
        };
    }
}
