package dev.thinkbench.engine;

/**
 * How a raw continuation ended.
 *
 * @param text everything generated (stop string excluded)
 * @param tokens tokens generated, as reported by the server or counted from stream chunks
 * @param stop why it stopped
 * @param stoppingWord the stop string that matched, empty unless {@code stop == STOP_STRING}
 * @param promptTokens the whole prompt's size in tokens as the server saw it (what a hosted API bills as input),
 *                     whether or not it came from a prompt cache; null if not reported
 * @param promptTokensEvaluated prompt tokens the server actually evaluated (cache misses), null if not reported
 */
public record CompletionResult(String text, int tokens, Stop stop, String stoppingWord, Integer promptTokens,
                               Integer promptTokensEvaluated, long startNanos, long endNanos) {

    /** Why a continuation stopped. */
    public enum Stop {
        /** The model emitted its end-of-sequence token. */
        EOS,
        /** A stop string matched. */
        STOP_STRING,
        /** The token cap was reached. */
        LENGTH,
        CANCELLED
    }
}
