package dev.thinkbench.lab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a lesson's exercise sets up in the workbench: the tab, the engine and model, the problem, the columns (budgets)
 * and the sampling, and whether it runs at once. One of {@code sampleId}, {@code prompt} or {@code newProblemSteps}
 * gives the problem.
 *
 * @param tab where the exercise happens
 * @param engineId the engine kind, e.g. {@code builtin}
 * @param model the model name for that engine, e.g. {@code micro-reasoner.gguf}
 * @param sampleId a sample prompt's id (samples/prompts.json or the micro model's exercise), null for none
 * @param prompt a prompt of its own, null for none
 * @param answer the prompt's expected answer (with {@code prompt}), null for none
 * @param newProblemSteps draw a new problem in the micro model's world with this many steps, 0 for none
 * @param newProblemSeed the seed of that draw, so everyone gets the same problem
 * @param columns the Compare tab's columns as {@code label=spec}, empty for the Stepper
 * @param labels the columns' labels in other languages, by language code ({@code ko}), one per column in order
 * @param temperature the temperature as typed in the prompt panel ({@code "0"} greedy), null to leave it
 * @param seed the seed as typed, {@code ""} for none (each column samples on its own), null to leave it
 * @param pricedAs the hosted model whose rates cost the runs, null for none
 * @param run whether "Start" also presses Run
 * @param confidence whether the Compare columns colour the thinking by the model's confidence in each token
 */
public record Exercise(Tab tab, String engineId, String model, String sampleId, String prompt, String answer,
                       int newProblemSteps, long newProblemSeed, List<String> columns,
                       Map<String, List<String>> labels, String temperature, String seed, String pricedAs, boolean run,
                       boolean confidence) {

    /** The tab an exercise happens in. */
    public enum Tab { COMPARE, STEPPER }

    public Exercise {
        if (tab == null || engineId == null || engineId.isBlank()) {
            throw new IllegalArgumentException("an exercise needs a tab and an engine");
        }
        int problems = (sampleId != null ? 1 : 0) + (prompt != null ? 1 : 0) + (newProblemSteps > 0 ? 1 : 0);
        if (problems != 1) {
            throw new IllegalArgumentException("an exercise needs exactly one of sample, prompt or newProblem");
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (tab == Tab.COMPARE && columns.isEmpty()) {
            throw new IllegalArgumentException("a Compare exercise needs its columns");
        }
        for (String c : columns) {
            if (c.indexOf('=') <= 0) {
                throw new IllegalArgumentException("column '" + c + "' must be label=spec");
            }
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        for (Map.Entry<String, List<String>> l : labels.entrySet()) {
            if (l.getValue().size() != columns.size() || l.getValue().stream().anyMatch(t -> t == null || t.isBlank()
                    || t.contains("="))) {
                throw new IllegalArgumentException("the " + l.getKey() + " labels must be one per column, each "
                        + "without '='");
            }
        }
    }

    /** The columns as {@code label=spec} with their labels in {@code language}, as written when it has none. */
    public List<String> columns(String language) {
        List<String> translated = labels.get(language);
        if (translated == null) {
            return columns;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            out.add(translated.get(i) + c.substring(c.indexOf('=')));
        }
        return List.copyOf(out);
    }
}
