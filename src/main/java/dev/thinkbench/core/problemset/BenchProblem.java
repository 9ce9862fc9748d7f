package dev.thinkbench.core.problemset;

import java.util.List;

/**
 * One problem of a problem set, as a line of a {@code samples/problems/*.jsonl} file holds it.
 *
 * @param id unique within its set, not blank
 * @param prompt what the model is asked, not blank
 * @param answer the expected answer as text (a number, a choice letter or a word), null when the problem has none:
 *               it is then run and shown ungraded
 * @param difficulty optional, 1 and up (the micro set uses its step count 1..6), null when unknown
 * @param tags free labels, e.g. {@code micro}, {@code word-problem}
 * @param source where the problem comes from, e.g. {@code written for Thinkbench}; empty when unknown
 * @param license e.g. {@code CC0-1.0}; empty when unknown
 */
public record BenchProblem(String id, String prompt, String answer, Integer difficulty, List<String> tags,
                           String source, String license) {

    public BenchProblem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a problem needs an id");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("problem '" + id + "' has no prompt");
        }
        if (difficulty != null && difficulty < 1) {
            throw new IllegalArgumentException("problem '" + id + "': difficulty must be 1 or more, was "
                    + difficulty);
        }
        id = id.strip();
        answer = answer == null || answer.isBlank() ? null : answer.strip();
        tags = List.copyOf(tags == null ? List.of() : tags);
        source = source == null ? "" : source;
        license = license == null ? "" : license;
    }

    /** A problem with only the required parts and an answer. */
    public static BenchProblem of(String id, String prompt, String answer) {
        return new BenchProblem(id, prompt, answer, null, List.of(), "", "");
    }

    /** Whether there is an expected answer to grade against. */
    public boolean gradable() {
        return answer != null;
    }
}
