package dev.thinkbench.ui.experiments;

import java.nio.file.Path;

/**
 * A problem set the setup form offers: one of the app's own ({@code samples/problems}), a file the user imported, or
 * the saved copy of an interrupted sweep's problems.
 *
 * @param name what the picker shows, e.g. {@code micro-heldout.jsonl}
 * @param file where its problems are read from
 */
public record ProblemSetChoice(String name, Path file) {

    @Override
    public String toString() {
        return name;
    }
}
