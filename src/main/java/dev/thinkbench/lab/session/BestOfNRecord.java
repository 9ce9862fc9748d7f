package dev.thinkbench.lab.session;

import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.CandidateRound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Compare tab's best-of-N round as saved with its columns: the columns were candidates of one budget, each run
 * with its own seed, and one was picked by {@link #selection}. Optional in a session file ({@code bestOfN}); a session
 * without it is one of budget columns. Immutable.
 *
 * @param selection how the pick was made
 * @param judgeModel the verifier's model, null for the candidates' own (or another selection)
 * @param candidates the candidate columns in order, by label, with the seed each ran with and the verifier's score
 * @param picked the label of the column picked, null when nothing was picked (no readable answer, the judge failed,
 *               or the candidates changed after the pick)
 * @param why why that column was picked, or why none was; null when there is nothing to say
 */
public record BestOfNRecord(CandidateRound.Selection selection, String judgeModel, List<Candidate> candidates,
                            String picked, Worded why) {

    /**
     * One candidate column.
     *
     * @param seed the seed it ran with (the shared seed plus its index), null when no seed was set
     * @param score the verifier's score, null when it gave none or the selection was another
     */
    public record Candidate(String label, Long seed, Double score) {
        public Candidate {
            Objects.requireNonNull(label, "label");
        }
    }

    public BestOfNRecord {
        Objects.requireNonNull(selection, "selection");
        candidates = List.copyOf(candidates);
        judgeModel = judgeModel == null || judgeModel.isBlank() ? null : judgeModel;
        if (picked != null && candidates.stream().noneMatch(c -> c.label().equals(picked))) {
            throw new IllegalArgumentException("the column picked, '" + picked + "', is not a candidate");
        }
    }

    /** The candidate of the column labelled {@code label}, if that column is one. */
    public Optional<Candidate> candidate(String label) {
        return candidates.stream().filter(c -> c.label().equals(label)).findFirst();
    }

    /** The picked candidate's position among the candidates (0-based), -1 when none was picked. */
    public int pickedIndex() {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).label().equals(picked)) {
                return i;
            }
        }
        return -1;
    }

    /** The seeds the candidates ran with, in order, in words: {@code 42 to 46}, {@code 7, 9}, or empty when none. */
    public String seedWords() {
        List<Long> seeds = candidates.stream().map(Candidate::seed).filter(Objects::nonNull).toList();
        if (seeds.isEmpty()) {
            return "";
        }
        boolean consecutive = seeds.size() == candidates.size() && seeds.size() > 2;
        for (int i = 1; consecutive && i < seeds.size(); i++) {
            consecutive = seeds.get(i) == seeds.get(i - 1) + 1;
        }
        return consecutive ? seeds.getFirst() + " to " + seeds.getLast()
                : String.join(", ", seeds.stream().map(String::valueOf).toList());
    }
}
