package dev.thinkbench.core.problems;

import java.util.ArrayList;
import java.util.List;

/**
 * A word problem being written: its sentences, the scratchpad lines so far, the running value and how many
 * operations it holds. One thread.
 */
final class Draft {

    final String family;
    final List<String> sentences = new ArrayList<>();
    final List<Step> lines = new ArrayList<>();
    int value;
    int ops;

    Draft(String family) {
        this.family = family;
    }

    /** The story starts at {@code value}, no line written. */
    void start(int start) {
        value = start;
    }

    /** The story starts with {@code k} groups of {@code m}: the product's lines, one operation. */
    void startGroups(int k, int m) {
        lines.addAll(Arithmetic.product(k, m));
        value = lines.getLast().result();
        ops++;
    }

    /** One operation on the running value. */
    void apply(Op op, int operand) {
        lines.addAll(Arithmetic.apply(value, op, operand));
        value = lines.getLast().result();
        ops++;
    }

    /** Adds or takes away {@code k} groups of {@code m}: the product's lines, then the combining line. */
    void groups(int k, int m, Op combine) {
        List<Step> product = Arithmetic.product(k, m);
        lines.addAll(product);
        lines.addAll(Arithmetic.apply(value, combine, product.getLast().result()));
        value = lines.getLast().result();
        ops++;
    }

    /** The question text: the sentences joined by spaces. */
    String text() {
        return String.join(" ", sentences);
    }
}
