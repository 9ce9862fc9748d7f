package dev.thinkbench.lab.samples;

import java.util.List;
import java.util.Map;

/**
 * One ready-made prompt from {@code samples/}.
 *
 * @param id a stable id, unique in its file
 * @param title what a picker shows
 * @param category e.g. {@code trivial}, {@code retrieval}, {@code math}, {@code logic}
 * @param prompt the text to run, not blank
 * @param system an optional system prompt, empty for none
 * @param note why the prompt is interesting (what to look for across budgets), may be empty
 * @param answer the expected answer, graded as {@link dev.thinkbench.core.AnswerGrader} does; null when the prompt has
 *               none a grader can check (a proof, a plan)
 * @param models which models the prompt suits: {@link #MICRO} (the built-in micro model can do it, and so can any
 *               reasoning model) or {@link #ANY} alone (it needs a real reasoning model); never empty
 * @param translations the title and note in other languages, by language code (e.g. {@code ko}); the prompt itself
 *                     stays as written (the micro model reads English only)
 */
public record SamplePrompt(String id, String title, String category, String prompt, String system, String note,
                           String answer, List<String> models, Map<String, Words> translations) {

    /** A title and note in one language; a blank one keeps the sample's own. */
    public record Words(String title, String note) {
        public Words {
            title = title == null ? "" : title;
            note = note == null ? "" : note;
        }
    }

    /** The tag of prompts in the micro model's world (small arithmetic word problems). */
    public static final String MICRO = "micro";
    /** The tag of prompts any reasoning model can take. */
    public static final String ANY = "any";

    public SamplePrompt {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("sample '" + id + "' has an empty prompt");
        }
        title = title == null || title.isBlank() ? id : title;
        category = category == null ? "" : category;
        system = system == null ? "" : system;
        note = note == null ? "" : note;
        answer = answer == null || answer.isBlank() ? null : answer.strip();
        models = models == null || models.isEmpty() ? List.of(ANY) : List.copyOf(models);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        for (String m : models) {
            if (!m.equals(MICRO) && !m.equals(ANY)) {
                throw new IllegalArgumentException("sample '" + id + "' names model tag '" + m + "'; use \"" + MICRO
                        + "\" or \"" + ANY + "\"");
            }
        }
    }

    /** A sample with no translations. */
    public SamplePrompt(String id, String title, String category, String prompt, String system, String note,
                        String answer, List<String> models) {
        this(id, title, category, prompt, system, note, answer, models, Map.of());
    }

    /** A sample with no expected answer, for any reasoning model. */
    public SamplePrompt(String id, String title, String category, String prompt, String system, String note) {
        this(id, title, category, prompt, system, note, null, List.of(ANY));
    }

    /** This sample with its title and note in {@code language} where it has them, else as it is. */
    public SamplePrompt in(String language) {
        Words words = translations.get(language);
        return words == null ? this : withWords(words.title(), words.note());
    }

    /** This sample with another title and note; a blank one keeps the sample's own. */
    public SamplePrompt withWords(String newTitle, String newNote) {
        return new SamplePrompt(id, newTitle.isBlank() ? title : newTitle, category, prompt, system,
                newNote.isBlank() ? note : newNote, answer, models, translations);
    }

    /** True when the built-in micro model can do this prompt. */
    public boolean suitsMicro() {
        return models.contains(MICRO);
    }
}
