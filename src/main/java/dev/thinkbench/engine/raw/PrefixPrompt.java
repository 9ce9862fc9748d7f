package dev.thinkbench.engine.raw;

import dev.thinkbench.core.SpecialTokens;

/**
 * A raw single-turn prompt taken apart into chat messages, for backends that take messages rather than text
 * (DeepSeek prefix completion). Understands the two layouts whose markers are fixed: ChatML with {@code <think>}
 * ({@code chatml-think}) and DeepSeek-R1 ({@code deepseek-r1}). User text escaped by {@link SpecialTokens} is
 * unescaped again, since here it travels as JSON, not as tokens.
 *
 * @param system the system prompt, empty for none
 * @param user the user's prompt
 * @param reasoning the thinking so far (after the start marker)
 * @param thinkingClosed whether the prompt already closed thinking ({@code </think>} present)
 * @param content the answer so far after the end of thinking (e.g. {@code Final Answer:}), leading newlines removed
 * @param closing what the layout writes between thinking and answer, e.g. {@code </think>\n}
 */
record PrefixPrompt(String system, String user, String reasoning, boolean thinkingClosed, String content,
                    String closing) {

    private static final String END = "</think>";

    /** @throws IllegalArgumentException when the prompt follows neither layout */
    static PrefixPrompt parse(String prompt) {
        if (prompt.contains("<|im_start|>assistant\n")) {
            return parseChatMl(prompt);
        }
        if (prompt.contains("<\uFF5CAssistant\uFF5C>")) {
            return parseR1(prompt);
        }
        throw new IllegalArgumentException("deepseek-prefix needs a prompt built with the chatml-think or deepseek-r1 "
                + "template; this one has neither '<|im_start|>assistant' nor '<\uFF5CAssistant\uFF5C>'");
    }

    private static PrefixPrompt parseChatMl(String prompt) {
        String system = "";
        String rest = prompt;
        if (rest.startsWith("<|im_start|>system\n")) {
            int end = rest.indexOf("<|im_end|>");
            system = rest.substring("<|im_start|>system\n".length(), end);
            rest = rest.substring(end + "<|im_end|>".length()).stripLeading();
        }
        if (!rest.startsWith("<|im_start|>user\n")) {
            throw new IllegalArgumentException("chatml prompt has no user turn");
        }
        int userEnd = rest.indexOf("<|im_end|>");
        String user = rest.substring("<|im_start|>user\n".length(), userEnd);
        String after = rest.substring(rest.indexOf("<|im_start|>assistant\n") + "<|im_start|>assistant\n".length());
        return assistant(system, user, after, END + "\n");
    }

    private static PrefixPrompt parseR1(String prompt) {
        int userAt = prompt.indexOf("<\uFF5CUser\uFF5C>");
        int assistantAt = prompt.indexOf("<\uFF5CAssistant\uFF5C>");
        if (userAt < 0 || assistantAt < userAt) {
            throw new IllegalArgumentException("deepseek-r1 prompt has no user turn before the assistant turn");
        }
        String system = prompt.substring(0, userAt).replace("<\uFF5Cbegin\u2581of\u2581sentence\uFF5C>", "");
        String user = prompt.substring(userAt + "<\uFF5CUser\uFF5C>".length(), assistantAt);
        String after = prompt.substring(assistantAt + "<\uFF5CAssistant\uFF5C>".length());
        return assistant(system, user, after, END + "\n\n");
    }

    private static PrefixPrompt assistant(String system, String user, String after, String closing) {
        String body = after.startsWith("<think>") ? after.substring("<think>".length()) : after;
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        int end = body.indexOf(END);
        String reasoning = end < 0 ? body : body.substring(0, end);
        String content = end < 0 ? "" : body.substring(end + END.length()).stripLeading();
        return new PrefixPrompt(SpecialTokens.unescape(system.strip()), SpecialTokens.unescape(user),
                SpecialTokens.unescape(reasoning), end >= 0, SpecialTokens.unescape(content), closing);
    }
}
