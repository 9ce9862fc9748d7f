package dev.thinkbench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.app.AppContext;
import dev.thinkbench.cli.ThinkbenchCli;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.SweepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short real sweep: {@code thinkbench sweep} with no engine or model named, so the built-in engine runs the bundled
 * micro model (llama.cpp in its child JVM, s1 forcing, greedy), on 20 held-out problems at no thinking, caps of 8 and
 * 24 tokens and the full budget. Accuracy must rise with the cap; exact numbers are the model card's business. And
 * adaptive thinking with a confidence threshold, which reads the engine's token probabilities, stops sooner.
 */
@Timeout(300)
class MicroSweepTest {

    @TempDir
    Path dir;

    @Test
    void accuracyRisesWithTheThinkingCapOnTheBundledMicroModel() throws Exception {
        Path out = dir.resolve("micro.jsonl");
        JsonNode summary = sweep("--budget", "none=none", "--budget", "cap8=tokens:8", "--budget", "cap24=tokens:24",
                "--budget", "full=tokens:256", "--out", out.toString()).path("summary");
        Map<String, Double> accuracy = new HashMap<>();
        summary.forEach(row -> accuracy.put(row.path("label").asText(), row.path("accuracy").asDouble()));
        System.out.println("micro sweep accuracy by cap: " + accuracy);

        assertThat(accuracy.keySet()).containsExactlyInAnyOrder("none", "cap8", "cap24", "full");
        assertThat(accuracy.get("full")).isGreaterThan(accuracy.get("none"));
        assertThat(accuracy.get("full")).isGreaterThan(accuracy.get("cap8"));
        List<SweepRecord> records = ResultLog.read(out).records();
        assertThat(records).hasSize(80).allSatisfy(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.endpoint()).isEqualTo("builtin");
        });
        assertThat(records).filteredOn(r -> r.label().equals("cap8"))
                .allSatisfy(r -> assertThat(r.thinkingTokens()).isLessThanOrEqualTo(8));
        assertThat(records).filteredOn(r -> r.label().equals("none"))
                .allSatisfy(r -> assertThat(r.thinkingTokens()).isZero());
    }

    @Test
    void aConfidenceThresholdStopsAdaptiveThinkingOnTheEnginesTokenProbabilities() throws Exception {
        double agreeing = meanThinking(sweep("--budget", "full=tokens:256", "--strategy", "adaptive", "--probe-every",
                "8"));
        double sure = meanThinking(sweep("--budget", "full=tokens:256", "--strategy", "adaptive", "--probe-every",
                "8", "--confidence", "0.99"));
        System.out.println("micro adaptive, mean thinking tokens: agreement " + agreeing + ", confidence 0.99 " + sure);
        // the micro model is near-certain in its early probes: a confident probe stops before two agree
        assertThat(sure).isLessThan(agreeing);
    }

    private static double meanThinking(JsonNode result) {
        return result.path("summary").get(0).path("meanThinkingTokens").asDouble();
    }

    /** {@code thinkbench sweep} of 20 held-out problems on the built-in engine with {@code more}; its JSON output. */
    private static JsonNode sweep(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--problems",
                "samples/problems/micro-heldout.jsonl", "--limit", "20", "--format", "json"));
        args.addAll(List.of(more));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        AppContext app = AppContext.create();
        int code;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            code = ThinkbenchCli.run(args.toArray(String[]::new), app);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            app.builtin().close();
        }
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("reports no token probabilities");
        return new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
    }
}
