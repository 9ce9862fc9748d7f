package dev.thinkbench.engine.compat;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * How a thinking budget reads on an OpenAI-compatible chat API:
 * <ul>
 *   <li>{@code effort:LEVEL}: {@code reasoning_effort=LEVEL} (wire name). What a level means is the server's
 *       business: DeepSeek takes low/high/max, OpenAI minimal to xhigh; llama.cpp and vLLM hand it to the chat
 *       template. A level the server does not know comes back as a 400 with its message.</li>
 *   <li>{@code tokens:N}: {@code max_tokens=N}. These servers have no thinking-only budget; N caps thinking and answer
 *       together. {@code max_tokens} rather than {@code max_completion_tokens} because it is the one llama.cpp
 *       server, vLLM, LM Studio and DeepSeek all honour (OpenAI's own reasoning models want the other).</li>
 *   <li>{@code none}: {@code chat_template_kwargs={"enable_thinking":false}}, which llama.cpp server and vLLM pass to
 *       Qwen3-style templates; other servers may ignore it (and think anyway) or reject it. The sampling's answer
 *       cap, if any, becomes {@code max_tokens}.</li>
 *   <li>forcing: not here (needs raw continuation).</li>
 * </ul>
 * The answer cap of {@link Sampling} is not sent while thinking is on, because {@code max_tokens} would cut the
 * thinking too.
 */
final class CompatBudgets {

    /** What the server is asked for; null fields are not sent. */
    record Plan(String reasoningEffort, Integer maxTokens, Map<String, Object> extraParameters) {
    }

    static final EngineCapabilities CAPABILITIES = new EngineCapabilities(
            Set.of(Budget.Kind.NONE, Budget.Kind.EFFORT, Budget.Kind.TOKENS),
            Arrays.asList(EffortLevel.values()),
            true, true, false);

    private static final Map<String, Object> THINKING_OFF = Map.of("chat_template_kwargs",
            Map.of("enable_thinking", false));

    private CompatBudgets() {
    }

    /** @throws IllegalArgumentException for a forcing budget */
    static Plan plan(Budget budget, Sampling sampling) {
        return switch (budget) {
            case Budget.None _ -> new Plan(null, sampling.maxAnswerTokens(), THINKING_OFF);
            case Budget.Effort e -> new Plan(e.level().wireName(), null, Map.of());
            case Budget.Tokens t -> new Plan(null, t.maxThinkingTokens(), Map.of());
            case Budget.Forcing f -> throw new IllegalArgumentException(CAPABILITIES.whyUnsupported(f));
        };
    }

    static Worded meaning(Budget budget) {
        return switch (budget) {
            case Budget.None _ -> Worded.of(ChatBudgetMeaning.COMPAT_OFF);
            case Budget.Effort e -> Worded.of(ChatBudgetMeaning.COMPAT_EFFORT, e.level().wireName());
            case Budget.Tokens t -> Worded.of(ChatBudgetMeaning.COMPAT_TOKENS, t.maxThinkingTokens());
            case Budget.Forcing f -> Worded.of(ChatBudgetMeaning.NOT_SUPPORTED, CAPABILITIES.whyUnsupported(f));
        };
    }
}
