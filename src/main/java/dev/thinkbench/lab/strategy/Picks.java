package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Worded;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The selection rules of best-of-N, pure and shared: majority vote over the extracted answers (equal numbers meet
 * whatever their form), the shortest or longest reasoning (thinking tokens), the verifier's highest score. Only candidates whose call
 * succeeded and whose answer could be read take part; ties go to the earliest candidate. Stateless; any thread.
 */
public final class Picks {

    private Picks() {
    }

    /**
     * A pick and why it was made.
     *
     * @param why the reason and its values, for a window to word in its language
     */
    public record Pick(Candidate candidate, Worded why) {

        /** Why, in English (results files, the command line). */
        public String note() {
            return why.english();
        }
    }

    /**
     * The most common answer; its first candidate. Answers with as many votes tie, and the one given first wins: the
     * note then names the answers it tied with. Empty when no candidate has an answer.
     */
    public static Optional<Pick> majority(List<Candidate> candidates) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Candidate> firstWith = new LinkedHashMap<>();
        for (Candidate c : answered(candidates)) {
            String key = AnswerGrader.canonical(c.extracted());
            votes.merge(key, 1, Integer::sum);
            firstWith.putIfAbsent(key, c);
        }
        return votes.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(e -> -firstWith.get(e.getKey()).index()))
                .map(e -> {
                    Candidate first = firstWith.get(e.getKey());
                    List<String> tiedWith = votes.entrySet().stream()
                            .filter(o -> o.getValue().equals(e.getValue()) && !o.getKey().equals(e.getKey()))
                            .map(o -> firstWith.get(o.getKey()).extracted()).toList();
                    return new Pick(first, tiedWith.isEmpty()
                            ? Worded.of(StrategyNote.VOTES, e.getValue(), candidates.size(), first.extracted())
                            : Worded.of(StrategyNote.TIED_VOTES, e.getValue(), candidates.size(), first.extracted(),
                                    String.join(", ", tiedWith)));
                });
    }

    /** The answered candidate that reasoned the fewest tokens ({@link Candidate#reasoningTokens()}). */
    public static Optional<Pick> shortest(List<Candidate> candidates) {
        return byLength(candidates, true);
    }

    /** The answered candidate that reasoned the most tokens ({@link Candidate#reasoningTokens()}). */
    public static Optional<Pick> longest(List<Candidate> candidates) {
        return byLength(candidates, false);
    }

    /**
     * The answered candidate with the highest verifier score; among equal scores the majority answer of those tied,
     * then the earliest. Unscored candidates lose to scored ones; with none scored the majority picks, and the note
     * quotes the first of {@code judgeReplies} that says anything (a judge's reply in which no score was found: a
     * small model often answers the question again instead of scoring).
     *
     * @param judgeReplies the answers of the judge calls that ended well, in order
     */
    public static Optional<Pick> bestScore(List<Candidate> candidates, List<String> judgeReplies) {
        String judgeSaid = judgeReplies.stream().filter(a -> a != null && !a.isBlank()).findFirst().orElse("");
        List<Candidate> scored = answered(candidates).stream().filter(c -> c.score() != null).toList();
        if (scored.isEmpty()) {
            return majority(candidates).map(p -> new Pick(p.candidate(), Worded.of(StrategyNote.UNSCORED_VOTES,
                    p.why().arguments().get(0), p.why().arguments().get(1), p.why().arguments().get(2),
                    excerpt(judgeSaid))));
        }
        double top = scored.stream().mapToDouble(Candidate::score).max().orElseThrow();
        List<Candidate> tied = scored.stream().filter(c -> c.score() == top).toList();
        Candidate pick = tied.size() == 1 ? tied.getFirst() : majority(tied).orElseThrow().candidate();
        return Optional.of(new Pick(pick, tied.size() > 1
                ? Worded.of(StrategyNote.SHARED_SCORE, format(top), tied.size())
                : Worded.of(StrategyNote.SCORE, format(top))));
    }

    /** The start of a reply, on one line, for a note. */
    static String excerpt(String reply) {
        String line = reply == null ? "" : reply.strip().replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 39) + "\u2026";
    }

    private static Optional<Pick> byLength(List<Candidate> candidates, boolean shortest) {
        ToIntFunction<Candidate> length = c -> c.reasoningTokens() != null ? c.reasoningTokens()
                : shortest ? Integer.MAX_VALUE : -1;
        Comparator<Candidate> order = Comparator.comparingInt(length);
        order = (shortest ? order : order.reversed()).thenComparingInt(Candidate::index);
        return answered(candidates).stream().min(order).map(c -> new Pick(c,
                Worded.of(shortest ? StrategyNote.SHORTEST : StrategyNote.LONGEST, candidates.size(),
                        c.reasoningTokens() == null ? "?" : c.reasoningTokens())));
    }

    private static List<Candidate> answered(List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.extracted() != null && (c.call() == null || c.call().ok()))
                .toList();
    }

    private static String format(double score) {
        return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
    }
}
