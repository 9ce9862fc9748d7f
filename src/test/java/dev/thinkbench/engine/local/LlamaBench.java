package dev.thinkbench.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.engine.local.llama.NativeLibraries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark helper: runs llama.cpp's own {@code llama-bench}, built from the source at the pinned tag
 * ({@code src/build/llama-bench.sh}), and reads its JSON-lines results. Found at {@code -Dbench.llamaBench} or
 * {@code $THINKBENCH_LLAMA_BENCH}.
 * <p>
 * A static build ({@code llama-bench.sh}) runs the kernels it was compiled with. A shared build
 * ({@code llama-bench.sh --shared}: {@code llama-bench} beside {@code libllama-bench-impl.so}) runs on the engine's
 * own libraries instead ({@link #onLibraries}): its program in a staging folder whose {@code libllama}, {@code libggml}
 * and CPU backends are the engine's, so both sides of a comparison run the same kernels, picked the same way. That is
 * the fair reading on a machine where a static build cannot match the package (an AVX-512 / AMX CPU whose AMX a
 * native build trips over); Linux only ({@code LD_LIBRARY_PATH}).
 */
final class LlamaBench {

    /** One llama-bench test: prompt ({@code pp}) or generation ({@code tg}) tokens per second. */
    record Result(int prompt, int generated, double tokensPerSecond, double stddev) {
    }

    /** The shared build's own libraries, which the staging folder replaces with the engine's. */
    private static final Pattern REPLACED = Pattern.compile("lib(llama|ggml|ggml-base|ggml-cpu[-a-z0-9]*)\\.so.*");

    private final Path binary;
    /** The staging folder's libraries ({@code LD_LIBRARY_PATH}), null for a static build run as it is. */
    private final Path libraries;
    private final String description;

    private LlamaBench(Path binary, Path libraries, String description) {
        this.binary = binary;
        this.libraries = libraries;
        this.description = description;
    }

    static Optional<LlamaBench> find() {
        String path = System.getProperty("bench.llamaBench", "");
        if (path.isBlank()) {
            path = System.getenv("THINKBENCH_LLAMA_BENCH");
        }
        if (path == null || path.isBlank() || !Files.isExecutable(Path.of(path))) {
            return Optional.empty();
        }
        Path binary = Path.of(path).toAbsolutePath();
        return Optional.of(new LlamaBench(binary, null, binary + " (its own kernels)"));
    }

    /** Whether this is a shared build, which {@link #onLibraries} can run on the engine's libraries. */
    boolean shared() {
        return Files.isRegularFile(binary.resolveSibling("libllama-bench-impl.so"));
    }

    /**
     * This shared build staged on the engine's libraries ({@link NativeLibraries#locate()}).
     *
     * @param cpuVariant the one CPU backend to stage (as {@code CpuBackendChoice} loads it alone), empty for all of
     *                   them (ggml picks, as the engine lets it)
     */
    LlamaBench onLibraries(Optional<String> cpuVariant) throws IOException {
        if (!shared()) {
            throw new IllegalStateException(binary + " is a static build: build it with llama-bench.sh --shared");
        }
        NativeLibraries.Location engineLibs = NativeLibraries.locate();
        Path engine = engineLibs.directory();
        Path stage = Files.createTempDirectory("thinkbench-llama-bench");
        Path built = binary.getParent();
        try (Stream<Path> files = Files.list(built)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (f.equals(binary) || !REPLACED.matcher(name).matches() && name.contains(".so")) {
                    Files.copy(f, stage.resolve(name)); // the program and its own helper libraries
                }
            }
        }
        // the engine's libraries under their own names (the CPU backends are found beside the program) ...
        try (Stream<Path> files = Files.list(engine)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                boolean cpu = name.startsWith("libggml-cpu-");
                if (name.endsWith(".so") && (!cpu || cpuVariant.isEmpty()
                        || name.equals("libggml-cpu-" + cpuVariant.get() + ".so"))) {
                    Files.createSymbolicLink(stage.resolve(name), f.toAbsolutePath());
                }
            }
        }
        // ... and under the names the program was linked against (libllama.so.0, libggml.so.0, libggml-base.so.0)
        link(stage, "libllama.so.0", engineLibs.llama());
        link(stage, "libggml.so.0", engineLibs.ggml());
        link(stage, "libggml-base.so.0", engine.resolve("libggml-base.so"));
        return new LlamaBench(stage.resolve(binary.getFileName()), stage, binary + " on the engine's libraries in "
                + engine + ", CPU backends: " + cpuVariant.orElse("all (ggml picks)"));
    }

    private static void link(Path stage, String name, Path target) throws IOException {
        if (!Files.exists(stage.resolve(name))) {
            Files.createSymbolicLink(stage.resolve(name), target.toAbsolutePath());
        }
    }

    Path binary() {
        return binary;
    }

    /** What runs: the program, and on whose libraries. */
    String describe() {
        return description;
    }

    /** {@code llama-bench -m model -t threads -p prompt -n gen -r reps -o jsonl}. */
    List<Result> run(Path model, int threads, int prompt, int gen, int repetitions)
            throws IOException, InterruptedException {
        return run(model, threads, prompt, gen, 0, repetitions);
    }

    /** The same with {@code -d depth}: the tests run after that many tokens are already in the context. */
    List<Result> run(Path model, int threads, int prompt, int gen, int depth, int repetitions)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-m", model.toString(), "-t",
                Integer.toString(threads), "-p", Integer.toString(prompt), "-n", Integer.toString(gen), "-d",
                Integer.toString(depth), "-r", Integer.toString(repetitions), "-o", "jsonl")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (libraries != null) {
            builder.environment().put("LD_LIBRARY_PATH", libraries.toString());
        }
        Process p = builder.start();
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
