package dev.thinkbench.ui.compare;

import dev.thinkbench.core.BudgetSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget field's tooltip says what the line under the field says, which a short window folds away. */
class BudgetHelpTest {

    @Test
    void theTooltipSaysWhatTheBudgetMeansOnTheEngineChosen() {
        String text = BudgetHelp.text(BudgetSpec.parse("effort:low"), "a cap of 1,024 thinking tokens: forced");

        assertThat(text).contains("On this engine: a cap of 1,024 thinking tokens: forced");
        assertThat(BudgetHelp.text(BudgetSpec.parse("effort:low"), "")).doesNotContain("On this engine");
        assertThat(BudgetHelp.text(null, "x")).as("nothing valid typed: only the grammar's words")
                .doesNotContain("On this engine");
    }
}
