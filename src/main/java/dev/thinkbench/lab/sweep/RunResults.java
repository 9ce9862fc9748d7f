package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.lab.strategy.Call;
import dev.thinkbench.lab.strategy.StrategyResult;

/** Turns how a strategy ended into the run's result line, graded when the run ended normally. Pure. */
final class RunResults {

    private RunResults() {
    }

    static SweepRecord record(SweepTask task, StrategyResult result, String ranWith) {
        Call chosen = result.chosen();
        Grade grade = chosen.ok() ? AnswerGrader.grade(chosen.answer(), task.problem().answer()) : null;
        String label = task.strategy().perBudget() ? task.lane().label() : SweepPlan.ROUTED;
        return new SweepRecord(task.problem().id(), label, result.lane().budget().spec(), task.strategy().name(),
                task.sample(), chosen.status().wireName(), grade == null ? null : grade.extracted(),
                task.problem().answer(), grade == null ? null : grade.correct(), result.computeTokens(),
                chosen.answerTokens(), result.totalMs(), result.costUsd(), chosen.endpoint(),
                chosen.ok() ? null : chosen.error()).withStrategySettings(task.strategy().settings())
                .withRanWith(ranWith).withNote(result.note() == null ? null : result.note().english());
    }

    /** The result of a run whose strategy broke: failed with the error, so the sweep goes on. */
    static StrategyResult internalError(SweepTask task, Throwable e) {
        RunRecorder recorder = new RunRecorder(null);
        long now = System.nanoTime();
        recorder.accept(new ReasoningEvent.Started(now, "", task.lane().budget().spec()));
        recorder.accept(new ReasoningEvent.Failed(now, FailureKind.UNKNOWN, "internal error in strategy "
                + task.strategy().name() + ": " + e));
        return StrategyResult.single(new Call(recorder.trace(), recorder.metrics(now), null, null), task.lane());
    }
}
