package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.CompletionResult;

import java.util.List;

/**
 * One continuation of a forced or stepped run: what opened it, what the model wrote, its tokens and time.
 *
 * @param openedBy the intervention that began this step, null for the first thinking step
 * @param inserted the text appended before the step (a Wait text, the user's insert, the end marker and prefix)
 * @param text what the model wrote in this step (stop strings excluded)
 * @param tokens tokens generated
 * @param cap the token cap this step ran under
 * @param promptTokens the size of the prompt this step continued (everything so far), as the server reported it,
 *                     null if not told; the first thinking step's is the user's templated prompt
 * @param promptTokensEvaluated prompt tokens the server evaluated for it (cache misses), null if not told
 * @param stop why it stopped; null for an edit (nothing generated) or a step that failed
 * @param note why it stopped, for people (e.g. "model ended thinking", "cut at the cap: the server ignored it")
 * @param confidence how sure the model was of each token it wrote in this step, in order (the stop string's tokens
 *                   included), where the engine reports probabilities; empty otherwise
 */
public record StepRecord(Phase phase, InterventionKind openedBy, String inserted, String text, int tokens, int cap,
                         Integer promptTokens, Integer promptTokensEvaluated, CompletionResult.Stop stop, String note,
                         long startNanos, long endNanos, List<TokenProbability> confidence) {

    /** Thinking or answering. */
    public enum Phase { THINKING, ANSWER }

    public StepRecord {
        inserted = inserted == null ? "" : inserted;
        note = note == null ? "" : note;
        confidence = confidence == null ? List.of() : List.copyOf(confidence);
    }

    /** A step without token probabilities. */
    public StepRecord(Phase phase, InterventionKind openedBy, String inserted, String text, int tokens, int cap,
                      Integer promptTokens, Integer promptTokensEvaluated, CompletionResult.Stop stop, String note,
                      long startNanos, long endNanos) {
        this(phase, openedBy, inserted, text, tokens, cap, promptTokens, promptTokensEvaluated, stop, note,
                startNanos, endNanos, List.of());
    }

    /** This step moved to other times (a saved session's, counted from its start). */
    public StepRecord at(long start, long end) {
        return new StepRecord(phase, openedBy, inserted, text, tokens, cap, promptTokens, promptTokensEvaluated, stop,
                note, start, end, confidence);
    }

    public long durationMillis() {
        return Math.max(0, (endNanos - startNanos) / 1_000_000);
    }
}
