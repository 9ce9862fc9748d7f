package dev.thinkbench.forcing;

import dev.thinkbench.core.SpecialTokens;

/**
 * A chat template written as fixed text around the system and user prompts (the built-ins).
 *
 * @param systemBefore text before the system prompt (used only when there is one)
 * @param systemAfter text after it
 * @param userBefore text before the user prompt
 * @param userAfter text after it, up to the assistant's turn
 * @param thinkingStart what opens the thinking, e.g. {@code <think>\n}
 */
record MarkupTemplate(String name, String description, String systemBefore, String systemAfter, String userBefore,
                      String userAfter, String thinkingStart, String thinkingEnd, String answerOpening,
                      String endOfTurn) implements ChatTemplate {

    @Override
    public String prompt(String system, String user) {
        StringBuilder b = new StringBuilder();
        if (system != null && !system.isEmpty()) {
            b.append(systemBefore).append(escape(system)).append(systemAfter);
        }
        return b.append(userBefore).append(escape(user)).append(userAfter).append(thinkingStart).toString();
    }

    @Override
    public String escape(String text) {
        return SpecialTokens.escape(text, thinkingStart, thinkingEnd, endOfTurn);
    }
}
