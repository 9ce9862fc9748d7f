package dev.thinkbench.micro;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.forcing.BudgetForcer;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingOutcome;
import dev.thinkbench.forcing.ForcingRun;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.Stepper;
import dev.thinkbench.forcing.StepperAction;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperSnapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs micro-model problems through the app's own code: the built-in engine (llama.cpp in its child JVM) behind
 * {@link LocalCompletionBackend}, driven by the s1 {@link BudgetForcer} with the {@code chatml-think} template,
 * greedy, graded by {@link AnswerGrader}; and the manual {@link Stepper} for premature stops. Used by the model
 * tests and the curve harness. One caller at a time.
 */
final class MicroRunner implements AutoCloseable {

    /** The committed model. */
    static final Path MODEL = Path.of("assets/models/micro-reasoner.gguf");
    static final int ANSWER_TOKENS = 24;

    /**
     * One prompt to run: a problem with its answer, or a prompt outside the task ({@code answer == null}), whose
     * right answer is the refusal.
     */
    record Case(String id, String question, Integer answer, int difficulty, String family) {
        static Case of(Problem p) {
            return new Case(p.id(), p.question(), p.answer(), p.difficulty(), p.family());
        }

        static Case outOfScope(String id, String question, String kind) {
            return new Case(id, question, null, 0, kind);
        }

        boolean inScope() {
            return answer != null;
        }
    }

    /**
     * One graded run: right (the answer, or the refusal for a prompt outside the task), whether the answer is the
     * refusal, whether the model ended its thinking itself, and how many thinking tokens it used.
     */
    record Attempt(Case problem, boolean correct, boolean refused, int thinkingTokens, boolean endedItself,
                   String thinking, String answer) {
    }

    /**
     * A premature stop and its rescue: the model's own trace cut after {@code keptLines} lines (as if it had ended its
     * thinking there), then the answer forced ({@code stopped}), and from the same point one Wait ({@code waited}).
     */
    record EarlyStop(Case problem, int keptLines, boolean stoppedCorrect, String stoppedAnswer,
                     boolean waitedCorrect, String waitedThinking, String waitedAnswer) {
    }

    private static final Sampling GREEDY = new Sampling(0.0, null, 1L, ANSWER_TOKENS);
    private final LocalEngineProcess process = new LocalEngineProcess();
    private final LocalCompletionBackend backend;
    private final BudgetForcer forcer;

    MicroRunner(Path model) {
        // one thread: a 1M-parameter model gains nothing from two, and ggml's spinning barriers lose badly when the
        // test machine's cores are shared
        backend = new LocalCompletionBackend(process, model, new LocalEngineSettings(1, 1024));
        this.forcer = new BudgetForcer(backend, ChatTemplates.CHATML_THINK);
    }

    /** Runs one problem; {@code plan == null} forces the answer at once (no thinking). */
    Attempt run(Problem problem, ForcingPlan plan) {
        return run(Case.of(problem), plan);
    }

    /** Runs one case; {@code plan == null} forces the answer at once (no thinking). */
    Attempt run(Case c, ForcingPlan plan) {
        ForcingRun run = new ForcingRun("", c.question(), "micro-reasoner", plan, GREEDY,
                plan == null ? "none" : "force");
        ForcingOutcome o = forcer.run(run, event -> { }, new CancelToken());
        if (o.status() != RunStatus.OK) {
            throw new IllegalStateException("run of " + c.id() + " ended " + o.status() + ": " + o.error());
        }
        boolean ended = o.steps().stream().anyMatch(s -> s.phase() == StepRecord.Phase.ANSWER
                && s.openedBy() == InterventionKind.END_ACCEPTED);
        boolean refused = MicroFormat.isRefusal(o.answer());
        boolean correct = c.inScope() ? AnswerGrader.isCorrect(o.answer(), c.answer()) : refused;
        return new Attempt(c, correct, refused, o.thinkingTokens(), ended, o.thinking(), o.answer());
    }

    /**
     * With the app's manual {@link Stepper}: think until the model ends, edit the trace back to its first
     * {@code keptLines} lines, force the answer; undo that, append one Wait, let it think on and answer.
     */
    EarlyStop earlyStop(Problem problem, int keptLines) throws Exception {
        return earlyStop(Case.of(problem), keptLines);
    }

    /** {@link #earlyStop(Problem, int)} for any problem case. */
    EarlyStop earlyStop(Case problem, int keptLines) throws Exception {
        StepperSettings settings = new StepperSettings(GREEDY, 256, List.of(ForcingPlan.DEFAULT_WAIT),
                ForcingPlan.DEFAULT_ANSWER_PREFIX, ANSWER_TOKENS);
        try (Stepper stepper = new Stepper(backend, ChatTemplates.CHATML_THINK, settings, event -> { })) {
            String full = stepper.start("", problem.question()).get(60, TimeUnit.SECONDS).active().thinking();
            String kept = full.lines().limit(keptLines).map(l -> l + "\n").reduce("", String::concat);
            stepper.edit(kept);
            String stopped = stepper.forceAnswer().get(60, TimeUnit.SECONDS).active().answer();
            stepper.undo();
            StepperSnapshot waited = stepper.waitMore().get(60, TimeUnit.SECONDS);
            if (waited.can(StepperAction.CONTINUE)) {
                waited = stepper.continueToAnswer().get(60, TimeUnit.SECONDS);
            } else {
                waited = stepper.forceAnswer().get(60, TimeUnit.SECONDS);
            }
            String answer = waited.active().answer();
            return new EarlyStop(problem, keptLines, AnswerGrader.isCorrect(stopped, problem.answer()), stopped,
                    AnswerGrader.isCorrect(answer, problem.answer()), waited.active().thinking(), answer);
        }
    }

    /** Thinking capped at {@code cap} tokens, no Waits. */
    static ForcingPlan capped(int cap) {
        return ForcingPlan.of(0, cap, 0);
    }

    /** One Wait: the end of thinking is suppressed once if it comes before {@code min} tokens. */
    static ForcingPlan oneWait(int min, int cap) {
        return ForcingPlan.of(min, Math.max(min, cap), 1);
    }

    @Override
    public void close() {
        process.close();
    }
}
