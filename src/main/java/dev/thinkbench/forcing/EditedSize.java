package dev.thinkbench.forcing;

/**
 * A quick estimate of an edited trace's size in tokens, shown at once while the model's tokenizer counts it: the old
 * trace's tokens per character applied to the new text (a character vocabulary stays exact, a BPE one close), or
 * about four characters a token when there was no trace to learn from.
 */
final class EditedSize {

    private static final double CHARS_PER_TOKEN = 4.0;

    private EditedSize() {
    }

    static int estimate(String oldText, int oldTokens, String newText) {
        if (newText.isEmpty()) {
            return 0;
        }
        double perChar = oldText.isEmpty() || oldTokens <= 0 ? 1 / CHARS_PER_TOKEN
                : (double) oldTokens / oldText.length();
        return Math.max(1, (int) Math.round(newText.length() * perChar));
    }
}
