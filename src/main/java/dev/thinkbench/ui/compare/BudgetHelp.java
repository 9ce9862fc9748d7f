package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.ui.common.BudgetWords;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;

/** The budget field's tooltip: the spec's grammar and what the budget typed means, in words, as it is typed. */
final class BudgetHelp {

    private BudgetHelp() {
    }

    static Tooltip tooltip(ObservableValue<Budget> budget) {
        Tooltip tip = Icons.tip("");
        tip.textProperty().bind(budget.map(BudgetHelp::text).orElse(text(null)));
        return tip;
    }

    static String text(Budget budget) {
        String words = BudgetWords.describe(budget);
        return budget == null ? words : words + "\n\n" + Messages.get("budget.words.grammar");
    }
}
