package dev.thinkbench.lab.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the guided lessons from a folder ({@code assets/lessons}): {@code lessons.json} lists them in order with their
 * exercises, and each lesson's text is {@code <language>/<id>.md} ({@code en/01-scaling.md}, {@code ko/...}):
 * <pre>{"version":1,"languages":["en","ko"],"lessons":[{"id":"01-scaling","exercise":{"tab":"compare",
 * "engine":"builtin","model":"micro-reasoner.gguf","sample":"micro-exercise","columns":["off=none"],
 * "labels":{"ko":["생각 없음"]},"temperature":"0","seed":"42","pricedAs":"gpt-5.4-mini","run":true}}]}</pre>
 * {@code labels} gives the columns' labels in other languages (optional). An exercise names its problem with {@code sample}, {@code prompt} (and {@code answer}) or
 * {@code newProblem: {"steps": 3, "seed": 7}}. Pure; any thread.
 */
public final class LessonCatalog {

    public static final String INDEX = "lessons.json";

    private LessonCatalog() {
    }

    /** @throws IOException naming the lesson or file that is wrong */
    public static List<Lesson> read(Path folder) throws IOException {
        Path index = folder.resolve(INDEX);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(index.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + index + ": " + e.getMessage(), e);
        }
        List<String> languages = new ArrayList<>();
        root.path("languages").forEach(l -> languages.add(l.asText()));
        if (languages.isEmpty()) {
            languages.add(Lesson.ENGLISH);
        }
        JsonNode list = root.path("lessons");
        if (!list.isArray() || list.isEmpty()) {
            throw new IOException(index + " lists no lessons");
        }
        List<Lesson> lessons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : list) {
            String id = n.path("id").asText("");
            if (id.isBlank() || !id.matches("[a-z0-9-]+") || !ids.add(id)) {
                throw new IOException(index + ": lesson id '" + id + "' is missing, not a-z0-9-, or used twice");
            }
            Map<String, String> text = new LinkedHashMap<>();
            for (String language : languages) {
                Path file = folder.resolve(language).resolve(id + ".md");
                if (Files.isRegularFile(file)) {
                    text.put(language.toLowerCase(Locale.ROOT), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            try {
                lessons.add(new Lesson(id, text, exercise(n.path("exercise"))));
            } catch (IllegalArgumentException e) {
                throw new IOException("lesson '" + id + "': " + e.getMessage(), e);
            }
        }
        return List.copyOf(lessons);
    }

    private static Exercise exercise(JsonNode e) {
        if (!e.isObject()) {
            throw new IllegalArgumentException("it has no exercise");
        }
        Exercise.Tab tab = switch (e.path("tab").asText("")) {
            case "compare" -> Exercise.Tab.COMPARE;
            case "stepper" -> Exercise.Tab.STEPPER;
            default -> throw new IllegalArgumentException("exercise tab must be compare or stepper");
        };
        List<String> columns = new ArrayList<>();
        e.path("columns").forEach(c -> columns.add(c.asText()));
        Map<String, List<String>> labels = new HashMap<>();
        e.path("labels").properties().forEach(l -> {
            List<String> names = new ArrayList<>();
            l.getValue().forEach(c -> names.add(c.asText()));
            labels.put(l.getKey().toLowerCase(Locale.ROOT), names);
        });
        JsonNode fresh = e.path("newProblem");
        return new Exercise(tab, e.path("engine").asText(""), text(e, "model"), text(e, "sample"),
                text(e, "prompt"), text(e, "answer"), fresh.path("steps").asInt(0), fresh.path("seed").asLong(0),
                columns, labels, text(e, "temperature"), text(e, "seed"), text(e, "pricedAs"), e.path("run").asBoolean(false),
                e.path("confidence").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
