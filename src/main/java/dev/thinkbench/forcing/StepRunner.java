package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.EngineException;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Runs the two kinds of continuation budget forcing needs, guarded ({@link GuardedStep}): thinking, which stops at
 * the end-of-thinking marker or the end of turn, and the answer, which stops at the end of turn. Shared by the
 * automatic forcer and the stepper; blocks the calling thread.
 */
final class StepRunner {

    private final CompletionBackend backend;
    private final ChatTemplate template;
    private final Sampling sampling;
    private final boolean reuseGreedyPicks;

    /** @param reuseGreedyPicks see {@link dev.thinkbench.core.RunSpec#reuseGreedyPicks} */
    StepRunner(CompletionBackend backend, ChatTemplate template, Sampling sampling, boolean reuseGreedyPicks) {
        this.backend = backend;
        this.template = template;
        this.sampling = sampling == null ? Sampling.defaults() : sampling;
        this.reuseGreedyPicks = reuseGreedyPicks;
    }

    ChatTemplate template() {
        return template;
    }

    /** Continues the thinking in {@code sofar} for at most {@code cap} tokens. */
    GuardedStep.Outcome think(String sofar, int cap, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        // s1 stops thinking on both its end marker and the end of turn (a model may skip the marker).
        List<String> stops = List.copyOf(new LinkedHashSet<>(List.of(template.thinkingEnd(), template.endOfTurn())));
        return GuardedStep.run(backend, request(new CompletionRequest(sofar, cap, stops, sampling, true)), listener,
                cancel);
    }

    /** Writes the answer after {@code sofar}, which already ends with the closed thinking. */
    GuardedStep.Outcome answer(String sofar, int cap, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return GuardedStep.run(backend, request(new CompletionRequest(sofar, cap, List.of(template.endOfTurn()),
                sampling, true)), listener, cancel);
    }

    /**
     * Asks for each token's probability and its likeliest alternatives where the backend reports them (the confidence
     * view shows them).
     */
    private CompletionRequest request(CompletionRequest plain) {
        CompletionRequest request = plain.withGreedyPicksReused(reuseGreedyPicks);
        return backend.reportsTokenProbabilities() ? request.withTopLogprobs(TokenConfidences.TOP_LOGPROBS) : request;
    }

    /** The record of a finished step. */
    static StepRecord record(StepRecord.Phase phase, InterventionKind openedBy, String inserted, int cap,
                             GuardedStep.Outcome o) {
        return record(phase, openedBy, inserted, cap, o, List.of());
    }

    /** The record of a finished step, with how sure the model was of each of its tokens. */
    static StepRecord record(StepRecord.Phase phase, InterventionKind openedBy, String inserted, int cap,
                             GuardedStep.Outcome o, List<TokenProbability> confidence) {
        return new StepRecord(phase, openedBy, inserted, o.text(), o.tokens(), cap, o.promptTokens(),
                o.promptTokensEvaluated(), o.stop(), note(phase, o), o.startNanos(), o.endNanos(), confidence);
    }

    /** Why a step ended, in words. */
    static String note(StepRecord.Phase phase, GuardedStep.Outcome o) {
        String who = phase == StepRecord.Phase.THINKING ? "model ended thinking" : "model ended its answer";
        return switch (o.stop()) {
            case STOP_STRING -> o.guard() == GuardedStep.Guard.CUT_AT_STOP
                    ? who + " (" + o.stoppingWord() + "; the server ignored the stop string, cut here)"
                    : who + (o.stoppingWord().isEmpty() ? "" : " (" + o.stoppingWord() + ")");
            case EOS -> phase == StepRecord.Phase.THINKING ? "model ended its turn without closing thinking"
                    : "model ended its answer";
            case LENGTH -> o.guard() == GuardedStep.Guard.CUT_AT_CAP
                    ? "cut at the cap of " + o.tokens() + " tokens (the server ignored the cap)"
                    : "reached the cap of " + o.tokens() + " tokens";
            case CANCELLED -> "stopped by the user";
        };
    }
}
