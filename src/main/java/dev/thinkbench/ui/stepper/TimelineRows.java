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
                        compact(s.inserted()), s.tokens(), s.promptTokensEvaluated(),
                        (Long) s.durationMillis(), StepperWords.say(s.note()), shown(s.inserted())));
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

    /** The most characters an inserted text shows in its cell before it is cut (the whole is on hover). */
    static final int SHORT_CHARS = 24;
    private static final String CHANNEL = "<|channel|>";
    private static final String MESSAGE = "<|message|>";

    /**
     * Inserted text in short, so a row stays one or two lines high: a harmony answer opening
     * ({@code <|end|><|start|>assistant<|channel|>final<|message|>Final Answer:}) as its channel and what follows
     * ("final channel + Final Answer:", what follows cut as below), else {@link #shown} cut at {@value #SHORT_CHARS} characters with an ellipsis.
     */
    static String compact(String inserted) {
        int channel = inserted.lastIndexOf(CHANNEL);
        int message = channel < 0 ? -1 : inserted.indexOf(MESSAGE, channel);
        if (message > channel) {
            String name = inserted.substring(channel + CHANNEL.length(), message).strip();
            String rest = shown(inserted.substring(message + MESSAGE.length())).strip();
            return rest.isEmpty() ? Messages.get("timeline.inserted.channel", name)
                    : Messages.get("timeline.inserted.channelThen", name, cut(rest));
        }
        return cut(shown(inserted));
    }

    private static String cut(String text) {
        return text.length() <= SHORT_CHARS ? text : text.substring(0, SHORT_CHARS - 1) + "\u2026";
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
