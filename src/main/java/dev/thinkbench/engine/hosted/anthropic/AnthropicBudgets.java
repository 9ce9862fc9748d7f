package dev.thinkbench.engine.hosted.anthropic;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.hosted.HostedModel;
import dev.thinkbench.engine.hosted.ModelKnobs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a thinking budget reads on Anthropic's Messages API:
 * <ul>
 *   <li>{@code tokens:N}: manual thinking, {@code thinking: {type: "enabled", budget_tokens: N}} (at least 1,024; a
 *       target rather than a strict limit), with {@code max_tokens} set above it so the answer has room (max_tokens
 *       covers thinking and answer). Only models that take manual thinking (Claude 4.5 and older; deprecated on 4.6;
 *       a 400 on Opus 4.7+ and Claude 5).</li>
 *   <li>{@code effort:LEVEL}: adaptive thinking, {@code thinking: {type: "adaptive"}} with
 *       {@code output_config: {effort: LEVEL}} (low, medium, high, xhigh, max; Claude 4.6 and later). The model decides
 *       how long to think, up to that effort.</li>
 *   <li>{@code none}: no thinking block; {@code max_tokens} caps the answer.</li>
 * </ul>
 * Where a model omits its thinking by default (Opus 4.7+, Claude 5), {@code display: "summarized"} is asked for, so
 * the column shows the summary. Thinking is billed as output tokens and is not reported apart.
 */
final class AnthropicBudgets {

    /** What the API is asked for; null fields are not sent. */
    record Plan(String thinkingType, Integer budgetTokens, String display, int maxTokens,
                Map<String, Object> customParameters) {
    }

    static final EngineCapabilities CAPABILITIES = new EngineCapabilities(
            Set.of(Budget.Kind.NONE, Budget.Kind.TOKENS, Budget.Kind.EFFORT),
            List.of(EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH, EffortLevel.XHIGH, EffortLevel.MAX),
            true, false, false, false);

    /** Anthropic's smallest thinking budget. */
    static final int MIN_BUDGET = 1024;
    /** max_tokens for a model the table does not know: every Claude 4 model takes at least this many. */
    static final int DEFAULT_MAX_OUTPUT = 32_000;
    /** Room for the answer above the thinking budget, unless the sampling's answer cap says otherwise. */
    static final int DEFAULT_ANSWER_ROOM = 8_192;

    private AnthropicBudgets() {
    }

    /** Null when the run can be sent, else why not and what to use instead. */
    static String whyUnsupported(RunSpec spec, Optional<HostedModel> row) {
        Budget budget = spec.budget();
        String fromCapabilities = CAPABILITIES.whyUnsupported(budget);
        if (fromCapabilities != null) {
            return budget instanceof Budget.Effort e && e.level() == EffortLevel.NONE
                    ? "Anthropic has no effort 'none'; use the budget none to switch thinking off" : fromCapabilities;
        }
        if (row.isPresent()) {
            String knob = ModelKnobs.whyUnsupported(row.get(), budget, null);
            if (knob != null) {
                return knob;
            }
        }
        int maxOutput = maxOutput(row);
        if (budget instanceof Budget.Tokens t) {
            if (t.maxThinkingTokens() < MIN_BUDGET) {
                return String.format("Anthropic's smallest thinking budget is %,d tokens; use tokens:%d or more",
                        MIN_BUDGET, MIN_BUDGET);
            }
            if (t.maxThinkingTokens() >= maxOutput) {
                return String.format("budget_tokens must stay below max_tokens, at most %,d here; use a smaller "
                        + "budget", maxOutput - 1);
            }
        }
        return budget instanceof Budget.None ? null : samplingWithThinking(spec.sampling());
    }

    /**
     * Anthropic refuses temperature and top_k changes with thinking on, and top_p outside 0.95 to 1. A temperature is
     * left out of a thinking run instead (its capabilities say so, and the window says so beside the field): every
     * column failed for a temperature the user had set on another engine.
     */
    private static String samplingWithThinking(Sampling s) {
        if (s.topP() != null && s.topP() < 0.95) {
            return "Anthropic takes top-p only from 0.95 to 1 while thinking; leave it unset, or use the budget none";
        }
        return null;
    }

    /** @throws IllegalArgumentException for a budget {@link #whyUnsupported} refuses */
    static Plan plan(RunSpec spec, Optional<HostedModel> row) {
        int maxOutput = maxOutput(row);
        Integer cap = spec.sampling().maxAnswerTokens();
        int answerRoom = cap != null ? cap : DEFAULT_ANSWER_ROOM;
        String display = row.map(HostedModel::askForSummary).orElse(false) ? "summarized" : null;
        return switch (spec.budget()) {
            case Budget.None n -> new Plan(null, null, null, Math.min(answerRoom, maxOutput), Map.of());
            case Budget.Tokens t -> new Plan("enabled", t.maxThinkingTokens(), display,
                    (int) Math.min((long) t.maxThinkingTokens() + answerRoom, maxOutput), Map.of());
            case Budget.Effort e -> new Plan("adaptive", null, display, maxOutput,
                    Map.of("output_config", Map.of("effort", e.level().wireName())));
            case Budget.Forcing f -> throw new IllegalArgumentException(CAPABILITIES.whyUnsupported(f));
        };
    }

    private static int maxOutput(Optional<HostedModel> row) {
        return row.map(HostedModel::maxOutput).filter(m -> m != null && m > 0).orElse(DEFAULT_MAX_OUTPUT);
    }

    static Worded meaning(Budget budget) {
        return switch (budget) {
            case Budget.None n -> Worded.of(ChatBudgetMeaning.ANTHROPIC_OFF);
            case Budget.Tokens t -> Worded.of(ChatBudgetMeaning.ANTHROPIC_TOKENS,
                    String.format(Locale.ROOT, "%,d", t.maxThinkingTokens()));
            case Budget.Effort e -> Worded.of(ChatBudgetMeaning.ANTHROPIC_EFFORT, e.level().wireName());
            case Budget.Forcing f -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, CAPABILITIES.whyUnsupported(f));
        };
    }
}
