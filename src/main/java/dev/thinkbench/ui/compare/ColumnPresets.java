package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.BudgetPresets;

import java.util.ArrayList;
import java.util.List;

/** Builds columns from the preset table, from the engine's capabilities, or from saved settings. Pure. */
final class ColumnPresets {

    private ColumnPresets() {
    }

    /** The engine's presets; without any, small / medium / large from what the engine can do. */
    static List<ColumnViewModel> forEngine(BudgetPresets presets, String engineId, ReasoningEngine engine) {
        List<ColumnViewModel> columns = new ArrayList<>();
        for (BudgetPresets.Preset p : engineId == null ? List.<BudgetPresets.Preset>of()
                : presets.forEngine(engineId)) {
            ColumnViewModel c = new ColumnViewModel(p.label(), p.budget().spec());
            c.setPresetMeaning(p.means());
            columns.add(c);
        }
        return columns.isEmpty() ? fromCapabilities(engine) : columns;
    }

    private static List<ColumnViewModel> fromCapabilities(ReasoningEngine engine) {
        if (engine != null && engine.capabilities().budgetKinds().contains(Budget.Kind.TOKENS)) {
            return List.of(new ColumnViewModel("small", "tokens:1024"), new ColumnViewModel("medium", "tokens:4096"),
                    new ColumnViewModel("large", "tokens:16384"));
        }
        return List.of(new ColumnViewModel("small", "effort:low"), new ColumnViewModel("medium", "effort:medium"),
                new ColumnViewModel("large", "effort:high"));
    }

    /** Columns saved as {@code label=spec}; entries without {@code =} are skipped. */
    static List<ColumnViewModel> fromSettings(List<String> saved) {
        List<ColumnViewModel> restored = new ArrayList<>();
        for (String s : saved) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                restored.add(new ColumnViewModel(s.substring(0, eq), s.substring(eq + 1)));
            }
        }
        return restored;
    }
}
