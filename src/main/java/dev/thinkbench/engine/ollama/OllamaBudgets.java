package dev.thinkbench.engine.ollama;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;

import java.util.List;
import java.util.Set;

/**
 * How a thinking budget reads on Ollama's chat API through langchain4j 1.18.1, whose {@code think} is on/off only:
 * <ul>
 *   <li>{@code none}: {@code think=false}; the sampling's answer cap, if any, becomes {@code num_predict}.</li>
 *   <li>{@code effort:LEVEL}: {@code think=true}. The level itself cannot be sent (Ollama takes "low/medium/high" for
 *       some models, langchain4j only a Boolean), so every level means the same here; {@code effort:none} means
 *       {@code think=false}.</li>
 *   <li>{@code tokens:N}: {@code think=true, num_predict=N}. Ollama has no thinking-only budget; N caps thinking and
 *       answer together, so a long thought can leave no room for the answer.</li>
 *   <li>forcing: not here (needs raw continuation).</li>
 * </ul>
 * The answer cap of {@link Sampling} is not sent while thinking is on, because {@code num_predict} would cut the
 * thinking too.
 */
final class OllamaBudgets {

    /** What Ollama is asked for: the {@code think} flag and the output cap (null for none). */
    record Plan(boolean think, Integer numPredict) {
    }

    static final EngineCapabilities CAPABILITIES = new EngineCapabilities(
            Set.of(Budget.Kind.NONE, Budget.Kind.EFFORT, Budget.Kind.TOKENS),
            List.of(EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH),
            true, false, false);

    private OllamaBudgets() {
    }

    /** @throws IllegalArgumentException for a forcing budget */
    static Plan plan(Budget budget, Sampling sampling) {
        return switch (budget) {
            case Budget.None _ -> new Plan(false, sampling.maxAnswerTokens());
            case Budget.Effort e when e.level() == EffortLevel.NONE -> new Plan(false, sampling.maxAnswerTokens());
            case Budget.Effort _ -> new Plan(true, null);
            case Budget.Tokens t -> new Plan(true, t.maxThinkingTokens());
            case Budget.Forcing f -> throw new IllegalArgumentException(CAPABILITIES.whyUnsupported(f));
        };
    }

    static Worded meaning(Budget budget) {
        return switch (budget) {
            case Budget.None _ -> Worded.of(ChatBudgetMeaning.OLLAMA_OFF);
            case Budget.Effort e when e.level() == EffortLevel.NONE -> Worded.of(ChatBudgetMeaning.OLLAMA_OFF);
            case Budget.Effort e -> Worded.of(ChatBudgetMeaning.OLLAMA_EFFORT, e.level().wireName());
            case Budget.Tokens t -> Worded.of(ChatBudgetMeaning.OLLAMA_TOKENS, t.maxThinkingTokens());
            case Budget.Forcing f -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, CAPABILITIES.whyUnsupported(f));
        };
    }
}
