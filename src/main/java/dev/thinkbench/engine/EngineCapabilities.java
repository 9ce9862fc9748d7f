package dev.thinkbench.engine;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;

import java.util.List;
import java.util.Set;

/**
 * What an engine can do, so the UI can disable what it cannot and say why.
 *
 * @param budgetKinds the budget kinds the engine honours
 * @param effortLevels the effort levels it accepts (empty unless EFFORT is supported)
 * @param visibleThinking whether thinking text is streamed (not only counted)
 * @param reportsThinkingTokens whether the server reports thinking tokens separately
 * @param rawContinuation whether the engine can continue a raw prompt (true budget forcing)
 */
public record EngineCapabilities(Set<Budget.Kind> budgetKinds, List<EffortLevel> effortLevels,
                                 boolean visibleThinking, boolean reportsThinkingTokens, boolean rawContinuation) {

    public EngineCapabilities {
        budgetKinds = Set.copyOf(budgetKinds);
        effortLevels = List.copyOf(effortLevels);
    }

    /** Null when the budget is supported, else the reason it is not, fit to show the user. */
    public String whyUnsupported(Budget budget) {
        if (!budgetKinds.contains(budget.kind())) {
            return switch (budget.kind()) {
                case NONE -> "this engine cannot switch thinking off";
                case TOKENS -> "this engine has no thinking-token budget; use an effort level";
                case EFFORT -> "this engine has no effort levels";
                case FORCING -> "budget forcing needs a raw-continuation engine (built-in, llama.cpp server, "
                        + "vLLM completions, Ollama raw, DeepSeek prefix)";
            };
        }
        if (budget instanceof Budget.Effort e && !effortLevels.contains(e.level())) {
            return "effort '" + e.level().wireName() + "' is not offered here; use one of "
                    + effortLevels.stream().map(EffortLevel::wireName).toList();
        }
        return null;
    }
}
