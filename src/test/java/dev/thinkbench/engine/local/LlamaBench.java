package dev.thinkbench.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark helper: runs llama.cpp's own {@code llama-bench}, built from the source at the pinned tag
 * ({@code src/build/llama-bench.sh}), and reads its JSON-lines results. Found at {@code -Dbench.llamaBench} or
 * {@code $THINKBENCH_LLAMA_BENCH}.
 */
final class LlamaBench {

    /** One llama-bench test: prompt ({@code pp}) or generation ({@code tg}) tokens per second. */
    record Result(int prompt, int generated, double tokensPerSecond, double stddev) {
    }

    private final Path binary;

    private LlamaBench(Path binary) {
        this.binary = binary;
    }

    static Optional<LlamaBench> find() {
        String path = System.getProperty("bench.llamaBench", "");
        if (path.isBlank()) {
            path = System.getenv("THINKBENCH_LLAMA_BENCH");
        }
        if (path == null || path.isBlank() || !Files.isExecutable(Path.of(path))) {
            return Optional.empty();
        }
        return Optional.of(new LlamaBench(Path.of(path)));
    }

    Path binary() {
        return binary;
    }

    /** {@code llama-bench -m model -t threads -p prompt -n gen -r reps -o jsonl}. */
    List<Result> run(Path model, int threads, int prompt, int gen, int repetitions)
            throws IOException, InterruptedException {
        return run(model, threads, prompt, gen, 0, repetitions);
    }

    /** The same with {@code -d depth}: the tests run after that many tokens are already in the context. */
    List<Result> run(Path model, int threads, int prompt, int gen, int depth, int repetitions)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "-m", model.toString(), "-t", Integer.toString(threads),
                "-p", Integer.toString(prompt), "-n", Integer.toString(gen), "-d", Integer.toString(depth),
                "-r", Integer.toString(repetitions), "-o", "jsonl").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("llama-bench failed (" + p.exitValue() + "): " + out);
        }
        ObjectMapper json = new ObjectMapper();
        List<Result> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = json.readTree(line);
                results.add(new Result(n.path("n_prompt").asInt(), n.path("n_gen").asInt(), n.path("avg_ts").asDouble(),
                        n.path("stddev_ts").asDouble()));
            }
        }
        return results;
    }

    static double prompt(List<Result> results) {
        return results.stream().filter(r -> r.prompt() > 0).mapToDouble(Result::tokensPerSecond).findFirst()
                .orElse(Double.NaN);
    }

    static double generation(List<Result> results) {
        return results.stream().filter(r -> r.generated() > 0).mapToDouble(Result::tokensPerSecond).findFirst()
                .orElse(Double.NaN);
    }
}
