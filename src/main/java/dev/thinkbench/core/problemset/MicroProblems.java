package dev.thinkbench.core.problemset;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;

import java.util.List;

/**
 * The problem set the built-in micro model can solve: the generator's held-out split (never seen in training; see
 * {@code assets/models/micro-reasoner.md}), difficulties cycling 1..6 (the step count), ids {@code heldout-0000}
 * onwards. {@code samples/problems/micro-heldout.jsonl} holds the first {@value #SAMPLE_SIZE}. Pure; any thread.
 */
public final class MicroProblems {

    /** How many held-out problems the sample file and the model card's curve use. */
    public static final int SAMPLE_SIZE = 600;
    public static final String SOURCE = "Thinkbench ProblemGenerator, held-out split (seed "
            + ProblemSplit.HELD_OUT_SEED + ")";
    public static final String LICENSE = "CC0-1.0";

    private MicroProblems() {
    }

    /** The first {@code count} held-out problems as a problem set. */
    public static List<BenchProblem> heldOut(int count) {
        return ProblemSplit.heldOut(count).stream().map(MicroProblems::of).toList();
    }

    /** One generated problem as a set entry, tagged {@code micro} and {@code steps-N}. */
    public static BenchProblem of(Problem p) {
        return new BenchProblem(p.id(), p.question(), Integer.toString(p.answer()), p.difficulty(),
                List.of("micro", "steps-" + p.difficulty()), SOURCE, LICENSE);
    }
}
