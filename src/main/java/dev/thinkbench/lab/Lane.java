package dev.thinkbench.lab;

import dev.thinkbench.core.Budget;

/** One column of a comparison: a label such as "small" and its budget. */
public record Lane(String label, Budget budget) {

    public Lane {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a column needs a label");
        }
        if (budget == null) {
            throw new IllegalArgumentException("column '" + label + "' needs a budget");
        }
    }
}
