package dev.thinkbench.lab.samples;

/**
 * One ready-made prompt from {@code samples/}.
 *
 * @param id a stable id, unique in its file
 * @param title what a picker shows
 * @param category e.g. {@code trivial}, {@code retrieval}, {@code math}, {@code logic}
 * @param prompt the text to run, not blank
 * @param system an optional system prompt, empty for none
 * @param note why the prompt is interesting (what to look for across budgets), may be empty
 */
public record SamplePrompt(String id, String title, String category, String prompt, String system, String note) {

    public SamplePrompt {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("sample '" + id + "' has an empty prompt");
        }
        title = title == null || title.isBlank() ? id : title;
        category = category == null ? "" : category;
        system = system == null ? "" : system;
        note = note == null ? "" : note;
    }
}
