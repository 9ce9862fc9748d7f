package dev.thinkbench.engine.hosted.gemini;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.hosted.HostedModel;
import dev.thinkbench.engine.hosted.ModelKnobs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a thinking budget reads on the Gemini API ({@code generationConfig.thinkingConfig}):
 * <ul>
 *   <li>{@code tokens:N}: {@code thinkingBudget: N} with {@code includeThoughts: true} (Gemini 2.5; ranges differ per
 *       model, e.g. 128 to 32,768 on 2.5 Pro). "The model may overflow or underflow the token budget."</li>
 *   <li>{@code effort:LEVEL}: {@code thinkingLevel: LEVEL} with {@code includeThoughts: true} (Gemini 3.x: minimal,
 *       low, medium, high, depending on the model; 3 Pro only low and high). Never sent together with a
 *       thinkingBudget, which the API refuses.</li>
 *   <li>{@code none}: {@code thinkingBudget: 0} on models that can switch thinking off (2.5 Flash and Flash-Lite);
 *       the sampling's answer cap, if any, becomes {@code maxOutputTokens}.</li>
 * </ul>
 * What streams as thinking is Gemini's thought summary; the thinking tokens come from {@code thoughtsTokenCount},
 * billed as output on top of the answer's {@code candidatesTokenCount}.
 */
final class GeminiBudgets {

    /** What the API is asked for; null fields are not sent. */
    record Plan(Integer thinkingBudget, String thinkingLevel, Boolean includeThoughts, Integer maxOutputTokens) {
    }

    static final EngineCapabilities CAPABILITIES = new EngineCapabilities(
            Set.of(Budget.Kind.NONE, Budget.Kind.TOKENS, Budget.Kind.EFFORT),
            List.of(EffortLevel.MINIMAL, EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH),
            true, true, false);

    private GeminiBudgets() {
    }

    /** Null when the run can be sent, else why not and what to use instead. */
    static String whyUnsupported(RunSpec spec, Optional<HostedModel> row) {
        Budget budget = spec.budget();
        String fromCapabilities = CAPABILITIES.whyUnsupported(budget);
        if (fromCapabilities != null) {
            return budget instanceof Budget.Effort e && e.level() == EffortLevel.NONE
                    ? "Gemini has no thinking level 'none'; use the budget none where the model can switch thinking off"
                    : fromCapabilities;
        }
        return row.map(m -> ModelKnobs.whyUnsupported(m, budget, null)).orElse(null);
    }

    /** @throws IllegalArgumentException for a budget {@link #whyUnsupported} refuses */
    static Plan plan(RunSpec spec) {
        return switch (spec.budget()) {
            case Budget.None n -> new Plan(0, null, null, spec.sampling().maxAnswerTokens());
            case Budget.Tokens t -> new Plan(t.maxThinkingTokens(), null, true, null);
            case Budget.Effort e -> new Plan(null, e.level().wireName(), true, null);
            case Budget.Forcing f -> throw new IllegalArgumentException(CAPABILITIES.whyUnsupported(f));
        };
    }

    static Worded meaning(Budget budget) {
        return switch (budget) {
            case Budget.None n -> Worded.of(ChatBudgetMeaning.GEMINI_OFF);
            case Budget.Tokens t -> Worded.of(ChatBudgetMeaning.GEMINI_TOKENS,
                    String.format(Locale.ROOT, "%,d", t.maxThinkingTokens()));
            case Budget.Effort e -> Worded.of(ChatBudgetMeaning.GEMINI_EFFORT, e.level().wireName());
            case Budget.Forcing f -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, CAPABILITIES.whyUnsupported(f));
        };
    }
}
