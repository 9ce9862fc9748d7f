package dev.thinkbench.cli;

import dev.thinkbench.engine.EngineRegistry;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engines as the help lists them: each id and what it talks to, read from the app's engine registry. The one
 * place the command line describes engines, so it follows the registry wherever that comes from.
 */
final class EngineList {

    /** The help's width (picocli's default usage width). */
    static final int WIDTH = 80;

    /** One engine: its {@code --engine} id and what it talks to. */
    record Line(String id, String talksTo) {
    }

    private EngineList() {
    }

    /** Every engine of the registry, in its order. */
    static List<Line> all(EngineRegistry engines) {
        return engines.entries().stream().map(EngineList::line).toList();
    }

    /** The engines {@code step} can drive: the raw-continuation ones, as the registry describes them. */
    static List<Line> raw(EngineRegistry engines) {
        return engines.rawEntries().stream().map(EngineList::line).toList();
    }

    private static Line line(EngineRegistry.Entry e) {
        return new Line(e.id(), e.defaultBaseUrl() == null ? e.talksTo() : e.talksTo() + ", at " + e.defaultBaseUrl());
    }

    /**
     * A help section: a heading, then {@code id  what it talks to} per engine, wrapped under its description so no
     * line is wider than {@value #WIDTH} characters (a URL is never split).
     */
    static String section(String heading, List<Line> lines) {
        int indent = 2 + lines.stream().mapToInt(l -> l.id().length()).max().orElse(0) + 2;
        StringBuilder b = new StringBuilder(heading).append('\n');
        for (Line l : lines) {
            StringBuilder line = new StringBuilder("  ").append(l.id());
            line.append(" ".repeat(indent - line.length()));
            for (String word : l.talksTo().split(" ")) {
                if (line.length() > indent && line.length() + 1 + word.length() > WIDTH) {
                    b.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(" ".repeat(indent));
                }
                line.append(line.length() > indent ? " " : "").append(word);
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

}
