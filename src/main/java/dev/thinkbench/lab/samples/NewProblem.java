package dev.thinkbench.lab.samples;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemGenerator;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.Scratchpad;

import java.util.List;

/**
 * A fresh problem in the built-in micro model's world, at a chosen number of steps, with its answer: the same
 * generator that made the model's training data, drawn from the held-out part of the problem space, so the model has
 * never seen the question. The same seed and steps give the same problem. Pure; any thread.
 */
public final class NewProblem {

    /** Draws give up looking for a held-out question after this many tries (about 1 in 10 is held out). */
    private static final int MAX_DRAWS = 500;
    /** How a drawn problem's id (and so its sample's) begins. */
    static final String ID_PREFIX = "new-";

    private NewProblem() {
    }

    /**
     * A problem with {@code steps} steps from {@code seed}.
     *
     * @throws IllegalArgumentException when steps is outside 1 to {@value ProblemGenerator#MAX_STEPS}
     */
    public static Problem draw(int steps, long seed) {
        ProblemGenerator generator = new ProblemGenerator(seed);
        Problem p = null;
        for (int i = 0; i < MAX_DRAWS; i++) {
            p = generator.next(steps, ID_PREFIX + steps + "-" + Long.toHexString(seed));
            if (ProblemSplit.isHeldOut(p.question())) {
                return p;
            }
        }
        return p;
    }

    /**
     * About how many thinking tokens the micro model's full scratchpad for {@code p} takes: one a character, and the
     * closing {@code </think>}, which the runs count as thinking too.
     */
    public static int scratchpadTokens(Problem p) {
        return Scratchpad.clean(p).length() + 1;
    }

    /** The problem as a sample prompt for the micro model, with its answer and what to look for. */
    public static SamplePrompt asSample(Problem p) {
        int traceTokens = scratchpadTokens(p);
        return new SamplePrompt(p.id(), "New problem (" + p.difficulty() + (p.difficulty() == 1 ? " step)" : " steps)"),
                "math", p.question(), "", "A fresh " + p.difficulty() + "-step problem the micro model has never "
                + "seen; the answer is " + p.answer() + ". A full scratchpad takes about " + traceTokens
                + " thinking tokens.", Integer.toString(p.answer()), List.of(SamplePrompt.MICRO, SamplePrompt.ANY));
    }
}
