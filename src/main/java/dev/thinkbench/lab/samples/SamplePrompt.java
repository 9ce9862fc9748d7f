package dev.thinkbench.lab.samples;

import java.util.List;

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
 */
public record SamplePrompt(String id, String title, String category, String prompt, String system, String note,
                           String answer, List<String> models) {

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
        for (String m : models) {
            if (!m.equals(MICRO) && !m.equals(ANY)) {
                throw new IllegalArgumentException("sample '" + id + "' names model tag '" + m + "'; use \"" + MICRO
                        + "\" or \"" + ANY + "\"");
            }
        }
    }

    /** A sample with no expected answer, for any reasoning model. */
    public SamplePrompt(String id, String title, String category, String prompt, String system, String note) {
        this(id, title, category, prompt, system, note, null, List.of(ANY));
    }

    /** True when the built-in micro model can do this prompt. */
    public boolean suitsMicro() {
        return models.contains(MICRO);
    }
}
