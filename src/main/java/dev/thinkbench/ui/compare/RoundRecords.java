package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Grade;
import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.CandidateRound;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.session.BestOfNRecord;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.lab.strategy.StrategyNote;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.WindowWording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Best-of-N rounds between the candidate columns and a session: a round as a session keeps it (mode, selection, the
 * seed each candidate ran with, the pick and why), and the words the columns and the outcome line show for a pick,
 * live or recorded. Pure; UI thread (it reads column view models).
 */
final class RoundRecords {

    private RoundRecords() {
    }

    /**
     * The round the candidate columns show, as a session keeps it; null when none of them ran.
     *
     * @param round the round that ran them, null when it was forgotten (a candidate added or removed since)
     * @param selection the selection set in the bar, used when there is no round
     */
    static BestOfNRecord of(List<ColumnViewModel> columns, CandidateRound round, CandidateRound.Selection selection,
                            String judgeModel) {
        if (columns.stream().allMatch(c -> c.live().shownRun() == null)) {
            return null;
        }
        CandidateRound.Outcome outcome = round == null ? null : round.lastOutcome().orElse(null);
        List<BestOfNRecord.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnViewModel c = columns.get(i);
            LaneRun run = c.live().shownRun();
            Double score = null;
            if (outcome != null && i < outcome.candidates().size()) {
                score = outcome.candidates().get(i).score();
            }
            candidates.add(new BestOfNRecord.Candidate(c.labelProperty().get(),
                    run == null ? null : run.spec().sampling().seed(), score));
        }
        String picked = null;
        Worded why = null;
        if (outcome != null) {
            int index = outcome.pick().map(p -> p.candidate().index()).orElse(-1);
            picked = index >= 0 && index < columns.size() ? columns.get(index).labelProperty().get() : null;
            why = outcome.judgeFailure() != null ? Worded.of(StrategyNote.JUDGE_FAILED, outcome.judgeFailure())
                    : outcome.pick().map(p -> p.why()).orElse(Worded.of(StrategyNote.NO_READABLE_ANSWER));
        }
        return new BestOfNRecord(round == null ? selection : round.selection(),
                round == null ? judgeModel : round.judgeModel(), candidates, picked, why);
    }

    /** What a candidate column shows above its answer: the answer read, its score, whether it was picked. */
    static String mark(String extracted, Double score, boolean picked) {
        String answer = extracted == null ? Messages.get("bestOfN.mark.noAnswer")
                : Messages.get("bestOfN.mark.answer", extracted);
        String mark = score == null ? answer : Messages.get("bestOfN.mark.scored", answer,
                String.format(Locale.ROOT, "%.0f", score));
        return picked ? Messages.get("bestOfN.mark.picked", mark) : mark;
    }

    /** A candidate's mark from the candidate as the round read it. */
    static String mark(Candidate c, boolean picked) {
        return mark(c.extracted(), c.score(), picked);
    }

    /**
     * Marks the columns that are candidates of the recorded {@code round} (their runs shown to the end, graded) as
     * the live round marked them.
     *
     * @return how the round ended, in words ("#1 picked by majority vote: 3 of 5 votes for 432")
     */
    static String markRecorded(List<ColumnViewModel> columns, BestOfNRecord round) {
        for (ColumnViewModel c : columns) {
            String label = c.labelProperty().get();
            round.candidate(label).ifPresent(candidate -> {
                Grade grade = c.live().gradeProperty().get();
                boolean picked = label.equals(round.picked());
                c.markCandidate(mark(grade == null ? null : grade.extracted(), candidate.score(), picked), picked);
            });
        }
        return outcome(round);
    }

    /** How a recorded round ended, in words. */
    static String outcome(BestOfNRecord round) {
        String why = round.why() == null ? "" : WindowWording.of(round.why());
        if (round.picked() == null) {
            return round.why() != null && round.why().reason() == StrategyNote.JUDGE_FAILED
                    ? Messages.get("bestOfN.judgeFailed", round.why().arguments().getFirst())
                    : Messages.get("bestOfN.nothingPicked");
        }
        return Messages.get("bestOfN.picked", round.pickedIndex() + 1, BestOfNBar.selectionWords(round.selection()),
                why);
    }
}
