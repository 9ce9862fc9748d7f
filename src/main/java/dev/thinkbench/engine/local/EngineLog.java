package dev.thinkbench.engine.local;

import dev.thinkbench.core.SecretScrubber;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The built-in engine's own output: the last lines its host processes wrote to stderr (llama.cpp's log, the JVM's
 * messages), kept across restarts in a bounded ring of {@value #MAX_LINES} lines and {@value #MAX_CHARS} characters,
 * each line cut to {@value #MAX_LINE_CHARS}. Captured from the child process in the app, so it does not depend on
 * the native binding. Lines are numbered, so a failure can take the lines written while its request ran.
 *
 * <p>No key can be in it: the host runs without the app's secrets ({@link HostEnvironment}) and is never sent one,
 * and every line is masked by {@link SecretScrubber} anyway (first masked, then cut) before it is kept.
 *
 * <p>Thread-safe: the stderr readers add lines, any thread reads.
 */
public final class EngineLog {

    public static final int MAX_LINES = 200;
    public static final int MAX_CHARS = 64 * 1024;
    public static final int MAX_LINE_CHARS = 2000;
    /** Lines that say why something failed, in llama.cpp's and the JVM's wording ("error loading model: ..."). */
    private static final Pattern REASON = Pattern.compile("error|exception|out of memory|abort",
            Pattern.CASE_INSENSITIVE);
    /** Lines that say only that something failed; used when no line says why. */
    private static final Pattern FAILED = Pattern.compile("failed|invalid|not within|wrong|unknown|unsupported",
            Pattern.CASE_INSENSITIVE);
    private static final int REASON_CHARS = 300;
    private static final Pattern LEVEL_PREFIX = Pattern.compile("^llama\\.cpp [A-Z]+: ");

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private int chars;
    /** Number of lines ever added; the line numbered n is the n-th added (from 0). */
    private long added;

    /** Adds one line (masked, then cut), dropping the oldest ones beyond the bounds. */
    public synchronized void add(String line) {
        String masked = SecretScrubber.scrub(line);
        String kept = masked.length() > MAX_LINE_CHARS ? masked.substring(0, MAX_LINE_CHARS) + "\u2026" : masked;
        lines.addLast(kept);
        chars += kept.length();
        added++;
        while (lines.size() > MAX_LINES || chars > MAX_CHARS) {
            chars -= lines.removeFirst().length();
        }
    }

    /** The number of the next line to be added: pass it to {@link #since} later. */
    public synchronized long position() {
        return added;
    }

    /** The lines added since {@code position} that are still kept, oldest first. */
    public synchronized List<String> since(long position) {
        long first = added - lines.size();
        List<String> out = new ArrayList<>();
        long n = first;
        for (String line : lines) {
            if (n++ >= position) {
                out.add(line);
            }
        }
        return out;
    }

    /** Every line still kept, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * The most telling line of {@code lines} for a one-sentence message, spaces collapsed and cut to 300
     * characters: the last one naming an error, else the last one saying something failed, else null.
     */
    static String reason(List<String> lines) {
        String found = last(lines, REASON);
        if (found == null) {
            found = last(lines, FAILED);
        }
        if (found == null) {
            return null;
        }
        String line = found.strip().replaceAll("\\s+", " ");
        return line.length() > REASON_CHARS ? line.substring(0, REASON_CHARS) + "\u2026" : line;
    }

    private static String last(List<String> lines, Pattern pattern) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            // the host copies llama.cpp's warnings and errors as "llama.cpp ERROR: text": the level is not a reason
            String line = LEVEL_PREFIX.matcher(lines.get(i).strip()).replaceFirst("");
            // a stack frame ("at x.y(...)") names no reason; its exception line above it does
            if (pattern.matcher(line).find() && !line.toLowerCase(Locale.ROOT).startsWith("at ")) {
                return line;
            }
        }
        return null;
    }
}
