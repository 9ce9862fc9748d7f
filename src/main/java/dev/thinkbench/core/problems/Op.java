package dev.thinkbench.core.problems;

/** One arithmetic operation of a problem step, with the symbol the scratchpad writes. */
public enum Op {
    ADD('+'), SUB('-'), MUL('*'), DIV('/');

    private final char symbol;

    Op(char symbol) {
        this.symbol = symbol;
    }

    public char symbol() {
        return symbol;
    }

    /** The exact result; division is only ever generated when it leaves no remainder. */
    public int apply(int left, int right) {
        return switch (this) {
            case ADD -> left + right;
            case SUB -> left - right;
            case MUL -> left * right;
            case DIV -> left / right;
        };
    }
}
