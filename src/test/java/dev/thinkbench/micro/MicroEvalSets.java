package dev.thinkbench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.problems.ProblemSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The micro model's evaluation sets as runnable cases: the first model's held-out problems, the widened held-out
 * problems, the 60 hand-written worksheet problems ({@code samples/problems/micro-worksheet.jsonl}), the 100
 * hand-written prompts outside the task ({@code src/test/resources/micro/non-problems.jsonl}) and the generated
 * held-out ones. The hand-written sets are never trained on (the trainer excludes their texts). Any thread.
 */
final class MicroEvalSets {

    static final Path WORKSHEET = Path.of("samples/problems/micro-worksheet.jsonl");
    static final Path NON_PROBLEMS = Path.of("src/test/resources/micro/non-problems.jsonl");

    private MicroEvalSets() {
    }

    static List<MicroRunner.Case> legacy(int n) {
        return ProblemSplit.heldOut(n).stream().map(MicroRunner.Case::of).toList();
    }

    static List<MicroRunner.Case> words(int n) {
        return ProblemSplit.heldOutWords(n).stream().map(MicroRunner.Case::of).toList();
    }

    static List<MicroRunner.Case> worksheet() {
        return read(WORKSHEET).stream().map(j -> new MicroRunner.Case(j.get("id").asText(), j.get("prompt").asText(),
                Integer.parseInt(j.get("answer").asText()), j.get("difficulty").asInt(), "worksheet")).toList();
    }

    static List<MicroRunner.Case> nonProblems() {
        return read(NON_PROBLEMS).stream().map(j -> MicroRunner.Case.outOfScope(j.get("id").asText(),
                j.get("prompt").asText(), j.get("kind").asText())).toList();
    }

    static List<MicroRunner.Case> generatedNonProblems(int n) {
        return ProblemSplit.heldOutNonProblems(n).stream().map(np -> MicroRunner.Case.outOfScope(np.id(),
                np.question(), np.kind())).toList();
    }

    private static List<JsonNode> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
