package dev.thinkbench.cli;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.Supplier;

/**
 * Turns a bad argument into a usage error: the core and engine constructors say what is wrong with an
 * {@link IllegalArgumentException}; on the command line that becomes a {@link BadValue}, which prints the message
 * and exits with 2. Called on the command's thread.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * A value the command line took but that does not work (a file that is missing or malformed, a number out of
     * range): the message says what is wrong, and the synopsis is not repeated under it (the options were given
     * right; picocli's own errors, an unknown option or a missing one, still show it).
     */
    static final class BadValue extends ParameterException {
        BadValue(picocli.CommandLine commandLine, String message, Throwable cause) {
            super(commandLine, message, cause);
        }
    }

    /**
     * The budget of {@code --budget LABEL=SPEC}; {@code given} is the whole argument, named in the message when the
     * spec does not parse, so that the wrong one of several budgets is plain.
     *
     * @throws IllegalArgumentException when the spec does not parse or is out of range
     */
    static Budget budget(String given, String spec) {
        try {
            return BudgetSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--budget " + given + ": " + e.getMessage(), e);
        }
    }

    /** {@code supplier}'s value, or a usage error with its {@link IllegalArgumentException}'s message. */
    static <T> T check(CommandSpec spec, Supplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IllegalArgumentException e) {
            throw new BadValue(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * Refuses a compute budget of {@code option} (its values {@code tokens}) that is not a positive number of tokens:
     * "accuracy at -5 tokens per problem" means nothing.
     */
    static void positiveTokens(CommandSpec spec, String option, java.util.List<Integer> tokens) {
        for (int t : tokens) {
            if (t < 1) {
                throw error(spec, option + " must be a positive number of tokens, was " + t + " (e.g. " + option
                        + " 64,256)");
            }
        }
    }

    /** A usage error about how the options were given (one missing, one malformed): the synopsis follows it. */
    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A value that does not work, with {@code message} ({@link BadValue}: no synopsis under it). */
    static ParameterException error(CommandSpec spec, String message) {
        return new BadValue(spec.commandLine(), message, null);
    }
}
