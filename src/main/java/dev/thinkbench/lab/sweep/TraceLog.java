package dev.thinkbench.lab.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.core.Trace;
import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.strategy.Call;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.lab.strategy.StrategyNote;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's traces file ({@value SweepStore#TRACES} beside its results file): one compact JSON line per finished run
 * with what its result line leaves out: the trace (thinking segments, answer, status), its numbers, the candidates or
 * probes a strategy weighed with their own traces, and how it picked. Appended and flushed on the sweep's worker as
 * each run ends, so the traces of runs finished in an earlier session can be opened after a restart; read one run at
 * a time when asked ({@link #find}), the latest line of a run winning. Every text is masked
 * ({@link SecretScrubber}) and cut at {@value #MAX_TEXT_CHARS} characters, so a line stays bounded; a trace's text is
 * otherwise kept whole. A line that does not parse (a crash mid-write, a damaged file) is skipped, never fatal.
 *
 * <p>Thread-safe: {@link #append} may be called from every sweep worker; {@link #find} from any thread.
 */
public final class TraceLog implements AutoCloseable {

    /** Longer texts (a runaway trace) are cut to this many characters, with a note. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    private static final String CUT = "\n[\u2026 cut: the traces file keeps " + MAX_TEXT_CHARS + " characters]";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What the traces file keeps of one finished run.
     *
     * @param trace the chosen call's trace
     * @param metrics its numbers, null when not kept
     * @param candidates best-of-N candidates or adaptive probes, empty for a single run
     * @param note how the strategy picked, null when it did not say
     */
    public record Stored(Trace trace, RunMetrics metrics, List<Candidate> candidates, Worded note) {

        public Stored {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }
    }

    private final Path file;
    private final BufferedWriter out;

    private TraceLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens {@code file} for appending, creating it (and its folder) when missing; a last line cut off mid-write gets
     * its newline, so the next run's line starts clean (the cut one is skipped when read).
     *
     * @throws IOException when it cannot be written
     */
    public static TraceLog open(Path file) throws IOException {
        AppendFiles.createFolder(file);
        if (Files.exists(file) && Files.size(file) > 0) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek(raf.length() - 1);
                if (raf.read() != '\n') {
                    raf.write('\n');
                }
            }
        }
        return new TraceLog(file, AppendFiles.appender(file));
    }

    public Path file() {
        return file;
    }

    /** Appends the trace of a finished run as one line and flushes it (any thread). */
    public void append(RunKey key, Stored stored) throws IOException {
        String line = line(key, stored);
        synchronized (this) {
            out.write(line);
            out.write('\n');
            out.flush();
        }
    }

    /** The line {@link #append} writes: the run's key first, then its masked, bounded trace. */
    static String line(RunKey key, Stored stored) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator g = new MaskingGenerator(JSON.getFactory().createGenerator(text))) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("problemId", key.problemId());
            g.writeStringField("label", key.label());
            g.writeStringField("budget", key.budget());
            g.writeStringField("strategy", key.strategy());
            g.writeNumberField("sample", key.sample());
            g.writeObjectFieldStart("run");
            g.writeFieldName("trace");
            JSON.writeValue(g, stored.trace());
            g.writeFieldName("metrics");
            JSON.writeValue(g, stored.metrics());
            g.writeArrayFieldStart("candidates");
            for (Candidate c : stored.candidates()) {
                g.writeStartObject();
                g.writeNumberField("index", c.index());
                g.writeStringField("extracted", c.extracted());
                g.writeFieldName("score");
                JSON.writeValue(g, c.score());
                g.writeFieldName("tokens");
                JSON.writeValue(g, c.tokens());
                if (c.call() != null) {
                    g.writeObjectFieldStart("call");
                    g.writeFieldName("trace");
                    JSON.writeValue(g, c.call().trace());
                    g.writeFieldName("metrics");
                    JSON.writeValue(g, c.call().metrics());
                    g.writeStringField("endpoint", c.call().endpoint());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            writeNote(g, stored.note());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a trace line", e);
        }
        return text.toString();
    }

    /**
     * Writes JSON straight into the line (no tree in between) with every string value masked
     * ({@link SecretScrubber}), then cut to {@link #MAX_TEXT_CHARS}.
     */
    private static final class MaskingGenerator extends JsonGeneratorDelegate {

        MaskingGenerator(JsonGenerator out) {
            super(out, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            if (text == null) {
                writeNull();
            } else {
                super.writeString(bounded(SecretScrubber.scrub(text)));
            }
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            writeString(new String(text, offset, len));
        }

        @Override
        public void writeString(SerializableString text) throws IOException {
            writeString(text.getValue());
        }

        @Override
        public void writeString(Reader reader, int len) throws IOException {
            throw new UnsupportedOperationException("a streamed string cannot be masked");
        }

        @Override
        public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
            writeString(new String(text, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
            writeString(new String(text, offset, length, StandardCharsets.UTF_8));
        }
    }

    /**
     * The note in English ({@code note}, as people and older files read it), and its reason and values
     * ({@code noteReason}, {@code noteArguments}) so a window can word it again in its own language.
     */
    private static void writeNote(JsonGenerator g, Worded note) throws IOException {
        g.writeStringField("note", note == null ? "" : note.english());
        if (note != null && note.reason() instanceof StrategyNote reason) {
            g.writeStringField("noteReason", reason.name());
            g.writeArrayFieldStart("noteArguments");
            for (String a : note.arguments()) {
                g.writeString(a);
            }
            g.writeEndArray();
        }
    }

    /** The note a line holds: by reason where it names one this version knows, else its English; null for none. */
    private static Worded note(JsonNode run) {
        String english = run.path("note").asText("");
        String reason = run.path("noteReason").asText("");
        for (StrategyNote known : StrategyNote.values()) {
            if (known.name().equals(reason)) {
                List<String> arguments = new ArrayList<>();
                run.path("noteArguments").forEach(a -> arguments.add(a.asText()));
                return new Worded(known, arguments);
            }
        }
        return english.isBlank() ? null : Worded.plain(english);
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + CUT;
    }

    /**
     * The latest trace kept for {@code key} in {@code file} (any thread); empty when the file is missing or holds no
     * readable line for it. Lines that do not parse are skipped.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public static Optional<Stored> find(Path file, RunKey key) throws IOException {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        // only lines naming the problem are parsed: a sweep's file holds thousands of runs
        String needle = "\"problemId\":" + JSON.writeValueAsString(key.problemId()) + ",";
        Stored found = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.contains(needle)) {
                    continue;
                }
                Stored s = parse(line, key);
                if (s != null) {
                    found = s;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The run in {@code line} when it is {@code key}'s and reads back, else null. */
    static Stored parse(String line, RunKey key) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || o.path("v").asInt() != VERSION || !key.equals(new RunKey(o.path("problemId").asText(),
                    o.path("label").asText(), o.path("budget").asText(), o.path("strategy").asText(),
                    o.path("sample").asInt(-1)))) {
                return null;
            }
            JsonNode run = o.path("run");
            Trace trace = JSON.treeToValue(run.get("trace"), Trace.class);
            if (trace == null) {
                return null;
            }
            RunMetrics metrics = run.hasNonNull("metrics") ? JSON.treeToValue(run.get("metrics"), RunMetrics.class)
                    : null;
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode c : run.path("candidates")) {
                Call call = null;
                if (c.hasNonNull("call")) {
                    JsonNode n = c.get("call");
                    call = new Call(JSON.treeToValue(n.get("trace"), Trace.class),
                            JSON.treeToValue(n.get("metrics"), RunMetrics.class),
                            n.hasNonNull("endpoint") ? n.get("endpoint").asText() : null, null);
                }
                candidates.add(new Candidate(c.path("index").asInt(), call,
                        c.hasNonNull("extracted") ? c.get("extracted").asText() : null,
                        c.hasNonNull("score") ? c.get("score").asDouble() : null,
                        c.hasNonNull("tokens") ? c.get("tokens").asInt() : null));
            }
            return new Stored(trace, metrics, candidates, note(run));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
