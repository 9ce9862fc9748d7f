package dev.thinkbench.engine.local;

import dev.thinkbench.core.SpecialTokens;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.engine.local.gguf.GgmlType;
import dev.thinkbench.engine.local.gguf.GgufValidator;
import dev.thinkbench.engine.local.llama.CpuBackendChoice;
import dev.thinkbench.engine.local.llama.NativeLibraries;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.thinkbench.engine.local.LocalCompletionBackendTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the llama.cpp binding adds to the built-in engine, end to end through the host process: token
 * log-probabilities, forks that keep the trace they branch from,
 * today's architectures (qwen3), a model switch in the same process, and user text that cannot inject special
 * tokens. Batching (calls from several threads decoded together) is {@link LocalEngineBatchingTest}'s.
 */
@Timeout(120)
class LocalEngineCapabilitiesTest {

    static final String PROMPT = LocalCompletionBackendTest.PROMPT;
    static final LocalEngineSettings SETTINGS = new LocalEngineSettings(1, 4096);

    @TempDir
    static Path dir;
    static Path model;
    static LocalEngineProcess process;
    static LocalCompletionBackend backend;

    @BeforeAll
    static void start() throws IOException {
        model = TinyGguf.writeLooping(dir.resolve("tiny-looping.gguf"));
        process = new LocalEngineProcess();
        backend = new LocalCompletionBackend(process, model, SETTINGS);
    }

    @AfterAll
    static void stop() {
        process.close();
    }

    @Test
    void tokenLogprobsComeWithTheTextWhenAskedAndNotOtherwise() throws EngineException {
        List<TokenLogprob> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onText(String piece, int n) {
                text.append(piece);
            }

            @Override
            public void onTokens(List<TokenLogprob> t) {
                tokens.addAll(t);
            }
        };

        CompletionResult r = backend.complete(request(PROMPT, 64).withTopLogprobs(3), listener, null);
        List<TokenLogprob> none = new ArrayList<>();
        backend.complete(request(PROMPT, 64), new CompletionListener() {
            @Override
            public void onText(String piece, int n) {
            }

            @Override
            public void onTokens(List<TokenLogprob> t) {
                none.addAll(t);
            }
        }, null);

        assertThat(r.text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        assertThat(tokens).hasSize(r.tokens());
        assertThat(tokens.subList(0, 5)).extracting(TokenLogprob::text).containsExactly("L", "e", "t", " ", "x");
        assertThat(tokens.getLast().token()).as("the end-of-generation token").isEqualTo(TinyGguf.EOS);
        assertThat(tokens).allSatisfy(t -> {
            assertThat(t.top()).hasSize(3);
            assertThat(t.top().getFirst().token()).as("greedy picks the most likely").isEqualTo(t.token());
            assertThat(t.probability()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
        });
        assertThat(none).as("off by default").isEmpty();
    }

    @Test
    void aForkFromALongTraceEvaluatesOnlyItsOwnTokensAndKeepsTheTraceCached() throws EngineException {
        // a long trace: the endless loop, cached after 300 tokens
        String trace = PROMPT + "b";
        CompletionResult longRun = backend.complete(request(trace, 300), (t, n) -> { }, null);
        String full = trace + longRun.text();
        // a fork 100 tokens back from the end of the trace, then the trace itself continued
        String fork = full.substring(0, full.length() - 100) + "Wait";
        CompletionResult forked = backend.complete(request(fork, 8), (t, n) -> { }, null);
        CompletionResult continued = backend.complete(request(full, 8), (t, n) -> { }, null);

        assertThat(forked.promptTokensEvaluated()).as("only 'Wait'").isEqualTo(4);
        assertThat(continued.promptTokensEvaluated()).as("the trace was kept, not rewound by the fork")
                .isEqualTo(1);
    }

    @Test
    void qwen3ModelsRunInTheSameProcessAfterASwitch() throws Exception {
        Path qwen3 = TinyGguf.writeQwen3(dir.resolve("tiny-qwen3.gguf"));
        LocalCompletionBackend llama = new LocalCompletionBackend(process, model, SETTINGS);
        LocalCompletionBackend qwen = new LocalCompletionBackend(process, qwen3, SETTINGS);

        String first = llama.complete(request(PROMPT, 64), (t, n) -> { }, null).text();
        long pid = process.pid().orElseThrow();
        String second = qwen.complete(request(PROMPT, 64), (t, n) -> { }, null).text();
        String third = llama.complete(request(PROMPT, 64), (t, n) -> { }, null).text();

        assertThat(List.of(first, second, third)).containsOnly(TinyGguf.EXPECTED_OUTPUT);
        assertThat(process.pid().orElseThrow()).as("the host freed one model and loaded the other").isEqualTo(pid);
        assertThat(process.details()).containsKeys("description", "devices", "systemInfo", "loadLog")
                .containsEntry("vocabulary", "358");
        assertThat(process.details().get("description")).startsWith("llama");
        assertThat(process.details()).containsEntry("threads", "1");
    }

    /** Threads = 256 on a small machine ran 268 threads on 2 cores: the host takes one per core and says so. */
    @Test
    void moreThreadsThanCoresAreBroughtDownToTheCoresWithTheReasonInTheDetails() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        LocalCompletionBackend many = new LocalCompletionBackend(process, model, new LocalEngineSettings(
                LocalEngineSettings.MAX_THREADS, 4096));

        assertThat(many.complete(request(PROMPT, 8), (t, n) -> { }, null).text()).isNotEmpty();

        assertThat(process.details().get("threads")).startsWith(Math.min(cores, LocalEngineSettings.MAX_THREADS) + " ")
                .contains("256 asked: this computer has " + cores + " cores");
    }

    @Test
    void aTinyModelRunsOnTheAvx2BackendAndALargerOneOnGgmlsChoiceEachInItsOwnHost() throws Exception {
        // 512 wide, 2 layers: above the tiny limit
        Path larger = dir.resolve("larger.gguf");
        TinyGguf.writer("llama", new TinyGguf.Shape(512, 2, 8, 2, 1408, 4096), List.of(TinyGguf.CHAIN), 7,
                GgmlType.F32).write(larger);
        assertThat(GgufValidator.validate(larger).parameterCount()).isGreaterThan(CpuBackendChoice.TINY_PARAMETERS);
        assertThat(CpuBackendChoice.variantLibrary(NativeLibraries.locate().directory(), "haswell"))
                .as("the x86-64 package this test runs on has the AVX2 backend").isPresent();
        LocalCompletionBackend big = new LocalCompletionBackend(process, larger, SETTINGS);

        backend.load();
        long tinyHost = process.pid().orElseThrow();
        assertThat(process.details()).containsEntry("cpuBackend", "haswell (chosen for a model this small)");
        assertThat(process.details().get("systemInfo")).doesNotContain("AVX512 = 1");
        big.complete(request(PROMPT, 4), (t, n) -> { }, null);
        long bigHost = process.pid().orElseThrow();
        assertThat(bigHost).as("llama.cpp loads once a process: a fresh host").isNotEqualTo(tinyHost);
        assertThat(process.details()).containsEntry("cpuBackend", "the best for this CPU");
        assertThat(backend.complete(request(PROMPT, 64), (t, n) -> { }, null).text())
                .isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        assertThat(process.pid().orElseThrow()).as("and back").isNotEqualTo(bigHost);
        assertThat(process.details()).containsEntry("cpuBackend", "haswell (chosen for a model this small)");
    }

    @Test
    void specialTokensTheTemplateEscapedInUserTextAreTokenizedAsPlainText() throws EngineException {
        backend.load();
        String typed = SpecialTokens.escape("say <|im_end|> and </think>");

        int[] tokens = backend.tokenize(typed);

        assertThat(tokens).doesNotContain(TinyGguf.EOS, 262);
        assertThat(tokens).as("the characters the user typed, without the escape's break")
                .containsExactly(tokensOf("say <|im_end|> and </think>"));
        assertThat(backend.tokenize("<|im_end|>")).containsExactly(TinyGguf.EOS);
    }

    /** Plain-text tokens of this test vocabulary: one per character, a space is '▁'. */
    private static int[] tokensOf(String text) {
        List<String> vocab = TinyGguf.tokens();
        return text.chars().map(c -> vocab.indexOf(c == ' ' ? "\u2581" : String.valueOf((char) c))).toArray();
    }
}
