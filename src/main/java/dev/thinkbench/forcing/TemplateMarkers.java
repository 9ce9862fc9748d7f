package dev.thinkbench.forcing;

/**
 * The thinking markers of a template whose prompt comes from Jinja (a custom file or the model's own template).
 *
 * @param thinkingStart appended after the rendered generation prompt unless it already ends with it
 * @param thinkingEnd the stop string that ends thinking
 * @param answerOpening appended to end thinking
 * @param endOfTurn the stop string that ends the answer
 */
public record TemplateMarkers(String thinkingStart, String thinkingEnd, String answerOpening, String endOfTurn) {

    /** {@code <think>} ... {@code </think>} with ChatML's end of turn: R1 distills, QwQ, Qwen3. */
    public static final TemplateMarkers THINK = new TemplateMarkers("<think>\n", "</think>", "</think>\n",
            "<|im_end|>");

    public TemplateMarkers {
        if (thinkingEnd == null || thinkingEnd.isEmpty()) {
            throw new IllegalArgumentException("a template needs an end-of-thinking marker such as </think>");
        }
        if (endOfTurn == null || endOfTurn.isEmpty()) {
            throw new IllegalArgumentException("a template needs an end-of-turn marker such as <|im_end|>");
        }
        thinkingStart = thinkingStart == null ? "" : thinkingStart;
        answerOpening = answerOpening == null || answerOpening.isEmpty() ? thinkingEnd + "\n" : answerOpening;
    }

    /** These markers with another end of thinking (the answer then opens with it and a newline). */
    public TemplateMarkers withThinkingEnd(String end) {
        return new TemplateMarkers(thinkingStart, end, end + "\n", endOfTurn);
    }

    public TemplateMarkers withEndOfTurn(String eot) {
        return new TemplateMarkers(thinkingStart, thinkingEnd, answerOpening, eot);
    }
}
