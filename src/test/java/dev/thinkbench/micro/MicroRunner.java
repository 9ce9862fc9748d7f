package dev.thinkbench.micro;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
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

import java.nio.file.Path;

/**
 * Runs micro-model problems through the app's own code: the built-in engine (llama.cpp in its child JVM) behind
 * {@link LocalCompletionBackend}, driven by the s1 {@link BudgetForcer} with the {@code chatml-think} template,
 * greedy, graded by {@link AnswerGrader}. Used by the model tests and the curve harness. One caller at a time.
 */
final class MicroRunner implements AutoCloseable {

    /** The committed model. */
    static final Path MODEL = Path.of("assets/models/micro-reasoner.gguf");
    static final int ANSWER_TOKENS = 24;

    /** One graded run: whether the model ended its thinking itself, and how many thinking tokens it used. */
    record Attempt(Problem problem, boolean correct, int thinkingTokens, boolean endedItself, String thinking,
                   String answer) {
    }

    private final LocalEngineProcess process = new LocalEngineProcess();
    private final BudgetForcer forcer;

    MicroRunner(Path model) {
        LocalCompletionBackend backend = new LocalCompletionBackend(process, model, new LocalEngineSettings(2, 1024));
        this.forcer = new BudgetForcer(backend, ChatTemplates.CHATML_THINK);
    }

    /** Runs one problem; {@code plan == null} forces the answer at once (no thinking). */
    Attempt run(Problem problem, ForcingPlan plan) {
        Sampling greedy = new Sampling(0.0, null, 1L, ANSWER_TOKENS);
        ForcingRun run = new ForcingRun("", problem.question(), "micro-reasoner", plan, greedy,
                plan == null ? "none" : "force");
        ForcingOutcome o = forcer.run(run, event -> { }, new CancelToken());
        if (o.status() != RunStatus.OK) {
            throw new IllegalStateException("run of " + problem.id() + " ended " + o.status() + ": " + o.error());
        }
        boolean ended = o.steps().stream().anyMatch(s -> s.phase() == StepRecord.Phase.ANSWER
                && s.openedBy() == InterventionKind.END_ACCEPTED);
        return new Attempt(problem, AnswerGrader.isCorrect(o.answer(), problem.answer()), o.thinkingTokens(), ended,
                o.thinking(), o.answer());
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
