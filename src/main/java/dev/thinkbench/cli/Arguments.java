package dev.thinkbench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.Supplier;

/**
 * Turns a bad argument into a usage error: the core and engine constructors say what is wrong with an
 * {@link IllegalArgumentException}; on the command line that becomes a {@link ParameterException}, which prints the
 * message and the usage and exits with 2. Called on the command's thread.
 */
final class Arguments {

    private Arguments() {
    }

    /** {@code supplier}'s value, or a usage error with its {@link IllegalArgumentException}'s message. */
    static <T> T check(CommandSpec spec, Supplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** A usage error with {@code message}. */
    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
