package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.ui.common.Messages;

import java.util.List;

/**
 * An interrupted sweep that can be resumed: where it is saved, its problems, and how far it got.
 *
 * @param done runs whose latest result is ok (kept; only the others run again)
 * @param total runs in its plan
 */
public record ResumeOffer(SweepStore.Saved saved, List<BenchProblem> problems, int done, int total) {

    public ResumeOffer {
        problems = List.copyOf(problems);
    }

    /**
     * The offer in words, e.g. {@code micro-heldout.jsonl · 20 problems · 4 budgets on micro-reasoner.gguf: 12 of 80
     * runs done}.
     */
    public String describe() {
        return Messages.get("sweep.resumeOffer.progress", SweepSetupViewModel.name(saved.setup(), problems.size()),
                saved.setup().model(), done, total);
    }
}
