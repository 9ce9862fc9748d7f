package dev.thinkbench.lab.session;

import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.forcing.BranchView;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.StepperSnapshot;
import dev.thinkbench.forcing.StepperState;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Stepper's session as saved: its prompt and template, and every branch with its steps, answers and events
 * (the same events a Compare column records), times in nanoseconds from the session's first event. A branch whose
 * step was running when saved is kept as paused, with what had arrived. Immutable.
 *
 * @param template the chat template's name, empty when not known
 * @param activeBranchId the branch that was shown
 */
public record StepperRecord(String prompt, String system, String template, String expected, int activeBranchId,
                            List<BranchView> branches) {

    /** Why a branch saved mid-step reads as paused. */
    public static final String SAVED_MID_STEP = "The session was saved while this step ran; what had arrived is kept.";

    public StepperRecord {
        prompt = prompt == null ? "" : prompt;
        system = system == null ? "" : system;
        template = template == null ? "" : template;
        expected = expected == null ? "" : expected;
        branches = List.copyOf(branches);
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (BranchView b : branches) {
            if (!ids.add(b.id())) {
                // a branch is chosen by its id: two of one id would show the first whichever is clicked
                throw new IllegalArgumentException("two branches have the id " + b.id());
            }
        }
        for (BranchView b : branches) {
            if (b.parentId() != null && (b.parentId() == b.id() || !ids.contains(b.parentId()))) {
                // a fork is drawn under its parent, and going back follows the parent
                throw new IllegalArgumentException("branch " + b.id() + "'s parent " + b.parentId()
                        + (b.parentId() == b.id() ? " is itself" : " is not among the branches"));
            }
        }
        if (!branches.isEmpty() && branches.stream().noneMatch(b -> b.id() == activeBranchId)) {
            throw new IllegalArgumentException("the active branch " + activeBranchId + " is not among the branches");
        }
    }

    /** The stepping session in {@code snapshot}, times made relative to its first event or step. */
    public static StepperRecord of(StepperSnapshot snapshot, String system, String template, String expected) {
        long origin = Long.MAX_VALUE;
        for (BranchView b : snapshot.branches()) {
            for (ReasoningEvent e : b.events()) {
                origin = Math.min(origin, e.nanos());
            }
            for (StepRecord s : b.steps()) {
                origin = Math.min(origin, s.startNanos());
            }
        }
        long from = origin == Long.MAX_VALUE ? 0 : origin;
        List<BranchView> shifted = snapshot.branches().stream().map(b -> shift(b, from)).toList();
        return new StepperRecord(snapshot.prompt(), system, template, expected, snapshot.activeBranchId(), shifted);
    }

    private static BranchView shift(BranchView b, long origin) {
        List<StepRecord> steps = b.steps().stream().map(s -> s.at(Math.max(0, s.startNanos() - origin),
                Math.max(0, s.endNanos() - origin))).toList();
        List<ReasoningEvent> events = new ArrayList<>();
        long last = 0;
        for (ReasoningEvent e : b.events()) {
            last = Math.max(last, e.nanos() - origin);
            events.add(EventTimes.at(e, last));
        }
        boolean running = b.status().running();
        return new BranchView(b.id(), b.name(), b.parentId(), b.forkedAfterSteps(),
                running ? StepperState.PAUSED : b.status(), running ? SAVED_MID_STEP : b.reason(), steps,
                b.thinking(), b.thinkingTokens(), b.answers(), events);
    }

    /** The session as the Stepper shows it: the branches as saved, no action possible until a new Run. */
    public StepperSnapshot snapshot() {
        BranchView active = branches.stream().filter(b -> b.id() == activeBranchId).findFirst().orElse(null);
        return new StepperSnapshot(active == null ? StepperState.IDLE : active.status(),
                active == null ? "" : active.reason(), Set.of(), branches, activeBranchId, "", prompt);
    }
}
