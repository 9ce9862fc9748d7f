package dev.thinkbench.forcing;

/**
 * The room a model's context leaves for thinking: its size less the prompt and thinking so far, less what is kept for
 * closing the thinking and a short answer. Budget forcing caps each thinking step at this room as well as at the
 * budget, so a run whose thinking reaches the end of the context stops thinking there and still answers, instead of
 * failing when the forced answer no longer fits.
 *
 * @param tokens thinking tokens that still fit (0 when none)
 * @param context the context's size in tokens
 * @param keptForAnswer tokens kept for the closing text and the answer
 */
record ContextRoom(int tokens, int context, int keptForAnswer) {

    /** The least kept for the answer where the context allows it: room for a short answer, not just its opening. */
    static final int MIN_ANSWER_ROOM = 64;
    /** The most kept for the answer: a quarter of what is free, up to this (a long answer then ends at this cap). */
    static final int MAX_ANSWER_ROOM = 512;

    /**
     * @param context the context's size
     * @param held the tokens the prompt and thinking so far take in it
     * @param closing the tokens of the text that closes thinking and opens a forced answer
     * @param answerCap the answer's own token cap
     */
    static ContextRoom of(int context, int held, int closing, int answerCap) {
        int free = Math.max(0, context - held);
        int answer = Math.min(Math.max(1, answerCap), Math.clamp(free / 4, MIN_ANSWER_ROOM, MAX_ANSWER_ROOM));
        int kept = Math.min(free, closing + answer);
        return new ContextRoom(free - kept, context, kept);
    }

    /** Whether this room, not the budget's {@code remaining} tokens, is what caps the next thinking step. */
    boolean limits(int remaining) {
        return tokens < remaining;
    }

    /** Why thinking ended here, for the intervention that forces the answer: the context, not the budget. */
    String reason(int thinkingTokens, int budgetCap) {
        return "the model's context of " + context + " tokens, not the budget's cap of " + budgetCap
                + ", ended the thinking at " + thinkingTokens + " tokens: it holds the prompt, the thinking and "
                + keptForAnswer + " tokens kept for the answer (a larger context size lets it think longer)";
    }

    /** A thinking step's note when the room capped it. */
    String stepNote(int tokens) {
        return "reached the end of the context (" + tokens + " tokens fit; " + keptForAnswer
                + " kept for the answer)";
    }
}
