package dev.thinkbench.lab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One guided lesson: its text in each language (Markdown; the first {@code # } heading is the title) and the exercise
 * it sets up.
 *
 * @param id a stable id, e.g. {@code 01-scaling}
 * @param markdown the text by language code ({@code en}, {@code ko}); English is always there
 * @param exercise what "Start the exercise" sets up
 */
public record Lesson(String id, Map<String, String> markdown, Exercise exercise) {

    /** The language every lesson has. */
    public static final String ENGLISH = "en";

    public Lesson {
        markdown = Map.copyOf(markdown);
        if (!markdown.containsKey(ENGLISH)) {
            throw new IllegalArgumentException("lesson '" + id + "' has no English text");
        }
    }

    /** The text in {@code language}, English when the lesson has no such translation. */
    public String markdown(String language) {
        return markdown.getOrDefault(language, markdown.get(ENGLISH));
    }

    /** The title in {@code language}: the text's first level-one heading, else the id. */
    public String title(String language) {
        for (String line : markdown(language).split("\\R")) {
            if (line.startsWith("# ")) {
                return line.substring(2).strip();
            }
        }
        return id;
    }

    /** The headings of a lesson's questions section, in the languages lessons are written in. */
    private static final Set<String> QUESTIONS_HEADINGS = Set.of("Questions", "\uc9c8\ubb38");
    /** The headings of a lesson's answers section, in the languages lessons are written in. */
    private static final Set<String> ANSWERS_HEADINGS = Set.of("Answers", "\ub2f5");

    /**
     * The numbered questions of the text's questions section ({@code ## Questions}, {@code ## 질문}) in
     * {@code language}, each as one line of Markdown without its number; empty when the section is missing.
     */
    public List<String> questions(String language) {
        return numbered(language, QUESTIONS_HEADINGS);
    }

    /**
     * The answers to {@link #questions}, in their order, from the text's answers section ({@code ## Answers},
     * {@code ## 답}); empty when the lesson gives none. Shown only when asked for: try first, then check.
     */
    public List<String> answers(String language) {
        return numbered(language, ANSWERS_HEADINGS);
    }

    /** The text to read in {@code language}: {@link #markdown} without its answers section. */
    public String text(String language) {
        StringBuilder out = new StringBuilder();
        boolean inAnswers = false;
        for (String line : markdown(language).split("\\R", -1)) {
            if (line.startsWith("## ") || line.startsWith("# ")) {
                inAnswers = line.startsWith("## ") && ANSWERS_HEADINGS.contains(line.substring(3).strip());
            }
            if (!inAnswers) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    private List<String> numbered(String language, Set<String> headings) {
        List<String> out = new ArrayList<>();
        boolean inSection = false;
        StringBuilder current = null;
        for (String line : markdown(language).split("\\R")) {
            if (line.startsWith("## ")) {
                if (inSection) {
                    break;
                }
                inSection = headings.contains(line.substring(3).strip());
                continue;
            }
            if (!inSection) {
                continue;
            }
            java.util.regex.Matcher item = NUMBERED.matcher(line);
            if (item.matches()) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder(item.group(1).strip());
            } else if (current != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                current.append(' ').append(line.strip()); // a wrapped item goes on, indented
            } else if (current != null) {
                out.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return List.copyOf(out);
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("\\d+\\.\\s+(.*)");

    /** The languages the lesson is written in. */
    public Set<String> languages() {
        return markdown.keySet();
    }
}
