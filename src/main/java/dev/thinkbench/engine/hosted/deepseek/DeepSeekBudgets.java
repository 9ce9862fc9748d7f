package dev.thinkbench.engine.hosted.deepseek;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.hosted.HostedModel;
import dev.thinkbench.engine.hosted.ModelKnobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a thinking budget reads on DeepSeek's chat API in thinking mode:
 * <ul>
 *   <li>{@code effort:LEVEL}: {@code thinking: {type: "enabled"}} with {@code reasoning_effort} low, high or max.
 *       DeepSeek has three levels, so minimal is sent as low and medium and xhigh as high (DeepSeek maps them the
 *       same way).</li>
 *   <li>{@code none}: {@code thinking: {type: "disabled"}}; the sampling's answer cap, if any, becomes
 *       {@code max_tokens}.</li>
 *   <li>{@code tokens:N}: not offered: DeepSeek has no thinking-token budget ({@code max_tokens} covers thinking and
 *       answer together). To hold its thinking to a budget, use the {@code deepseek-prefix} engine, which forces it
 *       through chat-prefix completion.</li>
 * </ul>
 * The full reasoning streams as {@code reasoning_content}; its tokens come from {@code reasoning_tokens}.
 */
final class DeepSeekBudgets {

    /** What the API is asked for; null fields are not sent. */
    record Plan(String reasoningEffort, Integer maxTokens, Map<String, Object> customParameters) {
    }

    static final EngineCapabilities CAPABILITIES = new EngineCapabilities(
            Set.of(Budget.Kind.NONE, Budget.Kind.EFFORT),
            List.of(EffortLevel.NONE, EffortLevel.MINIMAL, EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH,
                    EffortLevel.XHIGH, EffortLevel.MAX),
            true, true, false);

    private static final String FORCING_ELSEWHERE = "budget forcing on DeepSeek goes through the deepseek-prefix"
            + " engine (chat-prefix completion continues the reasoning); this engine takes none or effort:low|high|max";

    private DeepSeekBudgets() {
    }

    /** DeepSeek's reasoning_effort for a level: low, high or max; null for none. */
    static String wireEffort(EffortLevel level) {
        return switch (level) {
            case NONE -> null;
            case MINIMAL, LOW -> "low";
            case MEDIUM, HIGH, XHIGH -> "high";
            case MAX -> "max";
        };
    }

    /** Null when the run can be sent, else why not and what to use instead. */
    static String whyUnsupported(RunSpec spec, Optional<HostedModel> row) {
        Budget budget = spec.budget();
        if (budget instanceof Budget.Forcing) {
            return FORCING_ELSEWHERE;
        }
        if (budget instanceof Budget.Tokens) {
            return "DeepSeek has no thinking-token budget (max_tokens covers thinking and answer together); use "
                    + row.map(ModelKnobs::alternatives).orElse("none or effort:low|high|max")
                    + ", or the deepseek-prefix engine to force a budget";
        }
        if (budget instanceof Budget.Effort e && e.level() == EffortLevel.NONE) {
            return row.map(m -> ModelKnobs.whyUnsupported(m, new Budget.None(), null)).orElse(null);
        }
        String wire = budget instanceof Budget.Effort e ? wireEffort(e.level()) : null;
        return row.map(m -> ModelKnobs.whyUnsupported(m, budget, wire)).orElse(null);
    }

    /** @throws IllegalArgumentException for a budget {@link #whyUnsupported} refuses */
    static Plan plan(RunSpec spec) {
        Map<String, Object> off = Map.of("thinking", Map.of("type", "disabled"));
        Map<String, Object> on = Map.of("thinking", Map.of("type", "enabled"));
        return switch (spec.budget()) {
            case Budget.None n -> new Plan(null, spec.sampling().maxAnswerTokens(), off);
            case Budget.Effort e when e.level() == EffortLevel.NONE ->
                    new Plan(null, spec.sampling().maxAnswerTokens(), off);
            case Budget.Effort e -> new Plan(wireEffort(e.level()), null, on);
            case Budget.Tokens t -> throw new IllegalArgumentException("DeepSeek has no thinking-token budget");
            case Budget.Forcing f -> throw new IllegalArgumentException(FORCING_ELSEWHERE);
        };
    }

    static Worded meaning(Budget budget) {
        return switch (budget) {
            case Budget.None n -> Worded.of(ChatBudgetMeaning.DEEPSEEK_OFF);
            case Budget.Effort e when e.level() == EffortLevel.NONE -> Worded.of(ChatBudgetMeaning.DEEPSEEK_OFF);
            case Budget.Effort e -> wireEffort(e.level()).equals(e.level().wireName())
                    ? Worded.of(ChatBudgetMeaning.DEEPSEEK_EFFORT, wireEffort(e.level()))
                    : Worded.of(ChatBudgetMeaning.DEEPSEEK_EFFORT_MAPPED, wireEffort(e.level()), e.level().wireName());
            case Budget.Tokens t -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, "DeepSeek has no thinking-token budget;"
                    + " use an effort level, or the deepseek-prefix engine to force a budget");
            case Budget.Forcing f -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, FORCING_ELSEWHERE);
        };
    }
}
