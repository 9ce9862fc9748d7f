package dev.thinkbench.bench;

import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.raw.LlamaServerBackend;
import dev.thinkbench.engine.RawBackendSpec;
import dev.thinkbench.forcing.BudgetForcer;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingOutcome;
import dev.thinkbench.forcing.ForcingRun;
import dev.thinkbench.forcing.JinjaChatTemplate;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.TemplateMarkers;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.ScriptStep;
import dev.thinkbench.testing.TinyGguf;
import dev.thinkbench.testing.UncachedTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one Wait step costs on a long trace: prompt tokens the server evaluates per continuation and time per step,
 * with the prompt cache on and off. Not a test: runs only with {@code mvn test -Pbench-forcing} and prints tables.
 * Part 1 uses the loopback llama-server (its prompt cache simulated; compute cost simulated as stated). Part 2 uses
 * the built-in engine (llama.cpp in its child JVM) on the tiny test GGUF, whose greedy chain stops at
 * {@code </think>} after every Wait.
 */
class ForcingStepBench {

    private static final int WAITS = 8;

    @TempDir
    Path dir;

    @Test
    void waitStepOnTheLoopbackLlamaServer() throws Exception {
        for (long promptCost : new long[] {0, 20_000}) {
            for (boolean cache : new boolean[] {true, false}) {
                try (LlamaServerTestServer server = new LlamaServerTestServer().withCost(promptCost,
                        promptCost == 0 ? 0 : 1_000_000)) {
                    List<String> longTrace = new ArrayList<>(Collections.nCopies(3000, " step"));
                    longTrace.add("</think>");
                    server.then(new ScriptStep.Reply(longTrace));
                    for (int i = 0; i < WAITS; i++) {
                        server.then(ScriptStep.reply(" Let", " me", " check", " again", ".", "</think>"));
                    }
                    server.then(ScriptStep.reply(" 3", "<|im_end|>"));
                    CompletionBackend backend = new LlamaServerBackend(new RawBackendSpec(server.baseUrl(), null,
                            "sim", Duration.ofSeconds(30)));
                    ForcingOutcome out = force(cache ? backend : new UncachedTestBackend(backend),
                            ChatTemplates.CHATML_THINK,
                            new ForcingPlan(100_000, 200_000, WAITS, List.of("Wait"), null));
                    print("loopback llama-server, cache_prompt=" + cache + (promptCost == 0
                            ? ", no simulated compute (HTTP + client overhead only)"
                            : ", simulated 20 \u00b5s per evaluated prompt token and 1 ms per generated token"),
                            out);
                }
            }
        }
    }

    @Test
    void waitStepOnTheBuiltInEngineWithATinyGguf() throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        // The tiny model's greedy chain runs "Let x=2.</think>..." after <think>, and " x=2.</think>" after "Wait".
        ChatTemplate template = new JinjaChatTemplate("tiny", "{% for m in messages %}<|im_start|>{{ m.role }}\n"
                + "{{ m.content }}<|im_end|>\n{% endfor %}<|im_start|>assistant\n",
                new TemplateMarkers("<think>", "</think>", "</think>", "<|im_end|>"));
        String longPrompt = "Think about this: " + "the quick brown fox jumps over the lazy dog. ".repeat(30);
        try (LocalEngineProcess process = new LocalEngineProcess()) {
            CompletionBackend backend = new LocalCompletionBackend(process, model, new LocalEngineSettings(2, 2048));
            for (boolean cache : new boolean[] {true, false}) {
                ForcingOutcome out = new BudgetForcer(cache ? backend : new UncachedTestBackend(backend), template).run(
                        new ForcingRun("", longPrompt, "tiny", new ForcingPlan(1000, 1500, WAITS, List.of("Wait"),
                                null), Sampling.greedy(1), "bench"), e -> { }, new CancelToken());
                assertThat(out.error()).isNull();
                print("built-in engine (llama.cpp, tiny GGUF E=64 2 layers, 2 threads), cache_prompt=" + cache, out);
            }
        }
    }

    private static ForcingOutcome force(CompletionBackend backend, ChatTemplate template, ForcingPlan plan) {
        ForcingOutcome out = new BudgetForcer(backend, template).run(new ForcingRun("", "How many r in raspberry?",
                "sim", plan, null, "bench"), e -> { }, new CancelToken());
        assertThat(out.error()).isNull();
        return out;
    }

    private static void print(String title, ForcingOutcome out) {
        System.out.println();
        System.out.println("== " + title);
        System.out.printf("%-5s %-8s %10s %14s %10s %9s%n", "step", "opened", "generated", "prompt eval'd",
                "ms", "note");
        int i = 0;
        long waitMs = 0;
        long waitEval = 0;
        int waitSteps = 0;
        for (StepRecord s : out.steps()) {
            String opened = s.phase() == StepRecord.Phase.ANSWER ? "answer" : s.openedBy() == null ? "think"
                    : "Wait";
            System.out.printf("%-5d %-8s %10d %14s %10d  %s%n", ++i, opened, s.tokens(),
                    s.promptTokensEvaluated() == null ? "-" : s.promptTokensEvaluated(), s.durationMillis(),
                    s.note());
            if ("Wait".equals(opened)) {
                waitMs += s.endNanos() - s.startNanos();
                waitEval += s.promptTokensEvaluated() == null ? 0 : s.promptTokensEvaluated();
                waitSteps++;
            }
        }
        if (waitSteps > 0) {
            System.out.printf("mean Wait step: %.1f prompt tokens evaluated, %.2f ms%n",
                    (double) waitEval / waitSteps, waitMs / 1e6 / waitSteps);
        }
    }
}
