package dev.thinkbench.lab.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads sample prompts from {@code samples/prompts.json}:
 * {@code {"version":1,"prompts":[{"id":"...","title":"...","category":"...","prompt":"...","system":"...",
 * "note":"...","answer":"...","models":["micro","any"],"translations":{"ko":{"title":"...","note":"..."}}}]}};
 * {@code answer} (a string or a number), {@code models} and {@code translations} may be left out (no expected answer;
 * any reasoning model; the title and note in one language). Pure and thread-safe.
 */
public final class SamplePrompts {

    private SamplePrompts() {
    }

    /** @throws IOException naming the entry that is wrong */
    public static List<SamplePrompt> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode list = root == null ? null : root.get("prompts");
        if (list == null || !list.isArray()) {
            throw new IOException("sample prompts file has no \"prompts\" list");
        }
        List<SamplePrompt> prompts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : list) {
            String id = n.path("id").asText("");
            if (id.isBlank()) {
                throw new IOException("sample prompt " + (prompts.size() + 1) + " has no id");
            }
            if (!ids.add(id)) {
                throw new IOException("sample prompt id '" + id + "' is used twice");
            }
            try {
                prompts.add(new SamplePrompt(id, n.path("title").asText(""), n.path("category").asText(""),
                        n.path("prompt").asText(""), n.path("system").asText(""), n.path("note").asText(""),
                        n.path("answer").isValueNode() ? n.path("answer").asText() : null, models(n),
                        translations(n)));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return List.copyOf(prompts);
    }

    private static List<String> models(JsonNode n) {
        List<String> tags = new ArrayList<>();
        n.path("models").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    private static Map<String, SamplePrompt.Words> translations(JsonNode n) {
        Map<String, SamplePrompt.Words> out = new HashMap<>();
        n.path("translations").properties().forEach(e -> out.put(e.getKey(),
                new SamplePrompt.Words(e.getValue().path("title").asText(""), e.getValue().path("note").asText(""))));
        return out;
    }

    /** Reads {@code file}. */
    public static List<SamplePrompt> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new IOException("cannot read sample prompts from " + file + ": " + e.getMessage(), e);
        }
    }
}
