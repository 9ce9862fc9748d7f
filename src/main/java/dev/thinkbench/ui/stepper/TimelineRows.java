package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.forcing.BranchView;
import dev.thinkbench.forcing.StepRecord;

import java.util.ArrayList;
import java.util.List;

/** Turns branches into timeline rows: one per thinking segment, one per answer, one per fork. Pure. */
final class TimelineRows {

    private TimelineRows() {
    }

    /**
     * A forked branch shows the steps it shares with its parent as one "fork" row (they were run once, on the
     * parent: repeated with the parent's times they read as run twice), then its own, numbered on from there.
     */
    static List<TimelineRow> of(List<BranchView> branches) {
        List<TimelineRow> rows = new ArrayList<>();
        for (BranchView b : branches) {
            int n = 0;
            int shared = b.parentId() == null ? 0 : Math.min(b.forkedAfterSteps(), b.steps().size());
            if (b.parentId() != null) {
                rows.add(new TimelineRow(b.id(), "", Messages.get("timeline.kind.fork"), "", null, null, null,
                        Messages.get("timeline.forked", b.parentId(), b.forkedAfterSteps())));
            }
            for (StepRecord s : b.steps().subList(shared, b.steps().size())) {
                if (n == 0) {
                    n = (int) b.steps().subList(0, shared).stream()
                            .filter(r -> r.phase() != StepRecord.Phase.ANSWER).count();
                }
                boolean answer = s.phase() == StepRecord.Phase.ANSWER;
                rows.add(new TimelineRow(b.id(), answer ? "A" : String.valueOf(++n), kind(s),
                        shown(s.inserted()), s.tokens(), s.promptTokensEvaluated(),
                        (Long) s.durationMillis(), StepperWords.say(s.note())));
            }
        }
        return rows;
    }

    /**
     * Inserted text on one line: a line break as the return sign {@code ↵} (a literal backslash-n read as code to
     * most people), a tab as {@code →}.
     */
    static String shown(String inserted) {
        return inserted.replace("\r\n", "\u21b5").replace("\n", "\u21b5").replace("\t", "\u2192");
    }

    static String kind(StepRecord s) {
        if (s.phase() == StepRecord.Phase.ANSWER) {
            return Messages.get(s.openedBy() == dev.thinkbench.core.InterventionKind.ANSWER_FORCED
                    ? "timeline.kind.answerForced" : "timeline.kind.answer");
        }
        if (s.openedBy() == null) {
            return Messages.get("timeline.kind.think");
        }
        return Messages.get(switch (s.openedBy()) {
            case WAIT_INSERTED -> "timeline.kind.wait";
            case TEXT_INSERTED -> "timeline.kind.insert";
            case TRACE_EDITED -> "timeline.kind.edit";
            case ANSWER_FORCED, END_ACCEPTED -> "timeline.kind.answer";
        });
    }
}
