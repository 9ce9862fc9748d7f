package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.ui.common.BudgetWords;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;

/**
 * The budget field's tooltip: what the budget typed means, in words, as it is typed; what it means on the engine
 * chosen (the line under the field says it too, but a short window folds that line away); and the spec's grammar.
 */
final class BudgetHelp {

    private BudgetHelp() {
    }

    /** @param onEngine what the budget means on the engine chosen, "" when unknown */
    static Tooltip tooltip(ObservableValue<Budget> budget, ObservableValue<String> onEngine) {
        Tooltip tip = Icons.tip("");
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text(budget.getValue(), onEngine.getValue()), budget, onEngine));
        return tip;
    }

    static String text(Budget budget, String onEngine) {
        String words = BudgetWords.describe(budget);
        if (budget == null) {
            return words;
        }
        String engine = onEngine == null || onEngine.isBlank() ? "" : "\n\n" + Messages.get("column.onEngine", onEngine);
        return words + engine + "\n\n" + Messages.get("budget.words.grammar");
    }
}
