package dev.thinkbench.engine.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.testing.TinyGguf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark, not a test (run with {@code mvn -Pbench-local verify}): decode and prompt-evaluation speed of the
 * built-in engine through the host process versus llama.cpp in-process on the same synthetic model, and the prompt
 * tokens evaluated per s1 "Wait" step. Prints a table; asserts nothing. Sizes via {@code -Dbench.embedding},
 * {@code -Dbench.layers}, {@code -Dbench.threads}, {@code -Dbench.rounds}.
 */
public final class LocalEngineBenchmark {

    private static final String PROMPT = "<|im_start|>user\nWhat is x?<|im_end|>\n<|im_start|>assistant\n<think>";
    private static final int DECODE_TOKENS = Integer.getInteger("bench.decode", 256);
    private static final int PROMPT_TOKENS = Integer.getInteger("bench.prompt", 1000);

    private record Speed(double decode, double prompt) {
    }

    private LocalEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int e = Integer.getInteger("bench.embedding", 256);
        int layers = Integer.getInteger("bench.layers", 4);
        int threads = Integer.getInteger("bench.threads", Math.min(4, Runtime.getRuntime().availableProcessors()));
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path dir = Files.createTempDirectory("thinkbench-bench");
        Path model = dir.resolve("bench.gguf");
        TinyGguf.writer(new TinyGguf.Shape(e, layers, 8, 4, 4 * e, 4096), List.of(TinyGguf.CHAIN, TinyGguf.LOOP), 7)
                .write(model);
        String longPrompt = PROMPT + letters(PROMPT_TOKENS) + "b";
        LocalEngineSettings settings = new LocalEngineSettings(threads, 4096);
        System.out.printf(Locale.ROOT, "model: E=%d, %d layers, %.1f MB F32, %d threads, %d rounds (median)%n",
                e, layers, Files.size(model) / 1e6, threads, rounds);

        List<Speed> host = new ArrayList<>();
        List<Speed> inProcess = new ArrayList<>();
        List<String> waitSteps;
        try (LocalEngineProcess process = new LocalEngineProcess()) {
            LocalCompletionBackend backend = new LocalCompletionBackend(process, model, settings);
            backend.load();
            hostSpeed(backend, longPrompt);
            LlamaModel direct = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(4096)
                    .setThreads(threads).setThreadsBatch(threads).setParallel(1).disableContextShift().disableLog());
            directSpeed(direct, longPrompt);
            for (int r = 0; r < rounds; r++) {
                // alternate the order so a burst of load elsewhere on the machine hits both sides alike
                if (r % 2 == 0) {
                    host.add(hostSpeed(backend, longPrompt));
                    inProcess.add(directSpeed(direct, longPrompt));
                } else {
                    inProcess.add(directSpeed(direct, longPrompt));
                    host.add(hostSpeed(backend, longPrompt));
                }
            }
            waitSteps = waitSteps(backend);
        }
        System.out.println("samples (decode, prompt tokens/s): host " + format(host) + "; in-process "
                + format(inProcess));
        double hostDecode = median(host.stream().map(Speed::decode).toList());
        double directDecode = median(inProcess.stream().map(Speed::decode).toList());
        double hostPrompt = median(host.stream().map(Speed::prompt).toList());
        double directPrompt = median(inProcess.stream().map(Speed::prompt).toList());
        System.out.printf(Locale.ROOT, "%-28s %12s %12s %10s%n", "", "in-process", "host", "host cost");
        System.out.printf(Locale.ROOT, "%-28s %12.1f %12.1f %9.1f%%%n", "decode tokens/s", directDecode, hostDecode,
                100 * (1 - hostDecode / directDecode));
        System.out.printf(Locale.ROOT, "%-28s %12s %12.0f%n", "host cost per token (us)", "",
                1e6 / hostDecode - 1e6 / directDecode);
        System.out.printf(Locale.ROOT, "%-28s %12.1f %12.1f %9.1f%%%n", "prompt tokens/s (" + PROMPT_TOKENS + ")",
                directPrompt, hostPrompt, 100 * (1 - hostPrompt / directPrompt));
        waitSteps.forEach(System.out::println);
        System.exit(0);
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

    private static Speed hostSpeed(LocalCompletionBackend backend, String longPrompt) throws EngineException {
        long[] first = new long[1];
        CompletionResult decode = backend.complete(new CompletionRequest(PROMPT + "b", DECODE_TOKENS, List.of(),
                Sampling.greedy(1), false), (t, n) -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                }, null);
        double decodeRate = (decode.tokens() - 1) / ((decode.endNanos() - first[0]) / 1e9);
        long[] firstPrompt = new long[1];
        CompletionResult prompt = backend.complete(new CompletionRequest(longPrompt, 1, List.of(),
                Sampling.greedy(1), false), (t, n) -> firstPrompt[0] = System.nanoTime(), null);
        double promptRate = prompt.promptTokensEvaluated() / ((firstPrompt[0] - prompt.startNanos()) / 1e9);
        return new Speed(decodeRate, promptRate);
    }

    private static Speed directSpeed(LlamaModel model, String longPrompt) {
        LlamaIterator it = model.generate(new InferenceParameters(PROMPT + "b").setNPredict(DECODE_TOKENS)
                .setTemperature(0f).setSeed(1).setCachePrompt(false)).iterator();
        long first = 0;
        int tokens = 0;
        while (it.hasNext()) {
            it.next();
            if (it.hasNext()) {
                tokens++;
                if (first == 0) {
                    first = System.nanoTime();
                }
            }
        }
        double decodeRate = (tokens - 1) / ((System.nanoTime() - first) / 1e9);
        int promptTokens = model.encode(longPrompt).length + 1;
        long start = System.nanoTime();
        LlamaIterator p = model.generate(new InferenceParameters(longPrompt).setNPredict(1).setTemperature(0f)
                .setCachePrompt(false)).iterator();
        p.next();
        double promptRate = promptTokens / ((System.nanoTime() - start) / 1e9);
        while (p.hasNext()) {
            p.next();
        }
        return new Speed(decodeRate, promptRate);
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
                    wait, backend.tokenize(PROMPT + thinking).length + 1, r.promptTokensEvaluated(), r.tokens(),
                    (r.endNanos() - r.startNanos()) / 1e6));
        }
        return lines;
    }

    private static String format(List<Speed> speeds) {
        return speeds.stream().map(x -> String.format(Locale.ROOT, "(%.0f, %.0f)", x.decode(), x.prompt()))
                .toList().toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
