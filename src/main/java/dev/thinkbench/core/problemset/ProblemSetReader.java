package dev.thinkbench.core.problemset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads problem sets. JSONL: one object a line with {@code id}, {@code prompt}, optional {@code answer} (text or
 * number), {@code difficulty} (a whole number, 1 and up), {@code tags} (a list of text, or one text),
 * {@code source}, {@code license}, in any case ({@code "ID"} too); unknown fields are ignored and blank lines skipped;
 * anything but white space after a line's object makes the line malformed. CSV: a header row naming the same columns
 * (in any order, any case; {@code tags} separated by {@code ;} or {@code |}), quoted fields as in RFC 4180. A
 * difficulty that is no whole number of 1 or more is reported and left out (the problem loads without one). A
 * malformed entry (not an object, no id or prompt, an id seen before, a row with too many fields, a CSV record with
 * text after a closing quote or a quote never closed) is reported with its line number and skipped; the rest loads.
 * Stateless; any thread.
 */
public final class ProblemSetReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COLUMNS = Set.of("id", "prompt", "answer", "difficulty", "tags", "source",
            "license");

    private ProblemSetReader() {
    }

    /**
     * Reads a file: CSV when its name ends in {@code .csv}, else JSONL.
     *
     * @throws IOException when the file cannot be read at all (missing, unreadable, not UTF-8)
     */
    public static ProblemLoad read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(in, name) : readJsonl(in, name);
        }
    }

    /** Reads JSONL text (see the class comment). */
    public static ProblemLoad readJsonl(Reader in, String name) throws IOException {
        Builder out = new Builder(name);
        BufferedReader lines = new BufferedReader(in);
        String line;
        for (int n = 1; (line = lines.readLine()) != null; n++) {
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try (JsonParser parser = JSON.createParser(line)) {
                node = JSON.readTree(parser);
                if (node != null && textAfter(parser)) {
                    out.issue(n, LoadIssue.Reason.TEXT_AFTER_OBJECT);
                    continue;
                }
            } catch (JsonProcessingException e) {
                notJson(out, n, e);
                continue;
            }
            if (node == null || !node.isObject()) {
                out.issue(n, LoadIssue.Reason.NOT_AN_OBJECT);
                continue;
            }
            // keys in any case, as CSV headers are ("ID", "Prompt"); the lower-case one wins where both are there
            Map<String, JsonNode> fields = new HashMap<>();
            node.properties().forEach(e -> {
                String key = e.getKey().strip().toLowerCase(Locale.ROOT);
                if (key.equals(e.getKey())) {
                    fields.put(key, e.getValue());
                } else {
                    fields.putIfAbsent(key, e.getValue());
                }
            });
            out.add(n, fromJson(fields));
        }
        return out.build();
    }

    /** Whether anything but white space follows the value {@code parser} has read (a second object, a stray word). */
    private static boolean textAfter(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    /** Reads CSV text with a header row (see the class comment). */
    public static ProblemLoad readCsv(Reader in, String name) throws IOException {
        Builder out = new Builder(name);
        List<CsvRecords.Entry> entries = CsvRecords.parse(in);
        if (entries.isEmpty()) {
            return out.build();
        }
        if (!(entries.getFirst() instanceof CsvRecords.Row first)) {
            CsvRecords.Broken header = (CsvRecords.Broken) entries.getFirst();
            out.issue(header.line(), header.reason());
            return out.build();
        }
        List<String> header = first.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("id") || !header.contains("prompt")) {
            out.issue(first.line(), LoadIssue.Reason.HEADER_WITHOUT_ID_AND_PROMPT, String.join(", ", header));
            return out.build();
        }
        for (CsvRecords.Entry entry : entries.subList(1, entries.size())) {
            switch (entry) {
                case CsvRecords.Broken broken -> out.issue(broken.line(), broken.reason());
                case CsvRecords.Row row -> addRow(out, header, row);
            }
        }
        return out.build();
    }

    private static void addRow(Builder out, List<String> header, CsvRecords.Row row) {
        if (row.fields().stream().allMatch(String::isBlank)) {
            return;
        }
        if (row.fields().size() > header.size()) {
            out.issue(row.line(), LoadIssue.Reason.MORE_FIELDS_THAN_HEADER, row.fields().size(), header.size());
            return;
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            if (COLUMNS.contains(header.get(i))) {
                cells.put(header.get(i), row.fields().get(i));
            }
        }
        out.add(row.line(), fromCells(cells));
    }

    /** A problem, or the reason the entry is not one. */
    private sealed interface Entry {
    }

    private record Ok(BenchProblem problem) implements Entry {
    }

    private record Bad(LoadIssue.Reason reason, Object... arguments) implements Entry {
    }

    /** A problem that loads without a field it got wrong, and why. */
    private record Warned(BenchProblem problem, LoadIssue.Reason reason, Object... arguments) implements Entry {
    }

    private static Entry fromJson(Map<String, JsonNode> f) {
        String id = scalar(f.get("id"));
        String prompt = text(f.get("prompt"));
        if (id == null || id.isBlank()) {
            return new Bad(LoadIssue.Reason.NO_ID);
        }
        if (prompt == null || prompt.isBlank()) {
            return new Bad(LoadIssue.Reason.NO_PROMPT, id);
        }
        JsonNode answer = f.get("answer");
        if (answer != null && !answer.isNull() && !answer.isValueNode()) {
            return new Bad(LoadIssue.Reason.ANSWER_NOT_TEXT, id);
        }
        JsonNode tagsNode = f.get("tags");
        List<String> tags = new ArrayList<>();
        if (tagsNode != null && tagsNode.isArray()) {
            tagsNode.forEach(t -> tags.add(t.asText()));
        } else if (tagsNode != null && tagsNode.isTextual()) {
            tags.add(tagsNode.asText());
        } else if (tagsNode != null && !tagsNode.isNull()) {
            return new Bad(LoadIssue.Reason.TAGS_NOT_TEXT, id);
        }
        return build(id, prompt, scalar(answer), scalar(f.get("difficulty")), tags, text(f.get("source")),
                text(f.get("license")));
    }

    private static Entry fromCells(Map<String, String> c) {
        String id = c.get("id");
        if (id == null || id.isBlank()) {
            return new Bad(LoadIssue.Reason.NO_ID);
        }
        String prompt = c.get("prompt");
        if (prompt == null || prompt.isBlank()) {
            return new Bad(LoadIssue.Reason.NO_PROMPT, id.strip());
        }
        List<String> tags = new ArrayList<>();
        for (String t : c.getOrDefault("tags", "").split("[;|]")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        return build(id, prompt, c.get("answer"), c.get("difficulty"), tags, c.get("source"), c.get("license"));
    }

    private static Entry build(String id, String prompt, String answer, String difficulty, List<String> tags,
                               String source, String license) {
        Integer level = null;
        LoadIssue.Reason wrong = null;
        Object said = null;
        if (difficulty != null && !difficulty.isBlank()) {
            try {
                level = Integer.valueOf(difficulty.strip());
                if (level < 1) {
                    wrong = LoadIssue.Reason.DIFFICULTY_BELOW_ONE;
                    said = level;
                    level = null;
                }
            } catch (NumberFormatException e) {
                // "easy": the problem is run all the same, only left out of the curves by difficulty
                wrong = LoadIssue.Reason.DIFFICULTY_NOT_A_NUMBER;
                said = difficulty.strip();
            }
        }
        BenchProblem problem;
        try {
            problem = new BenchProblem(id, prompt, answer, level, tags, source, license);
        } catch (IllegalArgumentException e) {
            return new Bad(LoadIssue.Reason.OTHER, e.getMessage());
        }
        return wrong == null ? new Ok(problem) : new Warned(problem, wrong, id.strip(), said);
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Collects problems and issues, rejecting an id seen before. */
    private static final class Builder {
        private final String name;
        private final List<BenchProblem> problems = new ArrayList<>();
        private final List<LoadIssue> issues = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();

        Builder(String name) {
            this.name = name;
        }

        void issue(int line, LoadIssue.Reason reason, Object... arguments) {
            issues.add(LoadIssue.of(line, reason, arguments));
        }

        void add(int line, Entry entry) {
            switch (entry) {
                case Bad bad -> issue(line, bad.reason(), bad.arguments());
                case Ok ok -> add(line, ok.problem());
                case Warned warned -> {
                    if (add(line, warned.problem())) {
                        issue(line, warned.reason(), warned.arguments());
                    }
                }
            }
        }

        /** Adds {@code problem} unless its id was seen before (said instead); whether it was added. */
        private boolean add(int line, BenchProblem problem) {
            Integer first = seen.putIfAbsent(problem.id(), line);
            if (first != null) {
                issue(line, LoadIssue.Reason.ID_USED_BEFORE, problem.id(), first);
                return false;
            }
            problems.add(problem);
            return true;
        }

        ProblemLoad build() {
            return new ProblemLoad(name, problems, issues);
        }
    }

    /**
     * A line that is not JSON, in words a window can say in its own language: cut short, an unexpected character or
     * word, else the parser's own (English) words.
     */
    private static void notJson(Builder out, int line, JsonProcessingException e) {
        String said = String.valueOf(e.getOriginalMessage());
        String words = dev.thinkbench.core.FileProblems.jsonWords(said);
        if (said.startsWith("Unexpected end-of-input")) {
            out.issue(line, LoadIssue.Reason.JSON_CUT_SHORT);
        } else if (words.startsWith("unexpected '") && words.endsWith("'")) {
            out.issue(line, LoadIssue.Reason.JSON_UNEXPECTED, words.substring("unexpected '".length(),
                    words.length() - 1));
        } else {
            out.issue(line, LoadIssue.Reason.NOT_JSON, dev.thinkbench.core.FileProblems.jsonReason(said));
        }
    }

    /** Reads JSONL from a string, for tests and pasted sets. */
    public static ProblemLoad readJsonl(String text, String name) {
        try {
            return readJsonl(new StringReader(text), name);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }
}
