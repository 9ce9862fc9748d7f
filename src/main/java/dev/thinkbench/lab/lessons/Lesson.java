package dev.thinkbench.lab.lessons;

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

    /** The languages the lesson is written in. */
    public Set<String> languages() {
        return markdown.keySet();
    }
}
