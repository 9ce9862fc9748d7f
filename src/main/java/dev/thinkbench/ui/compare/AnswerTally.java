package dev.thinkbench.ui.compare;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import dev.thinkbench.ui.common.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Self-consistency at a glance: when three or more columns ran the same budget (samples of one setting), their
 * answers counted (equal answers meet by {@link AnswerGrader#canonical}, as the Experiments tab's majority vote does)
 * and the majority named, marked right or wrong when the prompt has a known answer. Pure; any thread.
 */
final class AnswerTally {

    /** The fewest samples of one budget worth a vote. */
    static final int MIN_SAMPLES = 3;

    private AnswerTally() {
    }

    /** One finished column: its budget spec and how its answer was graded. */
    record Vote(String budget, Grade grade) {
    }

    /** The tally in words, or empty when the columns are not samples of one budget. */
    static String of(List<Vote> votes) {
        if (votes.size() < MIN_SAMPLES || votes.stream().map(Vote::budget).distinct().count() != 1) {
            return "";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Vote v : votes) {
            String key = AnswerGrader.canonical(v.grade().extracted());
            String k = key == null ? "" : key;
            counts.merge(k, 1, Integer::sum);
            shown.putIfAbsent(k, key == null ? Messages.get("verdict.noAnswer") : v.grade().extracted());
        }
        String list = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> shown.get(e.getKey()) + " \u00d7" + e.getValue()).collect(Collectors.joining(" \u00b7 "));
        int top = counts.values().stream().max(Integer::compare).orElse(0);
        List<String> leaders = counts.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey)
                .toList();
        if (leaders.size() != 1 || leaders.getFirst().isEmpty()) {
            return Messages.get("tally.noMajority", votes.size(), list);
        }
        String winner = shown.get(leaders.getFirst());
        String expected = votes.getFirst().grade().expected();
        String mark = expected == null ? ""
                : AnswerGrader.grade(winner, expected).verdict() == Grade.Verdict.CORRECT
                ? Messages.get("tally.right") : Messages.get("tally.wrong", expected);
        return Messages.get("tally.majority", votes.size(), list, winner, top, mark);
    }
}
