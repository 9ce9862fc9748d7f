package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.TokenCounter;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Runs the two kinds of continuation budget forcing needs, guarded ({@link GuardedStep}): thinking, which stops at
 * the end-of-thinking marker or the end of turn, and the answer, which stops at the end of turn or any other end of
 * the answer's message ({@link ChatTemplate#answerStops()}). Shared by the automatic forcer and the stepper; blocks
 * the calling thread.
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

    /**
     * The room the context leaves for thinking after {@code sofar} where it is less than {@code remaining}, the step's
     * cap by the budget, keeping room to close it with {@code answerPrefix} and answer; empty where the budget's cap
     * comes first, or the backend knows no context size or cannot count tokens (a server's: its own limit then
     * applies). Blocks while the backend counts, which it does only when the context could be the limit.
     */
    java.util.Optional<ContextRoom> room(String sofar, String answerPrefix, int answerCap, int remaining)
            throws EngineException {
        if (!(backend instanceof TokenCounter counter) || backend.contextSize().isEmpty()) {
            return java.util.Optional.empty();
        }
        String closingText = template.closeThinking(sofar, answerPrefix);
        // a token is at least one byte, so the bytes bound the count from above: a step whose budget cap fits even
        // then needs no count (a sweep's thousands of short steps would each wait for two engine round trips)
        long mostHeld = (long) utf8Bytes(sofar) + 1 + utf8Bytes(closingText);
        if (mostHeld + ContextRoom.MAX_ANSWER_ROOM + remaining <= backend.contextSize().getAsInt()) {
            return java.util.Optional.empty();
        }
        // counted first: counting loads the model, after which the engine reports the context it really made
        int held = counter.countTokens(sofar) + 1; // and the BOS token the engine puts before a prompt
        int closing = counter.countTokens(closingText);
        java.util.OptionalInt context = backend.contextSize();
        return context.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(ContextRoom.of(context.getAsInt(), held, closing, answerCap))
                        .filter(r -> r.limits(remaining));
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Writes the answer after {@code sofar}, which already ends with the closed thinking. */
    GuardedStep.Outcome answer(String sofar, int cap, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return GuardedStep.run(backend, request(new CompletionRequest(sofar, cap, template.answerStops(),
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
        return record(phase, openedBy, inserted, cap, o, confidence, null);
    }

    /**
     * The record of a finished step; {@code room}, when it (not the budget) capped the step, says so in the note.
     *
     * @param room the context's room the step ran under, null when it did not cap it
     */
    static StepRecord record(StepRecord.Phase phase, InterventionKind openedBy, String inserted, int cap,
                             GuardedStep.Outcome o, List<TokenProbability> confidence, ContextRoom room) {
        String note = room != null && o.stop() == CompletionResult.Stop.LENGTH
                && o.guard() == GuardedStep.Guard.NONE ? room.stepNote(o.tokens()) : note(phase, o);
        return new StepRecord(phase, openedBy, inserted, o.text(), o.tokens(), cap, o.promptTokens(),
                o.promptTokensEvaluated(), o.stop(), note, o.startNanos(), o.endNanos(), confidence);
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
