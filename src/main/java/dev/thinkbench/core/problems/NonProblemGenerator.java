package dev.thinkbench.core.problems;

import java.util.List;
import java.util.Random;

/**
 * Generates prompts the micro model must not solve, from a seed: general questions, other kinds of mathematics,
 * chit-chat, requests, other languages (Korean, Spanish, French, German, Chinese, Japanese, ...), and word problems
 * with a number missing or a question that asks for no number (made from {@link WordProblemGenerator}'s problems).
 * Each comes with the one-line thought the model writes before the refusal ({@link MicroFormat#REFUSAL}).
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class NonProblemGenerator {

    /** A prompt outside the task, its kind and the thought line (without newline) that precedes the refusal. */
    public record NonProblem(String id, String question, String kind, String thought) {
    }

    public static final String NOT_A_PROBLEM = "This is not an arithmetic word problem.";
    public static final String NOT_ENGLISH = "This is not in English.";
    public static final String MISSING = "A number I need is missing.";
    public static final String NO_NUMBER_ASKED = "The question does not ask for a number.";

    private final Random rng;
    private final WordProblemGenerator problems;

    public NonProblemGenerator(long seed) {
        this.rng = new Random(seed);
        this.problems = new WordProblemGenerator(seed * 7 + 3);
    }

    public NonProblem next(String id) {
        int roll = rng.nextInt(100);
        if (roll < 20) {
            return new NonProblem(id, fill(pick(OffTopic.QUESTIONS)), "general", NOT_A_PROBLEM);
        }
        if (roll < 30) {
            return new NonProblem(id, fill(pick(OffTopic.MATH)), "math", NOT_A_PROBLEM);
        }
        if (roll < 42) {
            return new NonProblem(id, fill(pick(OffTopic.CHAT)), "chat", NOT_A_PROBLEM);
        }
        if (roll < 54) {
            return new NonProblem(id, fill(pick(OffTopic.TASKS)), "task", NOT_A_PROBLEM);
        }
        if (roll < 70) {
            return new NonProblem(id, fill(pick(OffTopic.FOREIGN)), "language", NOT_ENGLISH);
        }
        if (roll < 90) {
            return missing(id);
        }
        return noNumberAsked(id);
    }

    /** A word problem with one number replaced by a vague amount or left out. */
    private NonProblem missing(String id) {
        while (true) {
            Problem p = problems.next(1 + rng.nextInt(3), id);
            if (p.family().equals("expression")) {
                continue;
            }
            String q = p.question();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$?\\b\\d+\\b( dollars)?").matcher(q);
            List<int[]> spans = new java.util.ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            if (spans.isEmpty()) {
                continue;
            }
            int[] s = spans.get(rng.nextInt(spans.size()));
            String number = q.substring(s[0], s[1]);
            String vague = number.contains("$") || number.contains("dollars")
                    ? pick(List.of("some money", "a few dollars", "some dollars"))
                    : pick(List.of("some", "a few", "several", "many", "a lot of", "a bunch of"));
            String out = q.substring(0, s[0]) + vague + q.substring(s[1]);
            out = out.replace("a lot of more", "a lot more").replace(" of of ", " of ").replace("  ", " ");
            if (s[0] == 0) {
                out = SceneWriter.cap(out);
            }
            if (!out.matches(".*\\d.*") && rng.nextBoolean()) {
                continue;
            }
            return new NonProblem(id, out, "missing", MISSING);
        }
    }

    /** A word problem whose question asks for something other than a number. */
    private NonProblem noNumberAsked(String id) {
        while (true) {
            Problem p = problems.next(1 + rng.nextInt(2), id);
            if (!p.family().equals("story") && !p.family().equals("place")) {
                continue;
            }
            String q = p.question();
            int cut = q.lastIndexOf(". ");
            if (cut < 0) {
                continue;
            }
            return new NonProblem(id, q.substring(0, cut + 1) + " " + fill(pick(OffTopic.NON_NUMBER_QUESTIONS)),
                    "story", NO_NUMBER_ASKED);
        }
    }

    private String fill(String template) {
        String s = template;
        for (var e : OffTopic.SLOTS.entrySet()) {
            while (s.contains(e.getKey())) {
                s = s.replaceFirst(java.util.regex.Pattern.quote(e.getKey()), pick(e.getValue()));
            }
        }
        while (s.contains("{n}")) {
            s = s.replaceFirst("\\{n}", Integer.toString(2 + rng.nextInt(rng.nextBoolean() ? 20 : 200)));
        }
        return s;
    }

    private <T> T pick(List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }
}
