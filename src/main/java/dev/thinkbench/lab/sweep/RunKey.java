package dev.thinkbench.lab.sweep;

/**
 * Which run of a sweep a result is: a problem, a budget (its label and spec), a strategy and a sample. A resumed sweep
 * skips the keys whose last result is ok.
 */
public record RunKey(String problemId, String label, String budget, String strategy, int sample) {

    /** The budget of a routed run's key: routing picks its budget per problem. */
    public static final String ANY_BUDGET = "*";

    @Override
    public String toString() {
        return problemId + " \u00b7 " + label + " \u00b7 " + strategy + " #" + sample;
    }
}
