package dev.thinkbench.engine;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.EnglishWording;
import dev.thinkbench.core.Worded;

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
 * @param temperatureWhileThinking whether a temperature is sent with thinking on; false where the provider sets its
 *                                 own then (Anthropic): the engine leaves the temperature out of a thinking run
 *                                 rather than fail it, and the window says so beside the field
 */
public record EngineCapabilities(Set<Budget.Kind> budgetKinds, List<EffortLevel> effortLevels,
                                 boolean visibleThinking, boolean reportsThinkingTokens, boolean rawContinuation,
                                 boolean temperatureWhileThinking) {

    public EngineCapabilities {
        budgetKinds = Set.copyOf(budgetKinds);
        effortLevels = List.copyOf(effortLevels);
    }

    /** An engine that takes a temperature while thinking, as most do. */
    public EngineCapabilities(Set<Budget.Kind> budgetKinds, List<EffortLevel> effortLevels, boolean visibleThinking,
                              boolean reportsThinkingTokens, boolean rawContinuation) {
        this(budgetKinds, effortLevels, visibleThinking, reportsThinkingTokens, rawContinuation, true);
    }

    /** What an engine cannot do with a budget, with the English wording. */
    public enum Unsupported implements EnglishWording {
        NO_OFF("this engine cannot switch thinking off"),
        NO_TOKENS("this engine has no thinking-token budget; use an effort level"),
        NO_EFFORT("this engine has no effort levels"),
        NO_FORCING("budget forcing needs a raw-continuation engine (built-in, llama.cpp server, vLLM completions, "
                + "Ollama raw, DeepSeek prefix)"),
        EFFORT_NOT_OFFERED("effort ''{0}'' is not offered here; use one of {1}");

        private final String english;

        Unsupported(String english) {
            this.english = english;
        }

        @Override
        public String english() {
            return english;
        }
    }

    /** Null when the budget is supported, else the reason it is not, in English (the command line's words). */
    public String whyUnsupported(Budget budget) {
        Worded why = unsupported(budget);
        return why == null ? null : why.english();
    }

    /** Null when the budget is supported, else why not, for a window to word in its language. */
    public Worded unsupported(Budget budget) {
        if (!budgetKinds.contains(budget.kind())) {
            return Worded.of(switch (budget.kind()) {
                case NONE -> Unsupported.NO_OFF;
                case TOKENS -> Unsupported.NO_TOKENS;
                case EFFORT -> Unsupported.NO_EFFORT;
                case FORCING -> Unsupported.NO_FORCING;
            });
        }
        if (budget instanceof Budget.Effort e && !effortLevels.contains(e.level())) {
            return Worded.of(Unsupported.EFFORT_NOT_OFFERED, e.level().wireName(),
                    effortLevels.stream().map(EffortLevel::wireName).toList());
        }
        return null;
    }
}
