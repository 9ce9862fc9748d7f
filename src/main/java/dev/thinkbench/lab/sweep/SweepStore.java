package dev.thinkbench.lab.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.core.problemset.ProblemLoad;
import dev.thinkbench.core.problemset.ProblemSetReader;
import dev.thinkbench.core.problemset.ProblemSetWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sweeps the Experiments tab started, one folder each under the data folder's {@code sweeps/}: {@value #SETUP}
 * (the {@link SweepSetup} and whether the sweep ran to its end, versioned JSON written to a temporary file and moved
 * into place), {@value #PROBLEMS} (a copy of the problems, so a sweep resumes even if the picked file changed or went
 * away), {@value #RESULTS} (the {@link ResultLog}, one line per finished run) and {@value #TRACES} (the
 * {@link TraceLog}, each finished run's trace, read when its cell is opened). A sweep not marked finished was
 * interrupted (a closed window, a crash) and can be resumed: its finished runs are kept and only the rest run.
 *
 * <p>Stateless apart from the folder; call from one thread at a time (the tab's background task or the UI thread).
 */
public final class SweepStore {

    public static final String SETUP = "sweep.json";
    public static final String PROBLEMS = "problems.jsonl";
    public static final String RESULTS = "results.jsonl";
    public static final String TRACES = "traces.jsonl";
    private static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(SweepStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Where a saved sweep stands. */
    public enum Status {
        /** Started and not ended: interrupted if no sweep of this window runs it. */
        RUNNING,
        /** Every run of the plan has a result (or the user stopped it and chose not to resume). */
        FINISHED,
        /** Interrupted, and the user declined to resume it; its results stay on disk. */
        SET_ASIDE
    }

    /**
     * One saved sweep.
     *
     * @param folder its folder; {@link #results()} and {@link #problems()} live in it
     * @param created when it was first started
     * @param problemCount how many problems it runs (its copy of them)
     */
    public record Saved(Path folder, SweepSetup setup, Status status, Instant created, int problemCount) {

        public Path results() {
            return folder.resolve(RESULTS);
        }

        /** Its traces file ({@link TraceLog}); it may not exist (a sweep saved before traces were kept). */
        public Path traces() {
            return folder.resolve(TRACES);
        }

        public Path problemsFile() {
            return folder.resolve(PROBLEMS);
        }

        /** The saved copy of the problems. */
        public ProblemLoad problems() throws IOException {
            return ProblemSetReader.read(problemsFile());
        }

        /** The results file's contents; empty when it does not exist yet. */
        public ResultLog.Contents contents() throws IOException {
            return Files.exists(results()) ? ResultLog.read(results())
                    : new ResultLog.Contents(List.of(), List.of());
        }
    }

    private final Path root;

    /** @param root the folder that holds one folder per sweep (created when the first sweep is saved) */
    public SweepStore(Path root) {
        this.root = root;
    }

    /** The store in the data folder: {@code DATA/sweeps}. */
    public static SweepStore inDataDirectory(Path dataDirectory) {
        return new SweepStore(dataDirectory.resolve("sweeps"));
    }

    public Path root() {
        return root;
    }

    /**
     * Saves a new sweep: a fresh folder named after the time and the problem set, its setup (running) and a copy of
     * its problems.
     *
     * @throws IOException when the folder or its files cannot be written
     */
    public Saved create(SweepSetup setup, List<BenchProblem> problems, Instant now) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(now) + "-" + slug(setup.problemSet());
        Path folder = root.resolve(base);
        for (int i = 2; Files.exists(folder); i++) {
            folder = root.resolve(base + "-" + i);
        }
        Files.createDirectories(folder);
        write(folder.resolve(PROBLEMS), ProblemSetWriter.jsonl(problems));
        Saved saved = new Saved(folder, setup, Status.RUNNING, now, problems.size());
        writeSetup(saved);
        return saved;
    }

    /** Records a new status for {@code saved}; returns it as saved. */
    public Saved mark(Saved saved, Status status) throws IOException {
        Saved next = new Saved(saved.folder(), saved.setup(), status, saved.created(), saved.problemCount());
        writeSetup(next);
        return next;
    }

    /** Every saved sweep that can be read, newest first; unreadable folders are logged and left alone. */
    public List<Saved> list() {
        List<Saved> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                read(folder).ifPresent(out::add);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list saved sweeps in " + root + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(Saved::created).reversed().thenComparing(s -> s.folder().toString(),
                Comparator.reverseOrder()));
        return out;
    }

    /** The newest sweep that was interrupted (still marked running), if any. */
    public Optional<Saved> interrupted() {
        return list().stream().filter(s -> s.status() == Status.RUNNING).findFirst();
    }

    /** Reads one sweep folder; empty (and logged) when its setup is missing, unreadable or from a newer version. */
    public static Optional<Saved> read(Path folder) {
        Path file = folder.resolve(SETUP);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (n == null || n.path("version").asInt(0) != VERSION) {
                LOG.log(System.Logger.Level.WARNING, file + " is not a sweep this version reads; left alone");
                return Optional.empty();
            }
            SweepSetup setup = JSON.treeToValue(n.path("setup"), SweepSetup.class);
            Status status = Status.valueOf(n.path("status").asText(Status.RUNNING.name()));
            Instant created = Instant.parse(n.path("created").asText());
            int count = n.has("problemCount") ? n.path("problemCount").asInt() : countLines(folder.resolve(PROBLEMS));
            return Optional.of(new Saved(folder, setup, status, created, count));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read saved sweep " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The problems in a sweep saved before its setup counted them: the non-blank lines of its copy (0 if none). */
    private static int countLines(Path problems) throws IOException {
        if (!Files.exists(problems)) {
            return 0;
        }
        try (var lines = Files.lines(problems, StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> !l.isBlank()).count();
        }
    }

    private static void writeSetup(Saved saved) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", VERSION);
        o.put("status", saved.status().name());
        o.put("created", saved.created().toString());
        o.put("problemCount", saved.problemCount());
        o.set("setup", JSON.valueToTree(saved.setup()));
        write(saved.folder().resolve(SETUP), JSON.writeValueAsString(o) + "\n");
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A folder-name-safe short form of a problem set's name. */
    static String slug(String name) {
        String base = name == null ? "" : name.replaceFirst("\\.(jsonl|csv|json)$", "");
        String s = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "sweep" : s;
    }
}
