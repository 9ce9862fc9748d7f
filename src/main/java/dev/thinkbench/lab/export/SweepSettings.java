package dev.thinkbench.lab.export;

import dev.thinkbench.lab.sweep.RanWith;
import dev.thinkbench.lab.sweep.ResumeCheck;
import dev.thinkbench.lab.sweep.SweepRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep ran with, read from its results (each line names its model and sampling in {@code ranWith}, with the
 * built-in engine's context size, its budget, strategy and engine): the settings table of a report's sweep part.
 * Lines written before results named their model leave those rows out. Pure; any thread.
 *
 * @param model the model, empty when no line names it
 * @param rows name and value pairs, in the order a reader looks for them
 */
record SweepSettings(String model, List<List<String>> rows) {

    static SweepSettings of(List<SweepRecord> records, String resultsFile) {
        List<List<String>> rows = new ArrayList<>();
        Set<String> ranWith = new LinkedHashSet<>();
        Set<String> engines = new LinkedHashSet<>();
        Map<String, String> budgets = new LinkedHashMap<>();
        Map<String, String> strategies = new LinkedHashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        int samples = 0;
        for (SweepRecord r : records) {
            if (!r.ranWith().isEmpty()) {
                ranWith.add(r.ranWith());
            }
            if (r.endpoint() != null && !r.endpoint().isBlank()) {
                engines.add(r.endpoint());
            }
            budgets.putIfAbsent(r.label(), r.budget());
            strategies.putIfAbsent(r.strategy(), r.strategySettings());
            problems.add(r.problemId());
            samples = Math.max(samples, r.sample() + 1);
        }
        // a line that does not name the context size (written before results said it) is of the sweep resumed with
        // the same settings at a size, as the resume check took it
        List<String> said = List.copyOf(ranWith);
        ranWith.removeIf(then -> said.stream().anyMatch(now -> !now.equals(then) && ResumeCheck.sameSettings(then,
                now)));
        String model = "";
        if (ranWith.size() == 1) {
            Map<String, String> parts = RanWith.parts(ranWith.iterator().next());
            model = parts.get(RanWith.MODEL) == null ? "" : parts.get(RanWith.MODEL);
            add(rows, "Model", model);
            add(rows, "Engine", String.join(", ", engines));
            add(rows, "Temperature", parts.get("temperature"));
            add(rows, "Top-p", parts.get("top-p"));
            add(rows, "Seed", parts.get("seed") == null ? "none" : parts.get("seed"));
            add(rows, "Answer cap", parts.get("answer cap") == null ? null : parts.get("answer cap") + " tokens");
            // the built-in engine's runs only: an engine with a server sets its own context
            add(rows, "Context", parts.get(RanWith.CONTEXT) == null ? null : parts.get(RanWith.CONTEXT) + " tokens");
            add(rows, "System prompt", parts.get("system prompt") == null ? null
                    : "SHA-256 " + parts.get("system prompt") + "\u2026");
        } else {
            // runs made with several settings (older lines mixed in): each said whole
            add(rows, "Engine", String.join(", ", engines));
            add(rows, "Made with", String.join("; ", ranWith));
        }
        List<String> budgetWords = new ArrayList<>();
        budgets.forEach((label, spec) -> budgetWords.add(label.equals(spec) ? label : label + " = " + spec));
        add(rows, "Budgets", String.join(", ", budgetWords));
        List<String> strategyWords = new ArrayList<>();
        strategies.forEach((name, settings) -> strategyWords.add(settings.isBlank() ? name
                : name + " (" + settings + ")"));
        add(rows, "Strategies", String.join(", ", strategyWords));
        add(rows, "Problems", problems.size() + (problems.size() == 1 ? " problem" : " problems") + " \u00d7 "
                + samples + (samples == 1 ? " sample" : " samples"));
        add(rows, "Results file", resultsFile);
        return new SweepSettings(model, rows);
    }

    private static void add(List<List<String>> rows, String name, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(name, ReportText.safe(value)));
        }
    }
}
