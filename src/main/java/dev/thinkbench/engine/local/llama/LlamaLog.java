package dev.thinkbench.engine.local.llama;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * llama.cpp's and ggml's log, captured through {@code llama_log_set} into a bounded ring buffer: the last
 * {@value #CAPACITY} lines, each with its level and a sequence number. Failures quote the warnings and errors logged
 * since the failing call began ({@link #mark()}, {@link #problemsSince(long)}); the Models tab shows the tail as the
 * engine's details. Warnings and errors are also copied to stderr, which the app keeps for crash reports.
 *
 * <p>Thread-safe: ggml logs from its own threads.
 */
public final class LlamaLog {

    /** ggml's levels ({@code enum ggml_log_level}). */
    public enum Level { NONE, DEBUG, INFO, WARN, ERROR, CONT }

    /** One line of the log. */
    public record Line(long sequence, Level level, String text) {
        @Override
        public String toString() {
            return level + ": " + text;
        }
    }

    static final int CAPACITY = 400;
    private static final int MAX_LINE = 1000;

    private final Deque<Line> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private final PrintStream echo;
    private Level partialLevel = Level.INFO;
    private long next = 1;

    /** @param echo where warnings and errors are copied (stderr in the host), null for nowhere */
    public LlamaLog(PrintStream echo) {
        this.echo = echo;
    }

    /**
     * Takes one callback's text. llama.cpp sends a line in pieces (level {@code CONT} continues the previous one)
     * and ends it with a newline.
     */
    public synchronized void accept(int level, String text) {
        Level l = level >= 0 && level < Level.values().length ? Level.values()[level] : Level.INFO;
        if (l != Level.CONT) {
            if (!partial.isEmpty()) {
                flushPartial();
            }
            partialLevel = l;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                flushPartial();
            } else if (partial.length() < MAX_LINE) {
                partial.append(c);
            }
        }
    }

    private void flushPartial() {
        String text = partial.toString().strip();
        partial.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        lines.addLast(new Line(next++, partialLevel, text));
        while (lines.size() > CAPACITY) {
            lines.removeFirst();
        }
        if (echo != null && (partialLevel == Level.WARN || partialLevel == Level.ERROR)) {
            echo.println("llama.cpp " + partialLevel + ": " + text);
        }
    }

    /** A position in the log: lines logged later have a greater sequence number. */
    public synchronized long mark() {
        return next;
    }

    /** The warnings and errors logged since {@code mark}, oldest first (at most the last 8). */
    public synchronized List<String> problemsSince(long mark) {
        if (!partial.isEmpty()) {
            flushPartial();
        }
        List<String> out = new ArrayList<>();
        for (Line line : lines) {
            if (line.sequence() >= mark && (line.level() == Level.WARN || line.level() == Level.ERROR)) {
                out.add(line.text());
            }
        }
        return out.size() > 8 ? List.copyOf(out.subList(out.size() - 8, out.size())) : out;
    }

    /** The lines logged since {@code mark}, any level, oldest first. */
    public synchronized List<Line> since(long mark) {
        return lines.stream().filter(l -> l.sequence() >= mark).toList();
    }

    /** The last {@code n} lines, oldest first. */
    public synchronized List<Line> tail(int n) {
        List<Line> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }
}
