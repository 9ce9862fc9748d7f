package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.ui.common.Messages;

import java.util.ArrayList;
import java.util.List;

/** Builds columns from the preset table, from the engine's capabilities, from an exercise, or from saved settings. Pure. */
final class ColumnPresets {

    /** The names the app gives its preset columns, smallest budget first. */
    private static final List<String> PRESET_NAMES = List.of("small", "medium", "large");

    private ColumnPresets() {
    }

    /**
     * A preset's name as the window shows it: small / medium / large in the window's language (작게 / 중간 / 크게),
     * any other name (one a user wrote into the presets file) as it is.
     */
    static String shownName(String presetLabel) {
        return PRESET_NAMES.contains(presetLabel) ? Messages.get("column.preset." + presetLabel) : presetLabel;
    }

    /** The model's (else the engine's) presets; without any, small / medium / large from what the engine can do. */
    static List<ColumnViewModel> forEngine(BudgetPresets presets, String engineId, String model,
                                           ReasoningEngine engine) {
        List<ColumnViewModel> columns = new ArrayList<>();
        for (BudgetPresets.Preset p : engineId == null ? List.<BudgetPresets.Preset>of()
                : presets.forModel(engineId, model)) {
            // what the preset means comes from the table when the column is shown (CompareViewModel#presetWords),
            // for the budget then typed and the engine then chosen, not kept from here
            columns.add(ColumnViewModel.followingBudget(shownName(p.label()), p.budget().spec()));
        }
        return columns.isEmpty() ? fromCapabilities(engine) : columns;
    }

    private static List<ColumnViewModel> fromCapabilities(ReasoningEngine engine) {
        if (engine != null && engine.capabilities().budgetKinds().contains(Budget.Kind.TOKENS)) {
            return named(List.of("tokens:1024", "tokens:4096", "tokens:16384"));
        }
        return named(List.of("effort:low", "effort:medium", "effort:high"));
    }

    /** Small / medium / large columns of these three budgets. */
    private static List<ColumnViewModel> named(List<String> specs) {
        List<ColumnViewModel> columns = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            columns.add(ColumnViewModel.followingBudget(shownName(PRESET_NAMES.get(i)), specs.get(i)));
        }
        return List.copyOf(columns);
    }

    /**
     * Columns saved as {@code label=spec}; entries without {@code =} are skipped. A saved label the app gave (the
     * name its budget would get, or a preset name) keeps following the budget; one the user typed stays.
     */
    static List<ColumnViewModel> fromSettings(List<String> saved) {
        return parsed(saved, (label, spec) -> appGiven(label, spec) ? ColumnViewModel.followingBudget(label, spec)
                : new ColumnViewModel(label, spec));
    }

    /**
     * Columns the app names ({@code label=spec}, a lesson's): each label follows its budget until the user types one,
     * so a lesson's "64 tokens" edited to {@code max=256} is called "max 256", not still "64 tokens".
     */
    static List<ColumnViewModel> appNamed(List<String> columns) {
        return parsed(columns, ColumnViewModel::followingBudget);
    }

    /** Each {@code label=spec} entry made into a column; entries without {@code =} are skipped. */
    private static List<ColumnViewModel> parsed(List<String> entries,
                                                java.util.function.BiFunction<String, String, ColumnViewModel> make) {
        List<ColumnViewModel> columns = new ArrayList<>();
        for (String s : entries) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                columns.add(make.apply(s.substring(0, eq), s.substring(eq + 1)));
            }
        }
        return columns;
    }

    private static boolean appGiven(String label, String spec) {
        if (PRESET_NAMES.contains(label.strip())
                || PRESET_NAMES.stream().anyMatch(n -> shownName(n).equals(label.strip()))) {
            return true;
        }
        try {
            return ColumnNames.of(BudgetSpec.parse(spec)).equals(label.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
