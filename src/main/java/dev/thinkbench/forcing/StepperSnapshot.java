package dev.thinkbench.forcing;

import java.util.List;
import java.util.Set;

/**
 * A stepping session at one moment, immutable: safe to hand to another thread.
 *
 * @param state where the active branch stands (THINKING / ANSWERING while a step runs)
 * @param reason why it is paused, done or failed, for people
 * @param allowed the actions possible now
 * @param branches every branch, in creation order
 * @param activeBranchId the branch actions apply to
 * @param pendingInserted text appended before the running step (shown before its streamed text), empty if none
 * @param prompt the prompt text the session runs on (empty before start)
 */
public record StepperSnapshot(StepperState state, String reason, Set<StepperAction> allowed,
                              List<BranchView> branches, int activeBranchId, String pendingInserted, String prompt) {

    public StepperSnapshot {
        allowed = Set.copyOf(allowed);
        branches = List.copyOf(branches);
    }

    public BranchView active() {
        return branches.stream().filter(b -> b.id() == activeBranchId).findFirst().orElseThrow();
    }

    public boolean can(StepperAction action) {
        return allowed.contains(action);
    }
}
