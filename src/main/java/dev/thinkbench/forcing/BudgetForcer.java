package dev.thinkbench.forcing;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.TokenLogprob;

import java.util.ArrayList;
import java.util.List;

/**
 * s1 budget forcing, automatic, exactly as s1's harness does it (s1-and-peers.md 1.2). Thinking runs with the end
 * marker as stop string and the remaining budget as cap. When the model stops below the minimum and Waits are left,
 * the marker is dropped, the next Wait text (rotating) is appended, and thinking continues. At the cap, a newline (if
 * needed), the end marker and the answer prefix are appended and the answer is generated; on a natural stop at or
 * above the minimum, the end marker is appended and the model answers. The cap holds even if the server ignores
 * {@code stop} or the cap ({@link GuardedStep}), and every decision is an {@code Intervention} with its reason. Where
 * the backend knows its context size, thinking also stops where the context would leave too little room for the
 * forced answer ({@link ContextRoom}), and the intervention says that the context, not the budget, ended it.
 *
 * <p>Threading: {@link #run} blocks the calling thread and emits every event of the run on it, from
 * {@code Started} to exactly one of {@code Finished}, {@code Cancelled}, {@code Failed}. Never throws for a run's
 * failure. One forcer may serve several runs at once.
 */
public final class BudgetForcer {

    /** The answer's cap when the sampling sets none. */
    public static final int DEFAULT_MAX_ANSWER_TOKENS = 2048;

    private final CompletionBackend backend;
    private final ChatTemplate template;

    public BudgetForcer(CompletionBackend backend, ChatTemplate template) {
        this.backend = backend;
        this.template = template;
    }

    public ForcingOutcome run(ForcingRun run, ReasoningEventSink sink, CancelToken cancel) {
        return new Session(new StepRunner(backend, template, run.sampling(), run.reuseGreedyPicks()), run, sink,
                cancel).run();
    }

    /** One run's mutable state, confined to the calling thread. */
    private static final class Session {
        private final StepRunner steps;
        private final ForcingRun run;
        private final ReasoningEventSink sink;
        private final CancelToken cancel;
        private final String base;
        private final StringBuilder thinking = new StringBuilder();
        private final StringBuilder answer = new StringBuilder();
        private final List<StepRecord> records = new ArrayList<>();
        private int used;
        private boolean sawText;
        private InterventionKind closingKind = InterventionKind.ANSWER_FORCED;

        Session(StepRunner steps, ForcingRun run, ReasoningEventSink sink, CancelToken cancel) {
            this.steps = steps;
            this.run = run;
            this.sink = sink;
            this.cancel = cancel;
            this.base = steps.template().prompt(run.system(), run.prompt());
        }

        ForcingOutcome run() {
            sink.accept(new ReasoningEvent.Started(System.nanoTime(), run.model(), run.budgetSpec()));
            try {
                String closing = run.plan() == null ? forceAtOnce() : think(run.plan());
                if (closing == null) {
                    return end(RunStatus.CANCELLED, null, null);
                }
                return answer(closing);
            } catch (EngineException e) {
                return end(RunStatus.FAILED, e.kind(), e.getMessage(), e.retryAfter().orElse(null));
            } catch (RuntimeException e) {
                return end(RunStatus.FAILED, FailureKind.UNKNOWN, "internal error while forcing: " + e);
            } catch (OutOfMemoryError e) {
                return end(RunStatus.FAILED, FailureKind.UNKNOWN, "Thinkbench ran out of memory while forcing");
            }
        }

        private String forceAtOnce() {
            String closing = steps.template().closeThinking(base, prefix(run.plan()));
            intervene(InterventionKind.ANSWER_FORCED, closing,
                    "thinking is off for this budget: the answer is forced at once");
            return closing;
        }

        /** Thinks under the plan; returns what closes the thinking, or null when cancelled. */
        private String think(ForcingPlan plan) throws EngineException {
            InterventionKind openedBy = null;
            String inserted = "";
            for (int waits = 0; ; ) {
                int remaining = plan.maxThinkingTokens() - used;
                if (remaining <= 0) {
                    return force("thinking reached the cap of " + plan.maxThinkingTokens() + " tokens");
                }
                // the context's end caps thinking too, short of where the forced answer would no longer fit
                ContextRoom room = steps.room(base + thinking, plan.answerPrefix(), run.maxAnswerTokens(), remaining)
                        .orElse(null);
                if (room != null && room.tokens() <= 0) {
                    return force(room.reason(used, plan.maxThinkingTokens()));
                }
                int cap = room != null ? room.tokens() : remaining;
                GuardedStep.Outcome o = steps.think(base + thinking, cap, listener(this::onThinking, true), cancel);
                thinking.append(o.text());
                used += o.tokens();
                records.add(StepRunner.record(StepRecord.Phase.THINKING, openedBy, inserted, cap, o, List.of(), room));
                if (o.stop() == CompletionResult.Stop.CANCELLED) {
                    return null;
                }
                if (o.stop() == CompletionResult.Stop.LENGTH) {
                    return force(room != null && o.guard() == GuardedStep.Guard.NONE
                            ? room.reason(used, plan.maxThinkingTokens()) : capReason(plan, o));
                }
                if (used < plan.minThinkingTokens() && waits < plan.maxWaits()) {
                    inserted = plan.waitText(waits++);
                    openedBy = InterventionKind.WAIT_INSERTED;
                    intervene(openedBy, inserted, "the model ended its thinking at " + used
                            + " tokens, below the minimum of " + plan.minThinkingTokens() + ": Wait " + waits + " of "
                            + plan.maxWaits());
                    thinking.append(inserted);
                    continue;
                }
                return accept(plan, o);
            }
        }

        private String capReason(ForcingPlan plan, GuardedStep.Outcome o) {
            return "thinking reached the cap of " + plan.maxThinkingTokens() + " tokens without the model ending it"
                    + (o.guard() == GuardedStep.Guard.CUT_AT_CAP ? " (the server ignored the cap; cut here)" : "");
        }

        private String accept(ForcingPlan plan, GuardedStep.Outcome o) {
            String closing = steps.template().closeThinking(base + thinking, null);
            String reason = "the model ended its thinking at " + used + " tokens"
                    + (used < plan.minThinkingTokens() ? ", below the minimum of " + plan.minThinkingTokens()
                    + " but no Waits are left" : "")
                    + (o.guard() == GuardedStep.Guard.CUT_AT_STOP
                    ? " (the server ignored the stop string " + o.stoppingWord() + "; cut there)" : "");
            intervene(InterventionKind.END_ACCEPTED, closing, reason);
            return closing;
        }

        private String force(String reason) {
            String closing = steps.template().closeThinking(base + thinking, prefix(run.plan()));
            intervene(InterventionKind.ANSWER_FORCED, closing, reason);
            return closing;
        }

        private static String prefix(ForcingPlan plan) {
            return plan == null ? ForcingPlan.DEFAULT_ANSWER_PREFIX : plan.answerPrefix();
        }

        private ForcingOutcome answer(String closing) throws EngineException {
            int cap = run.maxAnswerTokens();
            GuardedStep.Outcome o = steps.answer(base + thinking + closing, cap, listener(this::onAnswer, false), cancel);
            records.add(StepRunner.record(StepRecord.Phase.ANSWER, closingKind, closing, cap, o));
            if (o.stop() == CompletionResult.Stop.CANCELLED) {
                return end(RunStatus.CANCELLED, null, null);
            }
            reportUsage();
            sink.accept(new ReasoningEvent.Finished(System.nanoTime(), o.stop() == CompletionResult.Stop.LENGTH
                    ? ReasoningEvent.StopReason.LENGTH : ReasoningEvent.StopReason.END_OF_TURN));
            return outcome(RunStatus.OK, null);
        }

        private void intervene(InterventionKind kind, String text, String reason) {
            if (kind == InterventionKind.ANSWER_FORCED || kind == InterventionKind.END_ACCEPTED) {
                closingKind = kind;
            }
            sink.accept(new ReasoningEvent.Intervention(System.nanoTime(), kind, text, used, reason));
        }

        /**
         * Text goes to {@code onText}; token probabilities become a {@code TokenConfidence} event (of the thinking
         * or the answer); a wait the server asked for becomes a {@code RetryWaiting} event.
         */
        private CompletionListener listener(CompletionListener onText, boolean thinkingStep) {
            return new CompletionListener() {
                @Override
                public void onText(String text, int tokens) {
                    onText.onText(text, tokens);
                }

                @Override
                public void onTokens(List<TokenLogprob> tokens) {
                    sink.accept(new ReasoningEvent.TokenConfidence(System.nanoTime(), thinkingStep,
                            TokenConfidences.of(tokens)));
                }

                @Override
                public void onRetryWait(java.time.Duration wait, String reason) {
                    sink.accept(new ReasoningEvent.RetryWaiting(System.nanoTime(), wait.toMillis(), reason));
                }
            };
        }

        private void onThinking(String text, int tokens) {
            sawText |= !text.isEmpty();
            sink.accept(new ReasoningEvent.ThinkingDelta(System.nanoTime(), text, tokens));
        }

        private void onAnswer(String text, int tokens) {
            sawText |= !text.isEmpty();
            answer.append(text);
            sink.accept(new ReasoningEvent.AnswerDelta(System.nanoTime(), text, tokens));
        }

        /**
         * Prompt tokens are the first step's prompt: the user's templated prompt, what a hosted API bills as input,
         * the same for every budget. Later steps re-send it with the thinking so far, mostly from the prompt cache;
         * their evaluated counts stay in the step records, where they measure forcing's overhead, not the prompt.
         * With thinking off the only step is the answer, whose prompt also holds the forced closing (a few tokens).
         */
        private void reportUsage() {
            Integer prompt = records.getFirst().promptTokens();
            int output = 0;
            for (StepRecord r : records) {
                output += r.tokens();
            }
            sink.accept(new ReasoningEvent.UsageReported(System.nanoTime(), new Usage(prompt, output, null)));
        }

        private ForcingOutcome end(RunStatus status, FailureKind kind, String message) {
            return end(status, kind, message, null);
        }

        private ForcingOutcome end(RunStatus status, FailureKind kind, String message, java.time.Duration retryAfter) {
            if (status == RunStatus.FAILED && sawText) {
                message = (message.matches("(?s).*[.!?\u2026]\\s*$") ? message.strip() : message.strip() + ".")
                        + " What arrived before is kept.";
            }
            long now = System.nanoTime();
            sink.accept(status == RunStatus.CANCELLED ? new ReasoningEvent.Cancelled(now)
                    : new ReasoningEvent.Failed(now, kind, message, retryAfter));
            return outcome(status, message);
        }

        private ForcingOutcome outcome(RunStatus status, String error) {
            return new ForcingOutcome(status, thinking.toString(), answer.toString(), records, error);
        }
    }
}
