package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.forcing.BudgetForcer;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ForcingReasoningEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive thinking on a raw-continuation endpoint: the model thinks in steps of {@code probeEvery} tokens; after
 * each step the trace is forked and the answer forced ({@code Final Answer:}) {@code probesPerCheckpoint} times,
 * without touching the trace; thinking stops as soon as the {@link StopRule} is met (by default: the last {@code k}
 * probes agree; {@link Settings#withConfidence} adds: or a probe's answer is confident enough, from the probe's token
 * probabilities where the engine reports them), and that probe's answer is the answer. Thinking also ends when the
 * model ends it (then it answers as usual) or at the budget's cap (then the answer is forced, as s1 does, with no
 * probe there first: it would ask the same trace the same question). The cap
 * is the budget's maximum (a token budget, a forcing plan's max, an effort level's cap); its minimum and Waits do not
 * apply here.
 *
 * <p>Greedy decoding gives identical probes at one checkpoint, so use one probe per checkpoint and let agreement
 * span checkpoints; with sampling, {@code k} probes per checkpoint make it the "k forks agree" rule. The probes'
 * tokens count as compute. Without a raw endpoint the run fails as unsupported. Immutable.
 */
public final class AdaptiveStrategy implements Strategy {

    public static final String NAME = "adaptive";

    /** The adaptive knobs. */
    public record Settings(int probeEvery, int probesPerCheckpoint, int probeTokens, StopRule rule,
                           ProbeConfidence confidence) {
        public Settings {
            if (probeEvery < 1 || probesPerCheckpoint < 1 || probeTokens < 1) {
                throw new IllegalArgumentException("probe interval, probes per checkpoint and probe tokens must be "
                        + "at least 1");
            }
            rule = rule == null ? StopRule.agreement(2) : rule;
            confidence = confidence == null ? ProbeConfidence.NONE : confidence;
        }

        /** Every {@code every} tokens, {@code perCheckpoint} probes of up to 32 tokens; stop when {@code k} agree. */
        public static Settings agreeing(int every, int perCheckpoint, int k) {
            return new Settings(every, perCheckpoint, 32, StopRule.agreement(k), ProbeConfidence.NONE);
        }

        /**
         * These settings that also stop as soon as a probe's answer has a confidence of at least {@code threshold}
         * ({@link ProbeConfidence#LOWEST_TOKEN}; the probes then ask for token probabilities where the engine
         * reports them, and on an engine that does not, only the other rule stops).
         *
         * @param threshold in (0, 1]; null leaves these settings as they are
         */
        public Settings withConfidence(Double threshold) {
            return threshold == null ? this : new Settings(probeEvery, probesPerCheckpoint, probeTokens,
                    rule.or(StopRule.confidence(threshold)), ProbeConfidence.LOWEST_TOKEN);
        }
    }

    private final Settings settings;

    public AdaptiveStrategy(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** E.g. {@code probe every 16, stop when 2 agree} or {@code probe every 8, stop when 2 agree or sure at 0.9}. */
    @Override
    public String settings() {
        return "probe every " + settings.probeEvery() + (settings.probesPerCheckpoint() == 1 ? ""
                : " x" + settings.probesPerCheckpoint()) + ", stop when " + settings.rule();
    }

    @Override
    public StrategyResult run(StrategyRun run) throws InterruptedException {
        int cap = cap(run);
        Calls.RawCall<Outcome> raw = run.calls().raw(run.base().model(), run.lane().budget().spec(),
                (access, sink, cancel) -> new Session(run, access.template(), access, sink, cancel, cap).think());
        List<Probe> probes = raw.value() == null ? List.of() : raw.value().probes();
        int probeTokens = probes.stream().mapToInt(Probe::tokens).sum();
        List<Candidate> shown = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            shown.add(new Candidate(i, null, p.extracted(), p.confidence().isPresent() ? p.confidence().getAsDouble()
                    : null, p.tokens()));
        }
        Worded note = probes.isEmpty() ? null
                : Worded.of(StrategyNote.PROBES, probes.size(), probes.getLast().thinkingTokens());
        // The probe whose answer became the answer is counted in the call's own answer tokens.
        int answerProbe = raw.value() != null && raw.value().settled() ? probes.getLast().tokens() : 0;
        return new StrategyResult(raw.call(), List.of(raw.call()), probeTokens - answerProbe, run.lane(), shown,
                note);
    }

    private static int cap(StrategyRun run) {
        try {
            ForcingPlan plan = ForcingReasoningEngine.planFor(run.lane().budget());
            return plan == null ? 0 : plan.maxThinkingTokens();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** The probes of one run, and whether the last of them settled the answer. */
    private record Outcome(List<Probe> probes, boolean settled) {
    }

    /** One adaptive run's state, confined to the calling thread. */
    private final class Session {
        private final StrategyRun run;
        private final ChatTemplate template;
        private final RawAccess access;
        private final ReasoningEventSink sink;
        private final CancelToken cancel;
        private final int cap;
        private final String base;
        /** Whether the probes ask for token probabilities: a confidence is wanted and the engine reports them. */
        private final boolean withProbabilities;
        private final StringBuilder thinking = new StringBuilder();
        private final List<Probe> probes = new ArrayList<>();
        private Integer promptTokens;
        private int used;
        private int output;

        Session(StrategyRun run, ChatTemplate template, RawAccess access, ReasoningEventSink sink, CancelToken cancel,
                int cap) {
            this.run = run;
            this.template = template;
            this.access = access;
            this.sink = sink;
            this.cancel = cancel;
            this.cap = cap;
            this.base = template.prompt(run.base().system(), run.base().prompt());
            this.withProbabilities = settings.confidence() != ProbeConfidence.NONE
                    && access.backend().reportsTokenProbabilities();
        }

        Outcome think() throws EngineException {
            sink.accept(new ReasoningEvent.Started(System.nanoTime(), run.base().model(), run.lane().budget().spec()));
            while (true) {
                if (used >= cap) {
                    return answer(InterventionKind.ANSWER_FORCED, ForcingPlan.DEFAULT_ANSWER_PREFIX,
                            cap == 0 ? "thinking is off for this budget: the answer is forced at once"
                                    : "thinking reached the cap of " + cap + " tokens before the probes agreed");
                }
                CompletionResult step = complete(base + thinking, Math.min(settings.probeEvery(), cap - used),
                        List.of(template.thinkingEnd()), run.base().sampling(), this::onThinking);
                if (promptTokens == null) {
                    promptTokens = step.promptTokens();
                }
                thinking.append(step.text());
                used += step.tokens();
                output += step.tokens();
                if (step.stop() == CompletionResult.Stop.CANCELLED) {
                    return cancelled();
                }
                if (step.stop() == CompletionResult.Stop.EOS || step.stop() == CompletionResult.Stop.STOP_STRING) {
                    return answer(InterventionKind.END_ACCEPTED, null, "the model ended its thinking at " + used
                            + " tokens before the probes agreed");
                }
                if (used >= cap) {
                    // the cap forces the answer on this very trace next: a probe here would ask the same question
                    // of it once more, spending its tokens as compute for nothing (at temperature 0, the same answer)
                    continue;
                }
                Probe settled = probe();
                if (cancel.isCancelled()) {
                    return cancelled();
                }
                if (settled != null) {
                    return settled(settled);
                }
            }
        }

        /** Forces the answer on forks of the trace; returns the settling probe, or null to think on. */
        private Probe probe() throws EngineException {
            String closing = template.closeThinking(base + thinking, ForcingPlan.DEFAULT_ANSWER_PREFIX);
            for (int i = 0; i < settings.probesPerCheckpoint(); i++) {
                List<TokenLogprob> probabilities = new ArrayList<>();
                CompletionResult r = complete(base + thinking + closing, probeCap(), template.answerStops(),
                        probeSampling(probes.size()), new CompletionListener() {
                            @Override
                            public void onText(String text, int tokens) {
                            }

                            @Override
                            public void onTokens(List<TokenLogprob> tokens) {
                                probabilities.addAll(tokens);
                            }
                        }, withProbabilities);
                if (r.stop() == CompletionResult.Stop.CANCELLED) {
                    return null;
                }
                Probe p = new Probe(used, r.text(), AnswerGrader.grade(r.text(), run.problem().answer()).extracted(),
                        r.tokens(), settings.confidence().of(probabilities));
                probes.add(p);
                if (settings.rule().stop(probes)) {
                    return p;
                }
            }
            return null;
        }

        private Outcome settled(Probe p) {
            String closing = template.closeThinking(base + thinking, ForcingPlan.DEFAULT_ANSWER_PREFIX);
            sink.accept(new ReasoningEvent.Intervention(System.nanoTime(), InterventionKind.ANSWER_FORCED, closing,
                    used, "answer probes settled on " + p.extracted() + " after " + used + " thinking tokens"));
            sink.accept(new ReasoningEvent.AnswerDelta(System.nanoTime(), p.text(), p.tokens()));
            output += p.tokens();
            return finish(true);
        }

        private Outcome answer(InterventionKind kind, String prefix, String reason) throws EngineException {
            String closing = template.closeThinking(base + thinking, prefix);
            sink.accept(new ReasoningEvent.Intervention(System.nanoTime(), kind, closing, used, reason));
            CompletionResult r = complete(base + thinking + closing, answerCap(), template.answerStops(),
                    run.base().sampling(), (text, tokens) -> sink.accept(
                            new ReasoningEvent.AnswerDelta(System.nanoTime(), text, tokens)));
            if (promptTokens == null) {
                promptTokens = r.promptTokens();
            }
            output += r.tokens();
            return r.stop() == CompletionResult.Stop.CANCELLED ? cancelled() : finish(false);
        }

        private Outcome finish(boolean settled) {
            sink.accept(new ReasoningEvent.UsageReported(System.nanoTime(), new Usage(promptTokens, output, used)));
            sink.accept(new ReasoningEvent.Finished(System.nanoTime(), ReasoningEvent.StopReason.END_OF_TURN));
            return new Outcome(List.copyOf(probes), settled);
        }

        private Outcome cancelled() {
            sink.accept(new ReasoningEvent.Cancelled(System.nanoTime()));
            return new Outcome(List.copyOf(probes), false);
        }

        private void onThinking(String text, int tokens) {
            sink.accept(new ReasoningEvent.ThinkingDelta(System.nanoTime(), text, tokens));
        }

        private CompletionResult complete(String prompt, int max, List<String> stops, Sampling sampling,
                                          CompletionListener listener) throws EngineException {
            return complete(prompt, max, stops, sampling, listener, false);
        }

        /** @param probabilities whether to ask for each token's probability (the listener's onTokens) */
        private CompletionResult complete(String prompt, int max, List<String> stops, Sampling sampling,
                                          CompletionListener listener, boolean probabilities) throws EngineException {
            CompletionRequest request = new CompletionRequest(prompt, max, stops, sampling, true);
            return access.backend().complete(probabilities ? request.withTopLogprobs(1) : request, listener, cancel);
        }

        private int answerCap() {
            Integer max = run.base().sampling().maxAnswerTokens();
            return max != null ? max : BudgetForcer.DEFAULT_MAX_ANSWER_TOKENS;
        }

        private int probeCap() {
            return Math.min(settings.probeTokens(), answerCap());
        }

        private Sampling probeSampling(int index) {
            Sampling s = run.base().sampling();
            return s.seed() == null ? s : new Sampling(s.temperature(), s.topP(), s.seed() + 1 + index,
                    s.maxAnswerTokens());
        }
    }
}
