package dev.thinkbench.engine.local;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.gguf.GgmlType;
import dev.thinkbench.engine.local.llama.CpuBackendChoice;
import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaModel;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import dev.thinkbench.engine.local.llama.NativeLibraries;
import dev.thinkbench.testing.TinyGguf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Benchmark, not a test ({@code mvn -Pbench-local verify -DskipTests}): the built-in engine, through its host process,
 * side by side with llama.cpp's own {@code llama-bench} at the same tag. Prints tables, asserts nothing:
 * <ol>
 *   <li>decode and prompt tokens/s on a Q4_0 and an F16 model written here (same shapes), {@code bench.threads}
 *   threads;</li>
 *   <li>prompt tokens evaluated per s1 Wait step;</li>
 *   <li>the time to fork a 2,000-token trace (copy) against evaluating it again;</li>
 *   <li>batched throughput of 4 and 8 sequences against 1, and the generation speed through the host against
 *   {@code llama-bench} tg, both on the bundled micro model.</li>
 * </ol>
 * Sizes via {@code -Dbench.embedding}, {@code -Dbench.layers}, {@code -Dbench.threads}, {@code -Dbench.rounds};
 * {@code -Dbench.llamaBench=<path>} (or {@code $THINKBENCH_LLAMA_BENCH}) names llama-bench (a shared build runs on the
 * engine's own libraries: {@link LlamaBench}); {@code -Dbench.only=micro}
 * runs only the micro model's speed through the host, one sequence and several at once.
 */
public final class LocalEngineBenchmark {

    private static final String PROMPT = "<|im_start|>user\nWhat is x?<|im_end|>\n<|im_start|>assistant\n<think>";
    private static final Path MICRO = Path.of("assets/models/micro-reasoner.gguf");
    private static final int DECODE_TOKENS = 128;
    private static final int PROMPT_TOKENS = 512;
    private static final int BATCH_REPEATS = 10;
    /** How long the host decodes before the measured rounds (its and the app's JIT compilers settle). */
    private static final long WARM_UP_NANOS = Long.getLong("bench.warmupMs", 3000) * 1_000_000;

    private LocalEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int e = Integer.getInteger("bench.embedding", 1024);
        int layers = Integer.getInteger("bench.layers", 8);
        int threads = Integer.getInteger("bench.threads", 2);
        int rounds = Integer.getInteger("bench.rounds", 5);
        Optional<LlamaBench> built = LlamaBench.find();
        // a shared build runs on the engine's own libraries: all CPU backends for the models of real size (ggml picks,
        // as for the engine), the one CpuBackendChoice loads alone for the micro model
        Optional<LlamaBench> llamaBench = built;
        Optional<LlamaBench> microBench = built;
        if (built.isPresent() && built.get().shared()) {
            llamaBench = Optional.of(built.get().onLibraries(Optional.empty()));
            Optional<String> tiny = CpuBackendChoice.variantLibrary(NativeLibraries.locate().directory(),
                    CpuBackendChoice.TINY_VARIANT).map(f -> CpuBackendChoice.TINY_VARIANT);
            microBench = Optional.of(built.get().onLibraries(tiny));
        }
        Path dir = Files.createTempDirectory("thinkbench-bench");
        System.out.printf(Locale.ROOT, "threads %d, rounds %d (median), load average %.2f, llama-bench: %s%n",
                threads, rounds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                llamaBench.map(LlamaBench::describe).orElse("not found (-Dbench.llamaBench; see README)"));
        if (microBench.isPresent() && microBench != llamaBench) {
            System.out.println("llama-bench for the micro model: " + microBench.get().describe());
        }
        TinyGguf.Shape shape = new TinyGguf.Shape(e, layers, e / 64, Math.max(1, e / 256), e * 11 / 4 / 32 * 32,
                4096);
        String only = System.getProperty("bench.only", "");
        try (LocalEngineProcess process = new LocalEngineProcess()) {
            if (only.equals("speed")) {
                for (GgmlType type : types()) {
                    Path model = dir.resolve("bench-" + type + ".gguf");
                    TinyGguf.writer("llama", shape, List.of(TinyGguf.CHAIN, TinyGguf.LOOP), 7, type).write(model);
                    speedRow(process, model, type, e, layers, threads, rounds, llamaBench);
                }
                return;
            }
            if (only.equals("micro")) {
                LocalCompletionBackend micro = new LocalCompletionBackend(process, MICRO.toAbsolutePath(),
                        new LocalEngineSettings(threads, 4096));
                batches(micro).forEach(System.out::println);
                microSpeed(micro, threads, rounds, microBench).forEach(System.out::println);
                return;
            }
            Path q4 = null;
            System.out.printf(Locale.ROOT, "%n%-16s %6s %8s %9s %8s %7s %7s %8s %9s %8s %7s %7s%n", "tok/s", "MB",
                    "decode:", "", "", "", "", "prompt:", "", "", "", "");
            System.out.printf(Locale.ROOT, "%-16s %6s %8s %9s %8s %7s %7s %8s %9s %8s %7s %7s%n", "model", "",
                    "host", "in-process", "l-bench", "host", "in-pr.", "host", "in-process", "l-bench", "host",
                    "in-pr.");
            for (GgmlType type : types()) {
                Path model = dir.resolve("bench-" + type + ".gguf");
                TinyGguf.writer("llama", shape, List.of(TinyGguf.CHAIN, TinyGguf.LOOP), 7, type).write(model);
                if (type == GgmlType.Q4_0) {
                    q4 = model;
                }
                speedRow(process, model, type, e, layers, threads, rounds, llamaBench);
            }
            System.out.println("engine libraries: " + process.details().get("libraries") + " ("
                    + process.details().get("devices") + "); " + process.details().get("systemInfo"));
            System.out.println("CPU backends: " + cpuBackends(Path.of(process.details().get("libraries"))));
            LocalCompletionBackend backend = new LocalCompletionBackend(process, q4,
                    new LocalEngineSettings(threads, 4096));
            System.out.println();
            waitSteps(backend).forEach(System.out::println);
            System.out.println();
            fork(backend).forEach(System.out::println);
            LocalCompletionBackend micro = new LocalCompletionBackend(process, MICRO.toAbsolutePath(),
                    new LocalEngineSettings(threads, 4096));
            System.out.println();
            batches(micro).forEach(System.out::println);
            System.out.println();
            microSpeed(micro, threads, rounds, microBench).forEach(System.out::println);
        }
    }

    private static void speedRow(LocalEngineProcess process, Path model, GgmlType type, int e, int layers,
                                 int threads, int rounds, Optional<LlamaBench> llamaBench) throws Exception {
        LocalCompletionBackend backend = new LocalCompletionBackend(process, model,
                new LocalEngineSettings(threads, 4096));
        String longPrompt = PROMPT + letters(PROMPT_TOKENS - backend.tokenize(PROMPT).length - 2) + "b";
        int[] shortTokens = backend.tokenize(PROMPT + "b");
        int[] longTokens = backend.tokenize(longPrompt);
        // the host's first run after the load, then decoding until both JVMs' compilers have settled
        double cold = hostDecode(backend);
        int warmRuns = 0;
        long warmEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmEnd) {
            hostDecode(backend);
            warmRuns++;
        }
        // each side interleaved with llama-bench, one repetition each per round, so a burst of load elsewhere (this
        // machine's speed drifts by a fifth) hits both alike; the host and the in-process copy are measured apart,
        // as a user runs one model once
        Side host = new Side();
        for (int r = 0; r < rounds; r++) {
            host.decode.add(hostDecode(backend));
            host.prompt.add(hostPrompt(backend, longPrompt));
            host.bench(llamaBench, model, threads);
        }
        Side direct = new Side();
        try (InProcessDecoder decoder = InProcessDecoder.open(model, threads)) {
            decoder.decode(shortTokens);
            decoder.prompt(longTokens);
            for (int r = 0; r < rounds; r++) {
                direct.decode.add(decoder.decode(shortTokens));
                direct.prompt.add(decoder.prompt(longTokens));
                direct.bench(llamaBench, model, threads);
            }
        }
        System.out.printf(Locale.ROOT, "%-16s %6.1f %8.1f %9.1f %8.1f %6.2fx %6.2fx %8.1f %9.1f %8.1f %6.2fx %6.2fx%n",
                type + " E=" + e + " L=" + layers, Files.size(model) / 1e6, median(host.decode),
                median(direct.decode), median(host.lbDecode), host.decodeRatio(), direct.decodeRatio(),
                median(host.prompt), median(direct.prompt), median(host.lbPrompt), host.promptRatio(),
                direct.promptRatio());
        System.out.println("  samples, host: " + host + "; in-process: " + direct);
        System.out.printf(Locale.ROOT, "  host decode, first run after the load: %.1f tok/s (%.2fx of the warm median);"
                + " %d runs to warm up%n", cold, cold / median(host.decode), warmRuns);
        if (threads > 1) {
            // the same work on one thread fewer: what the host's and the app's own threads cost on a busy machine
            int t = threads - 1;
            try (InProcessDecoder fewer = InProcessDecoder.open(model, t)) {
                fewer.decode(shortTokens);
                double dt = fewer.decode(shortTokens);
                double pt = fewer.prompt(longTokens);
                double[] lb = llamaBench.isPresent()
                        ? bench(llamaBench.get().run(model, t, PROMPT_TOKENS, DECODE_TOKENS, 1)) : null;
                System.out.printf(Locale.ROOT, "  in-process, %d thread(s): decode %.1f tok/s, prompt %.1f tok/s%s%n",
                        t, dt, pt, lb == null ? "" : String.format(Locale.ROOT,
                                " (llama-bench at %d: decode %.1f, prompt %.1f)", t, lb[0], lb[1]));
            }
        }
    }

    /** One side's samples (the host's or the in-process copy's) and llama-bench's, taken in the same rounds. */
    private static final class Side {
        final List<Double> decode = new ArrayList<>();
        final List<Double> prompt = new ArrayList<>();
        final List<Double> lbDecode = new ArrayList<>();
        final List<Double> lbPrompt = new ArrayList<>();

        void bench(Optional<LlamaBench> llamaBench, Path model, int threads) throws IOException, InterruptedException {
            if (llamaBench.isPresent()) {
                List<LlamaBench.Result> lb = llamaBench.get().run(model, threads, PROMPT_TOKENS, DECODE_TOKENS, 1);
                lbDecode.add(LlamaBench.generation(lb));
                lbPrompt.add(LlamaBench.prompt(lb));
            }
        }

        /** Against llama-bench's median of the same rounds; NaN without llama-bench. */
        double decodeRatio() {
            return lbDecode.isEmpty() ? Double.NaN : median(decode) / median(lbDecode);
        }

        double promptRatio() {
            return lbPrompt.isEmpty() ? Double.NaN : median(prompt) / median(lbPrompt);
        }

        @Override
        public String toString() {
            return "decode " + format(decode) + " vs llama-bench " + format(lbDecode) + ", prompt " + format(prompt)
                    + " vs " + format(lbPrompt);
        }
    }

    private static double[] bench(List<LlamaBench.Result> lb) {
        return new double[] {LlamaBench.generation(lb), LlamaBench.prompt(lb)};
    }

    /**
     * The same work in this JVM through the binding, without the host: a context made as the host makes it, kept
     * open across rounds. What the process boundary costs is the difference.
     */
    private static final class InProcessDecoder implements AutoCloseable {
        private final LlamaModel model;
        private final LlamaContext ctx;
        private final LlamaBatch batch;
        private final LlamaSampler greedy;

        private InProcessDecoder(LlamaModel model, LlamaContext ctx, LlamaBatch batch, LlamaSampler greedy) {
            this.model = model;
            this.ctx = ctx;
            this.batch = batch;
            this.greedy = greedy;
        }

        static InProcessDecoder open(Path file, int threads) {
            LlamaLibrary lib = LlamaLibrary.load();
            LlamaModel model = LlamaModel.load(lib, file, null);
            LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(4096, 2048, 16, threads));
            return new InProcessDecoder(model, ctx, new LlamaBatch(2048),
                    LlamaSampler.create(lib, LlamaSampler.Settings.greedy()));
        }

        /** Greedy decode of {@value #DECODE_TOKENS} tokens after {@code prompt}: tokens/s. */
        double decode(int[] prompt) {
            evaluate(prompt);
            int index = prompt.length - 1;
            long start = System.nanoTime();
            for (int pos = prompt.length; pos < prompt.length + DECODE_TOKENS; pos++) {
                int token = greedy.sample(ctx, index);
                batch.clear();
                index = batch.add(token, pos, 0, true);
                ctx.decode(batch);
            }
            return DECODE_TOKENS / ((System.nanoTime() - start) / 1e9);
        }

        /** {@code prompt} evaluated from an empty cache: tokens/s. */
        double prompt(int[] prompt) {
            long start = System.nanoTime();
            evaluate(prompt);
            return prompt.length / ((System.nanoTime() - start) / 1e9);
        }

        private void evaluate(int[] prompt) {
            ctx.clear();
            batch.clear();
            for (int i = 0; i < prompt.length; i++) {
                batch.add(prompt[i], i, 0, i == prompt.length - 1);
            }
            ctx.decode(batch);
        }

        @Override
        public void close() {
            greedy.close();
            batch.close();
            ctx.close();
            model.close();
        }
    }

    /** Decode tokens/s through the host: from the first streamed token to the end. */
    private static double hostDecode(LocalCompletionBackend backend) throws EngineException {
        long[] first = new long[1];
        CompletionResult r = backend.complete(new CompletionRequest(PROMPT + "b", DECODE_TOKENS, List.of(),
                Sampling.greedy(1), false), (t, n) -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                }, null);
        return (r.tokens() - 1) / ((r.endNanos() - first[0]) / 1e9);
    }

    /** Prompt tokens/s through the host: an uncached prompt, until its first token arrives. */
    private static double hostPrompt(LocalCompletionBackend backend, String longPrompt) throws EngineException {
        long[] first = new long[1];
        CompletionResult r = backend.complete(new CompletionRequest(longPrompt, 1, List.of(), Sampling.greedy(1),
                false), (t, n) -> first[0] = System.nanoTime(), null);
        return r.promptTokensEvaluated() / ((first[0] - r.startNanos()) / 1e9);
    }

    /** Whether the CPU backends are the package's or built here ({@code -Dnatives.cpu}; natives.mjs's stamp). */
    private static String cpuBackends(Path libraries) throws IOException {
        Path stamp = libraries.resolve(".cpu-build");
        return Files.exists(stamp) ? "built here, " + Files.readString(stamp).strip() : "the package's (prebuilt)";
    }

    /** Lower-case letters: one token each in this vocabulary. */
    private static String letters(int n) {
        Random random = new Random(1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** The s1 loop through the host: prompt tokens evaluated and time for each round after a Wait. */
    private static List<String> waitSteps(LocalCompletionBackend backend) throws EngineException {
        List<String> lines = new ArrayList<>();
        StringBuilder thinking = new StringBuilder();
        backend.complete(new CompletionRequest(PROMPT, 64, List.of("</think>"), Sampling.greedy(1), true),
                (t, n) -> thinking.append(t), null);
        for (int wait = 1; wait <= 5; wait++) {
            thinking.append("Wait");
            CompletionResult r = backend.complete(new CompletionRequest(PROMPT + thinking, 64, List.of("</think>"),
                    Sampling.greedy(1), true), (t, n) -> { }, null);
            thinking.append(r.text());
            lines.add(String.format(Locale.ROOT, "Wait step %d: prompt %d tokens, evaluated %s, generated %d, %.1f ms",
                    wait, r.promptTokens(), r.promptTokensEvaluated(), r.tokens(),
                    (r.endNanos() - r.startNanos()) / 1e6));
        }
        return lines;
    }

    /**
     * A 2,000-token trace is cached; a fork 200 tokens before its end (a Stepper branch) is timed against evaluating
     * the same prompt from scratch, and the trace itself is continued afterwards (still cached).
     */
    private static List<String> fork(LocalCompletionBackend backend) throws EngineException {
        String trace = PROMPT + letters(2000 - backend.tokenize(PROMPT).length - 1);
        CompletionResult built = backend.complete(new CompletionRequest(trace, 1, List.of(), Sampling.greedy(1),
                true), (t, n) -> { }, null);
        String fork = trace.substring(0, trace.length() - 200) + "Wait";
        CompletionResult forked = backend.complete(new CompletionRequest(fork, 1, List.of(), Sampling.greedy(1),
                true), (t, n) -> { }, null);
        CompletionResult again = backend.complete(new CompletionRequest(fork, 1, List.of(), Sampling.greedy(1),
                false), (t, n) -> { }, null);
        CompletionResult resumed = backend.complete(new CompletionRequest(trace + "Wait", 1, List.of(),
                Sampling.greedy(1), true), (t, n) -> { }, null);
        return List.of(
                String.format(Locale.ROOT, "trace of %d tokens evaluated in %.1f ms", built.promptTokens(),
                        ms(built)),
                String.format(Locale.ROOT, "fork at token %d: evaluated %d, %.1f ms (copy of the prefix); the same "
                        + "prompt from scratch: evaluated %d, %.1f ms", forked.promptTokens() - 4,
                        forked.promptTokensEvaluated(), ms(forked), again.promptTokensEvaluated(), ms(again)),
                String.format(Locale.ROOT, "the trace continued after the fork: evaluated %d, %.1f ms",
                        resumed.promptTokensEvaluated(), ms(resumed)));
    }

    /**
     * N samples of one micro-model problem as N concurrent calls (the host batches them continuously) against one:
     * generated tokens per second overall, over {@code BATCH_REPEATS} rounds each (a micro-model answer is short).
     */
    /** The weight types benchmarked side by side: {@code -Dbench.types=Q4_0,F16} (the default; F32 also works). */
    private static List<GgmlType> types() {
        return java.util.Arrays.stream(System.getProperty("bench.types", "Q4_0,F16").split(","))
                .map(t -> GgmlType.valueOf(t.strip())).toList();
    }

    private static List<String> batches(LocalCompletionBackend micro) throws EngineException {
        Problem hardest = ProblemSplit.heldOut(40).stream().max(java.util.Comparator.comparingInt(Problem::difficulty))
                .orElseThrow();
        String prompt = MicroFormat.prompt(hardest.question());
        Concurrently.results(micro, List.of(request(prompt, 0)));
        List<String> lines = new ArrayList<>();
        double single = 0;
        for (int n : List.of(1, 4, 8)) {
            long nanos = 0;
            int tokens = 0;
            for (int rep = 0; rep < BATCH_REPEATS; rep++) {
                List<CompletionRequest> requests = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    requests.add(request(prompt, rep * 100 + i));
                }
                long start = System.nanoTime();
                List<CompletionResult> results = Concurrently.results(micro, requests);
                nanos += System.nanoTime() - start;
                tokens += results.stream().mapToInt(CompletionResult::tokens).sum();
            }
            double rate = tokens / (nanos / 1e9);
            if (n == 1) {
                single = rate;
            }
            lines.add(String.format(Locale.ROOT, "micro model, %d concurrent calls (x%d): %d tokens in %.0f ms = %.0f tok/s "
                    + "(%.2fx one sequence)", n, BATCH_REPEATS, tokens, nanos / 1e6, rate, rate / single));
        }
        return lines;
    }

    private static CompletionRequest request(String prompt, int seed) {
        return new CompletionRequest(prompt, 256, List.of(), new Sampling(1.0, null, (long) seed, null), true);
    }

    /**
     * Generated tokens/s of the micro model through the host (greedy answers to 20 held-out problems, from each
     * first streamed token to the end, after an untimed warm-up pass) against llama-bench tg64 on the same file,
     * interleaved round by round.
     */
    private static List<String> microSpeed(LocalCompletionBackend micro, int threads, int rounds,
                                           Optional<LlamaBench> llamaBench) throws Exception {
        List<Double> host = new ArrayList<>();
        List<Double> bench = new ArrayList<>();
        List<Double> deep = new ArrayList<>();
        List<Double> inProcess = new ArrayList<>();
        int decodedTotal = 0;
        // Warm-up, untimed, as llama-bench warms up before it measures: the host's Java code runs compiled.
        for (Problem p : ProblemSplit.heldOut(20)) {
            micro.complete(new CompletionRequest(MicroFormat.prompt(p.question()), 256, List.of(), Sampling.greedy(1),
                    false), (t, n) -> { }, null);
        }
        for (int r = 0; r < rounds; r++) {
            long decodeNanos = 0;
            int decoded = 0;
            for (Problem p : ProblemSplit.heldOut(20)) {
                long[] first = new long[1];
                CompletionResult result = micro.complete(new CompletionRequest(MicroFormat.prompt(p.question()), 256,
                        List.of(), Sampling.greedy(1), false), (t, n) -> {
                            if (first[0] == 0) {
                                first[0] = System.nanoTime();
                            }
                        }, null);
                decodeNanos += result.endNanos() - first[0];
                decoded += result.tokens() - 1;
            }
            host.add(decoded / (decodeNanos / 1e9));
            decodedTotal += decoded;
            inProcess.add(inProcessDecode(threads));
            if (llamaBench.isPresent()) {
                bench.add(LlamaBench.generation(llamaBench.get().run(MICRO.toAbsolutePath(), threads, 0, 64, 1)));
                // the app's answers: ~100 tokens after a prompt of ~64
                deep.add(LlamaBench.generation(llamaBench.get().run(MICRO.toAbsolutePath(), threads, 0, 128, 64, 1)));
            }
        }
        double h = median(host);
        String lb = "llama-bench not found";
        if (!bench.isEmpty()) {
            double tg = median(bench);
            double tgDeep = median(deep);
            lb = String.format(Locale.ROOT, "llama-bench tg64 %.0f tok/s (host/llama-bench %.2fx), tg128 @ depth 64 "
                    + "%.0f tok/s (%.2fx); samples %s vs %s, %s", tg, h / tg, tgDeep, h / tgDeep, format(host),
                    format(bench), format(deep));
        }
        return List.of(String.format(Locale.ROOT, "micro model through the host: %d tokens decoded, %.0f tok/s; "
                + "in this JVM through the binding (no host): %.0f tok/s %s; %s", decodedTotal, h, median(inProcess),
                format(inProcess), lb));
    }

    /** The same greedy answers decoded in this JVM through the binding: what the host adds is the difference. */
    private static double inProcessDecode(int threads) {
        LlamaLibrary lib = LlamaLibrary.load();
        try (LlamaModel model = LlamaModel.load(lib, MICRO.toAbsolutePath(), null);
             LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(4096, 2048, 16, threads));
             LlamaBatch batch = new LlamaBatch(2048);
             LlamaSampler greedy = LlamaSampler.create(lib, LlamaSampler.Settings.greedy())) {
            long nanos = 0;
            int decoded = 0;
            // The first pass warms up (untimed), as llama-bench does; the second is measured.
            for (int pass = 0; pass < 2; pass++) {
                nanos = 0;
                decoded = 0;
                for (Problem p : ProblemSplit.heldOut(20)) {
                    ctx.clear();
                    int[] prompt = model.vocab().tokenize(MicroFormat.prompt(p.question()), true, true);
                    batch.clear();
                    for (int i = 0; i < prompt.length; i++) {
                        batch.add(prompt[i], i, 0, i == prompt.length - 1);
                    }
                    ctx.decode(batch);
                    int index = prompt.length - 1;
                    long start = System.nanoTime();
                    for (int pos = prompt.length; pos < prompt.length + 256; pos++) {
                        int token = greedy.sample(ctx, index);
                        if (model.vocab().isEndOfGeneration(token)) {
                            break;
                        }
                        model.vocab().piece(token, true);
                        batch.clear();
                        index = batch.add(token, pos, 0, true);
                        ctx.decode(batch);
                        decoded++;
                    }
                    nanos += System.nanoTime() - start;
                }
            }
            return decoded / (nanos / 1e9);
        }
    }

    private static double ms(CompletionResult r) {
        return (r.endNanos() - r.startNanos()) / 1e6;
    }

    private static String format(List<Double> values) {
        return values.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList().toString();
    }

    /** NaN for no values (no llama-bench). */
    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
