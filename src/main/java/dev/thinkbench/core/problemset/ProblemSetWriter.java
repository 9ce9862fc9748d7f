package dev.thinkbench.core.problemset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Writes problems as JSONL lines that {@link ProblemSetReader} reads back into equal problems: fields in the order
 * {@code id, prompt, answer, difficulty, tags, source, license}, absent ones left out. Stateless; any thread.
 */
public final class ProblemSetWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemSetWriter() {
    }

    /** One line, without its newline. */
    public static String line(BenchProblem p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("prompt", p.prompt());
        if (p.answer() != null) {
            o.put("answer", p.answer());
        }
        if (p.difficulty() != null) {
            o.put("difficulty", p.difficulty());
        }
        if (!p.tags().isEmpty()) {
            p.tags().forEach(o.putArray("tags")::add);
        }
        if (!p.source().isEmpty()) {
            o.put("source", p.source());
        }
        if (!p.license().isEmpty()) {
            o.put("license", p.license());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem as JSON", e);
        }
    }

    /** The whole set, one line per problem, each ending in a newline. */
    public static String jsonl(List<BenchProblem> problems) {
        StringBuilder b = new StringBuilder();
        problems.forEach(p -> b.append(line(p)).append('\n'));
        return b.toString();
    }
}
