package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.problemset.LoadIssue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's results file: one JSON line per finished run ({@link SweepRecordJson}), appended and flushed as each run
 * ends, so a crash or a kill loses at most the line being written. Opening an existing file reads what is there
 * (malformed lines are reported and skipped) and cuts a last line that was cut off mid-write, so appending goes on
 * cleanly.
 *
 * <p>Thread-safe: {@link #append} may be called from every sweep worker.
 */
public final class ResultLog implements AutoCloseable {

    /** What a results file holds. */
    public record Contents(List<SweepRecord> records, List<LoadIssue> issues) {

        public Contents {
            records = List.copyOf(records);
            issues = List.copyOf(issues);
        }

        /** The last result of each run, in the order runs first appear: later lines (retries) win. */
        public List<SweepRecord> latest() {
            Map<RunKey, SweepRecord> byKey = new LinkedHashMap<>();
            records.forEach(r -> byKey.put(r.key(), r));
            return List.copyOf(byKey.values());
        }
    }

    private final Path file;
    private final Contents existing;
    private final BufferedWriter out;

    private ResultLog(Path file, Contents existing, BufferedWriter out) {
        this.file = file;
        this.existing = existing;
        this.out = out;
    }

    /**
     * Opens {@code file} for appending, creating it (and its folder) when missing; reads what it holds first.
     *
     * @throws IOException when it cannot be read or written
     */
    public static ResultLog open(Path file) throws IOException {
        AppendFiles.createFolder(file);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Contents existing = parse(text);
        LoadIssue first = existing.issues().isEmpty() ? null : existing.issues().getFirst();
        if (first != null && first.reason() != LoadIssue.Reason.CUT_OFF
                && (existing.records().isEmpty() || first.line() == firstLine(text))) {
            // another kind of file (a saved session, a problem set): nothing is appended to it, nothing cut off it
            throw new IOException(file.getFileName() + " is not a results file (line " + first.line() + ": "
                    + first.message() + "); give --out a new file or one an earlier sweep wrote");
        }
        cutPartialLastLine(file);
        return new ResultLog(file, existing, AppendFiles.appender(file));
    }

    /**
     * Reads a results file without opening it for writing. A last line without its newline that does not parse is
     * a write that was cut off: reported as such and skipped.
     */
    public static Contents read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Contents parse(String text) {
        List<SweepRecord> records = new ArrayList<>();
        List<LoadIssue> issues = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                records.add(SweepRecordJson.parse(line));
            } catch (IllegalArgumentException e) {
                boolean cutOff = i == lines.length - 1;
                issues.add(LoadIssue.of(i + 1, cutOff ? LoadIssue.Reason.CUT_OFF : LoadIssue.Reason.OTHER,
                        e.getMessage()));
            }
        }
        return new Contents(records, issues);
    }

    /** The number of the first line that is not blank (a results file's first result), 0 when none is. */
    private static int firstLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void cutPartialLastLine(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            raf.seek(length - 1);
            if (raf.read() == '\n') {
                return;
            }
            long pos = length - 1;
            while (pos > 0) {
                raf.seek(pos - 1);
                if (raf.read() == '\n') {
                    break;
                }
                pos--;
            }
            byte[] tail = new byte[(int) (length - pos)];
            raf.seek(pos);
            raf.readFully(tail);
            try {
                SweepRecordJson.parse(new String(tail, StandardCharsets.UTF_8));
                raf.seek(length);
                raf.write('\n');
            } catch (IllegalArgumentException cutOff) {
                raf.setLength(pos);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** What the file held when it was opened. */
    public Contents existing() {
        return existing;
    }

    /** Appends one result line and flushes it. */
    public synchronized void append(SweepRecord record) throws IOException {
        out.write(SweepRecordJson.line(record));
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
