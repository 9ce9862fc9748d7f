package dev.thinkbench.engine;

import dev.thinkbench.core.EnglishWording;

/**
 * What a budget means on a chat engine (a server or hosted API that decides itself how long to think), with the
 * English wording: each starts with the wire parameter, the part a window shows under a column in every language,
 * then the explanation. {@link ReasoningEngine#describe} is the English; a window words the same reason itself.
 */
public enum ChatBudgetMeaning implements EnglishWording {
    OLLAMA_OFF("think=false: the model answers without thinking"),
    OLLAMA_EFFORT("think=true: thinking on. Ollama''s chat API is driven as on/off here, so effort ''{0}'' is not sent"
            + " and every level thinks as long as the model likes"),
    OLLAMA_TOKENS("think=true, num_predict={0}: Ollama has no thinking budget, so {0} tokens cap thinking and answer"
            + " together; a long thought can leave no room for the answer"),
    GEMINI_OFF("thinkingBudget=0: thinking off (Gemini 2.5 Flash and Flash-Lite; 2.5 Pro and 3.x always think)"),
    GEMINI_TOKENS("thinkingBudget={0}: Gemini 2.5 (the model may overflow or underflow it; deprecated on 3.x in favour"
            + " of levels). Thought summaries shown; thinking tokens reported and billed as output"),
    GEMINI_EFFORT("thinkingLevel={0}: Gemini 3.x (which levels depends on the model). Thought summaries shown; thinking"
            + " tokens reported and billed as output"),
    ANTHROPIC_OFF("thinking off: no thinking block is requested; max_tokens caps the answer"),
    ANTHROPIC_TOKENS("budget_tokens={0}: manual thinking (a target, not a strict limit; at least 1,024; Claude 4.5 and"
            + " older, deprecated on 4.6, refused by Opus 4.7+ and Claude 5); max_tokens is set above it for the answer."
            + " Thinking is billed as output and shown as a summary"),
    ANTHROPIC_EFFORT("output_config.effort={0}: adaptive thinking, the model decides how long to think, up to that"
            + " effort (Claude 4.6 and later). Thinking is billed as output and shown as a summary"),
    OPENAI_OFF("reasoning.effort=none: no reasoning (GPT-5.1 and later; older models always reason)"),
    OPENAI_EFFORT("reasoning.effort={0}: a ceiling on the newest models, which may reason less, even not at all."
            + " OpenAI shows only a reasoning summary; reasoning tokens are reported and billed as output"),
    COMPAT_OFF("chat_template_kwargs.enable_thinking=false: thinking off (llama.cpp server and vLLM honour it for"
            + " Qwen3-style templates; other servers may ignore or reject it)"),
    COMPAT_EFFORT("reasoning_effort={0}: the server decides how long that is (DeepSeek takes low/high/max; llama.cpp"
            + " and vLLM pass it to the chat template, and a template that does not read it ignores it: every level"
            + " then runs the same; tokens:N caps it there)"),
    COMPAT_TOKENS("max_tokens={0}: caps thinking and answer together (no thinking-only budget on these servers); a"
            + " long thought can leave no room for the answer"),
    DEEPSEEK_OFF("thinking.type=disabled: DeepSeek answers without reasoning"),
    DEEPSEEK_EFFORT("thinking.type=enabled, reasoning_effort={0}: the full reasoning streams; reasoning tokens are"
            + " reported and billed as output"),
    DEEPSEEK_EFFORT_MAPPED("thinking.type=enabled, reasoning_effort={0} (DeepSeek has low, high and max; {1} is sent as"
            + " {0}): the full reasoning streams; reasoning tokens are reported and billed as output"),
    /** A budget the engine cannot run: the window shows why instead ({@link EngineCapabilities#unsupported}). */
    NOT_SUPPORTED("not supported: {0}");

    private final String english;

    ChatBudgetMeaning(String english) {
        this.english = english;
    }

    @Override
    public String english() {
        return english;
    }
}
