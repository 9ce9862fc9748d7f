package dev.thinkbench.forcing;

/**
 * How a model family lays out a single-turn prompt with thinking, and the markers budget forcing works with.
 * Implementations are immutable and thread-safe; {@link #prompt} never contacts a server.
 */
public interface ChatTemplate {

    /** A short name such as {@code chatml-think}. */
    String name();

    /** One line for people: which models use it. */
    String description();

    /**
     * The prompt up to and including the start of thinking (e.g. ends in {@code <think>\n}). Special tokens in
     * {@code system} and {@code user} are escaped (see {@link dev.thinkbench.core.SpecialTokens}).
     *
     * @param system the system prompt, empty for none
     */
    String prompt(String system, String user);

    /**
     * The user's text inside a prompt this template made with {@code system} ({@link #prompt}), empty when
     * {@code templated} is not such a prompt. A saved stepping session keeps the templated prompt; the Stepper's
     * prompt box shows the user's part, so that Run templates it once, not twice.
     */
    default java.util.Optional<String> userPart(String templated, String system) {
        String marker = "\u0001user\u0001";
        String made = prompt(system == null ? "" : system, marker);
        int at = made.indexOf(marker);
        if (templated == null || at < 0) {
            return java.util.Optional.empty();
        }
        String before = made.substring(0, at);
        String after = made.substring(at + marker.length());
        if (templated.length() < before.length() + after.length() || !templated.startsWith(before)
                || !templated.endsWith(after)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(templated.substring(before.length(), templated.length() - after.length()));
    }

    /** The stop string the model writes to end its thinking, e.g. {@code </think>}. */
    String thinkingEnd();

    /**
     * What is appended after the thinking to open the answer, e.g. {@code </think>\n}; on a forced answer the answer
     * prefix follows it.
     */
    String answerOpening();

    /** The stop string that ends the answer (the end of the assistant's turn), e.g. {@code <|im_end|>}. */
    String endOfTurn();

    /**
     * Every stop string that ends the answer: {@link #endOfTurn()}, and where a family's answer message can end
     * otherwise, those ends too (harmony's final channel ends at {@code <|end|>} as well as {@code <|return|>}), so
     * that no control token shows as answer text. At most four: OpenAI-compatible servers take no more.
     */
    default java.util.List<String> answerStops() {
        return java.util.List.of(endOfTurn());
    }

    /**
     * This template for a run at effort {@code level}: a family that states a reasoning level in its prompt (harmony's
     * {@code Reasoning: low}) states this one; the others are the same for every effort.
     */
    default ChatTemplate forEffort(dev.thinkbench.core.EffortLevel level) {
        return this;
    }

    /** Escapes special tokens in text the user writes into the thinking (Insert..., Edit). */
    String escape(String text);

    /**
     * The text to append to {@code sofar} (prompt and thinking) to end thinking: a newline first if {@code sofar}
     * does not end with one, then {@link #answerOpening()}, then {@code answerPrefix} when forced.
     *
     * @param answerPrefix e.g. {@code Final Answer:}; null or empty for an accepted (not forced) end
     */
    default String closeThinking(String sofar, String answerPrefix) {
        String newline = sofar.isEmpty() || sofar.endsWith("\n") ? "" : "\n";
        return newline + answerOpening() + (answerPrefix == null ? "" : answerPrefix);
    }
}
