package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionResult;

/**
 * One continuation being received: passes text to the listener, keeps the whole text and a token count, and builds
 * the {@link CompletionResult}. Used on the calling thread only.
 */
final class Continuation {

    private final CompletionListener listener;
    private final StringBuilder text = new StringBuilder();
    private final long startNanos = System.nanoTime();
    private int countedTokens;

    Continuation(CompletionListener listener) {
        this.listener = listener;
    }

    void text(String piece, int tokens) {
        if (piece.isEmpty() && tokens == 0) {
            return;
        }
        text.append(piece);
        countedTokens += tokens;
        listener.onText(piece, tokens);
    }

    /** Tokens counted from the stream so far. */
    int counted() {
        return countedTokens;
    }

    /**
     * @param reportedTokens the server's count of generated tokens, null to use the counted ones
     * @param prompt the whole prompt's tokens, null when the server did not say
     * @param promptEvaluated prompt tokens the server evaluated, null when it did not say
     */
    CompletionResult finish(CompletionResult.Stop stop, String stoppingWord, Integer reportedTokens, Integer prompt,
                            Integer promptEvaluated) {
        int tokens = reportedTokens != null ? reportedTokens : countedTokens;
        return new CompletionResult(text.toString(), tokens, stop, stoppingWord == null ? "" : stoppingWord,
                prompt, promptEvaluated, startNanos, System.nanoTime());
    }

    CompletionResult cancelled() {
        return finish(CompletionResult.Stop.CANCELLED, "", null, null, null);
    }
}
