package dev.thinkbench.forcing;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.StopStringMatcher;

/**
 * One continuation whose stop strings and token cap hold even when the server ignores them: the text is watched for
 * the stop strings and the tokens are counted here, and the call is cancelled as soon as either is reached. Text
 * after a stop string never reaches the listener. Runs on the calling thread.
 */
final class GuardedStep {

    /** What the guard had to do itself. */
    enum Guard {
        /** Nothing: the server stopped by itself. */
        NONE,
        /** The server went past a stop string; the text was cut there. */
        CUT_AT_STOP,
        /** The server went past the token cap; the text was cut there. */
        CUT_AT_CAP
    }

    /**
     * A guarded continuation's outcome.
     *
     * @param text the text, cut before any stop string
     * @param tokens tokens generated (the server's count when it ended by itself, else counted here)
     * @param promptTokens the prompt's size as the server reported it, null if not
     * @param promptTokensEvaluated the prompt tokens the server evaluated (cache misses), null if not reported
     */
    record Outcome(String text, int tokens, CompletionResult.Stop stop, String stoppingWord, Integer promptTokens,
                   Integer promptTokensEvaluated, long startNanos, long endNanos, Guard guard) {
    }

    private GuardedStep() {
    }

    static Outcome run(CompletionBackend backend, CompletionRequest request, CompletionListener listener,
                       CancelToken cancel) throws EngineException {
        CancelToken call = new CancelToken();
        cancel.onCancel(call::cancel);
        Watcher watcher = new Watcher(request, listener, call);
        long start = System.nanoTime();
        CompletionResult r = backend.complete(request, watcher, call);
        long end = System.nanoTime();
        if (watcher.guard != Guard.NONE) {
            CompletionResult.Stop stop = watcher.guard == Guard.CUT_AT_STOP ? CompletionResult.Stop.STOP_STRING
                    : CompletionResult.Stop.LENGTH;
            String word = watcher.guard == Guard.CUT_AT_STOP ? watcher.matcher.matched() : "";
            return new Outcome(watcher.text.toString(), watcher.counted, stop, word, r.promptTokens(),
                    r.promptTokensEvaluated(), start, end, watcher.guard);
        }
        if (cancel.isCancelled() || r.stop() == CompletionResult.Stop.CANCELLED) {
            watcher.release();
            return new Outcome(watcher.text.toString(), Math.max(r.tokens(), watcher.counted),
                    CompletionResult.Stop.CANCELLED, "", r.promptTokens(), r.promptTokensEvaluated(), start, end,
                    Guard.NONE);
        }
        watcher.release();
        // Servers differ in whether the stop string's token comes as a chunk; the step's count is what they report,
        // so the deltas are topped up to it and every backend records the same tokens for the same continuation.
        watcher.topUp(r.tokens());
        return new Outcome(watcher.text.toString(), r.tokens(), r.stop(), r.stoppingWord(), r.promptTokens(),
                r.promptTokensEvaluated(), start, end, Guard.NONE);
    }

    /** Sits between the backend and the listener: matches stop strings and counts tokens. */
    private static final class Watcher implements CompletionListener {
        private final StopStringMatcher matcher;
        private final CompletionListener downstream;
        private final CancelToken call;
        private final int cap;
        private final StringBuilder text = new StringBuilder();
        private int counted;
        private int pendingTokens;
        private Guard guard = Guard.NONE;

        Watcher(CompletionRequest request, CompletionListener downstream, CancelToken call) {
            this.matcher = new StopStringMatcher(request.stop());
            this.downstream = downstream;
            this.call = call;
            this.cap = request.maxTokens();
        }

        /** Token probabilities pass through until the guard cuts the text. */
        @Override
        public void onTokens(java.util.List<dev.thinkbench.engine.TokenLogprob> tokens) {
            if (guard == Guard.NONE) {
                downstream.onTokens(tokens);
            }
        }

        @Override
        public void onText(String piece, int tokens) {
            if (guard != Guard.NONE) {
                return;
            }
            // A piece with an unknown count is at least one token for the cap.
            int n = tokens > 0 ? tokens : piece.isEmpty() ? 0 : 1;
            if (n > 0 && counted + n > cap) {
                // The server went past the cap: this piece is beyond the budget and is dropped.
                guard = Guard.CUT_AT_CAP;
                pass(matcher.flush(), true);
                call.cancel();
                return;
            }
            counted += n;
            pendingTokens += tokens;
            pass(matcher.feed(piece));
            if (matcher.matched() != null) {
                guard = Guard.CUT_AT_STOP;
                pass("", true);
                call.cancel();
            }
        }

        @Override
        public void onRetryWait(java.time.Duration wait, String reason) {
            downstream.onRetryWait(wait, reason);
        }

        private void pass(String safe) {
            pass(safe, false);
        }

        private void pass(String safe, boolean withAllTokens) {
            if (safe.isEmpty() && !(withAllTokens && pendingTokens > 0)) {
                return;
            }
            text.append(safe);
            downstream.onText(safe, pendingTokens);
            pendingTokens = 0;
        }

        /** Passes on, as tokens without text, what the backend counted beyond what reached the listener. */
        void topUp(int reported) {
            if (reported > counted) {
                downstream.onText("", reported - counted);
                counted = reported;
            }
        }

        /** At the natural end: text held back as a possible stop string was not one. */
        void release() {
            pass(matcher.flush(), true);
        }
    }
}
