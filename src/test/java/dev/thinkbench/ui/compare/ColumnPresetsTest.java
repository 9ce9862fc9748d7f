package dev.thinkbench.ui.compare;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preset columns are named in the window's language; a name the presets file gives stays as written. */
class ColumnPresetsTest {

    private static final BudgetPresets PRESETS = new BudgetPresets(Map.of("builtin", List.of(
            new BudgetPresets.Preset("small", BudgetSpec.parse("tokens:8"), ""),
            new BudgetPresets.Preset("medium", BudgetSpec.parse("tokens:64"), ""),
            new BudgetPresets.Preset("huge", BudgetSpec.parse("tokens:512"), ""))));

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void presetColumnsAreNamedInTheWindowsLanguageAndKeepFollowingTheirBudget() {
        Messages.setLocale(Locale.KOREAN);

        List<ColumnViewModel> columns = ColumnPresets.forEngine(PRESETS, "builtin", "", null);

        assertThat(columns).extracting(c -> c.labelProperty().get()).containsExactly("\uc791\uac8c", "\uc911\uac04",
                "huge");
        List<ColumnViewModel> saved = ColumnPresets.fromSettings(List.of("\uc791\uac8c=tokens:8"));
        saved.getFirst().budgetTextProperty().set("tokens:32");
        assertThat(saved.getFirst().labelProperty().get()).as("an app-given Korean name follows the budget")
                .isNotEqualTo("\uc791\uac8c");

        Messages.setLocale(Locale.ENGLISH);
        assertThat(ColumnPresets.forEngine(PRESETS, "builtin", "", null)).extracting(c -> c.labelProperty().get())
                .containsExactly("small", "medium", "huge");
    }
}
