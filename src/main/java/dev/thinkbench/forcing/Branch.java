package dev.thinkbench.forcing;

import dev.thinkbench.core.ReasoningEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A branch's live state and its undo history. Mutable; guarded by the {@link Stepper}'s lock. */
final class Branch {

    final int id;
    final String name;
    final Integer parentId;
    final int forkedAfterSteps;
    private final Deque<BranchState> undo = new ArrayDeque<>();
    private final List<AnswerRecord> answers = new ArrayList<>();
    private BranchState current = BranchState.EMPTY;

    Branch(int id, Integer parentId, int forkedAfterSteps) {
        this.id = id;
        this.name = "branch " + id;
        this.parentId = parentId;
        this.forkedAfterSteps = forkedAfterSteps;
    }

    /** A new branch with this one's state, undo history and answers. */
    Branch fork(int newId) {
        Branch b = new Branch(newId, id, current.steps().size());
        b.undo.addAll(undo);
        b.answers.addAll(answers);
        b.current = current;
        return b;
    }

    BranchState current() {
        return current;
    }

    /** Moves to {@code next}, remembering the current state for undo. */
    void advance(BranchState next) {
        undo.push(current);
        current = next;
        if (next.status() == StepperState.DONE && next.answer() != null) {
            StepRecord a = next.answer();
            answers.add(new AnswerRecord(a.text(), a.openedBy(), next.thinkingTokens(),
                    (int) next.thinkingSegments(), false));
        }
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Goes back one state; an undone answer stays in the history, marked withdrawn. */
    void undo() {
        if (current.status() == StepperState.DONE && current.answer() != null && !answers.isEmpty()) {
            answers.set(answers.size() - 1, answers.getLast().withdraw());
        }
        current = undo.pop();
    }

    /** Replaces the current state in place (not an undo step): a refinement of the state just reached. */
    void refine(BranchState refined) {
        current = refined;
    }

    /** @param pending events of a step still running on this branch, shown after the committed ones */
    BranchView view(List<ReasoningEvent> pending) {
        List<ReasoningEvent> events = current.events();
        if (!pending.isEmpty()) {
            events = new ArrayList<>(events);
            events.addAll(pending);
        }
        return new BranchView(id, name, parentId, forkedAfterSteps, current.status(), current.reason(),
                current.steps(), current.thinking(), current.thinkingTokens(), answers, events);
    }
}
