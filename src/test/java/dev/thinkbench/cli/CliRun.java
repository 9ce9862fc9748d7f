package dev.thinkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One command line run in the test's JVM, as a user's shell would see it: its exit code and what it printed to
 * stdout and stderr (both captured for the run, then put back).
 *
 * @param code the exit code
 * @param out  what it printed to stdout
 * @param err  what it printed to stderr
 */
public record CliRun(int code, String out, String err) {

    /** stdout as JSON ({@code --format json}). */
    public com.fasterxml.jackson.databind.JsonNode json() throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
    }

    /** Runs {@code args} against {@code services}. Not thread-safe: it swaps {@code System.out} and {@code err}. */
    public static CliRun of(CliServices services, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = ThinkbenchCli.run(args, services);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
