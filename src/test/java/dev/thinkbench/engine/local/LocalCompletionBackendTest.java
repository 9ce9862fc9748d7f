package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The built-in engine end to end: a tiny GGUF written by the test, loaded by llama.cpp in the real host process. */
@Timeout(120)
class LocalCompletionBackendTest {

    static final String PROMPT = "<|im_start|>user\nWhat is x?<|im_end|>\n<|im_start|>assistant\n<think>";
    /**
     * A context large enough that an endless run takes thousands of tokens (seconds on this model) to reach its cap:
     * the runs that a test cancels or kills mid-way cannot end by themselves first, however slowly the test reads.
     */
    static final LocalEngineSettings SETTINGS = new LocalEngineSettings(1, 8192);
    /** The cap of an endless run ({@code cdbcdb...}), just under the context. */
    static final int ENDLESS = 8000;

    @TempDir
    static Path dir;
    static Path model;
    static LocalEngineProcess process;
    static LocalCompletionBackend backend;

    @BeforeAll
    static void startEngine() throws IOException {
        model = TinyGguf.writeLooping(dir.resolve("tiny-looping.gguf"));
        process = new LocalEngineProcess();
        backend = new LocalCompletionBackend(process, model, SETTINGS);
    }

    @AfterAll
    static void stopEngine() {
        process.close();
    }

    /** A greedy (seed 1) request that keeps its stop string; the engine tests share it. */
    static CompletionRequest request(String prompt, int max, String... stop) {
        return new CompletionRequest(prompt, max, List.of(stop), Sampling.greedy(1), true);
    }

    @Test
    void streamsTheGreedyContinuationInCoalescedChunksUntilEos() throws EngineException {
        List<String> chunks = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();

        CompletionResult result = backend.complete(request(PROMPT, 64), (text, tokens) -> {
            chunks.add(text);
            counts.add(tokens);
        }, new CancelToken());

        assertThat(result.text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        assertThat(String.join("", chunks)).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        assertThat(chunks).as("the first token goes out at once").startsWith("L");
        assertThat(counts.getFirst()).isEqualTo(1);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(13);
        assertThat(result.stop()).isEqualTo(CompletionResult.Stop.EOS);
        assertThat(result.tokens()).as("12 visible tokens and the EOS").isEqualTo(13);
        assertThat(result.endNanos()).isGreaterThanOrEqualTo(result.startNanos());
    }

    @Test
    void stopStringEndsTheTextBeforeItAndIsReported() throws EngineException {
        CompletionResult result = backend.complete(request(PROMPT, 64, "</think>"), (t, n) -> { }, null);

        assertThat(result.text()).isEqualTo("Let x=2.");
        assertThat(result.stop()).isEqualTo(CompletionResult.Stop.STOP_STRING);
        assertThat(result.stoppingWord()).isEqualTo("</think>");
        assertThat(result.tokens()).as("8 tokens and the one that matched").isEqualTo(9);
    }

    @Test
    void stopStringSpanningTokensIsHeldBackUntilItMatches() throws EngineException {
        List<String> chunks = new ArrayList<>();
        CompletionResult result = backend.complete(request(PROMPT, 64, "x=2"), (t, n) -> chunks.add(t), null);

        assertThat(result.text()).isEqualTo("Let ");
        assertThat(String.join("", chunks)).isEqualTo("Let ");
        assertThat(result.stoppingWord()).isEqualTo("x=2");
    }

    @Test
    void tokenCapEndsWithLength() throws EngineException {
        CompletionResult result = backend.complete(request(PROMPT, 5), (t, n) -> { }, null);

        assertThat(result.text()).isEqualTo("Let x");
        assertThat(result.stop()).isEqualTo(CompletionResult.Stop.LENGTH);
        assertThat(result.tokens()).isEqualTo(5);
    }

    @Test
    void s1LoopReusesThePromptCacheSoEachWaitEvaluatesOnlyItsOwnTokens() throws EngineException {
        StringBuilder thinking = new StringBuilder();
        List<Integer> evaluated = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        int used = 0;
        int min = 20;
        int max = 40;
        while (true) {
            CompletionResult r = backend.complete(request(PROMPT + thinking, max - used, "</think>"),
                    (t, n) -> { }, null);
            thinking.append(r.text());
            evaluated.add(r.promptTokensEvaluated());
            rounds.add(r.tokens());
            used += r.tokens();
            if (used >= max || used >= min) {
                break;
            }
            thinking.append("Wait");
        }
        CompletionResult answer = backend.complete(request(PROMPT + thinking + "</think>\nFinal Answer:", 16),
                (t, n) -> { }, null);

        assertThat(thinking).hasToString("Let x=2.Wait x=2.Wait x=2.");
        assertThat(rounds).containsExactly(9, 6, 6);
        assertThat(evaluated.subList(1, 3)).as("only the 4 tokens of 'Wait' are new").containsExactly(4, 4);
        assertThat(answer.text()).contains("4");
    }

    @Test
    void fullyCachedPromptReEvaluatesOnlyItsLastToken() throws EngineException {
        backend.complete(request(PROMPT, 1), (t, n) -> { }, null);
        CompletionResult again = backend.complete(request(PROMPT, 1), (t, n) -> { }, null);
        CompletionResult uncached = backend.complete(new CompletionRequest(PROMPT, 1, List.of(),
                Sampling.greedy(1), false), (t, n) -> { }, null);

        int promptSize = backend.tokenize(PROMPT).length + 1;
        assertThat(again.promptTokensEvaluated()).isEqualTo(1);
        assertThat(uncached.promptTokensEvaluated()).isEqualTo(promptSize);
        assertThat(List.of(again, uncached)).as("the prompt's size (BOS included), cached or not")
                .extracting(CompletionResult::promptTokens).containsOnly(promptSize);
    }

    @Test
    void cancelEndsAnEndlessRunAndTheNextRunWorks() throws EngineException {
        CancelToken cancel = new CancelToken();
        List<String> chunks = new ArrayList<>();

        CompletionResult cancelled = backend.complete(request(PROMPT + "b", ENDLESS), (t, n) -> {
            chunks.add(t);
            if (chunks.size() == 10) {
                cancel.cancel();
            }
        }, cancel);
        CompletionResult next = backend.complete(request(PROMPT, 64), (t, n) -> { }, null);

        assertThat(cancelled.stop()).isEqualTo(CompletionResult.Stop.CANCELLED);
        assertThat(cancelled.text()).startsWith("cdbcdbcdbc");
        assertThat(cancelled.tokens()).isBetween(10, ENDLESS - 1);
        assertThat(next.text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
    }

    @Test
    void listenerThatThrowsEndsOnlyItsOwnRun() throws EngineException {
        List<String> chunks = new ArrayList<>();

        RuntimeException thrown = catchThrowableOfType(RuntimeException.class, () -> backend.complete(
                request(PROMPT + "b", ENDLESS), (t, n) -> {
                    chunks.add(t);
                    if (chunks.size() == 3) {
                        throw new IllegalStateException("listener bug");
                    }
                }, null));
        CompletionResult next = backend.complete(request(PROMPT, 64), (t, n) -> { }, null);

        assertThat(thrown).hasMessage("listener bug");
        assertThat(next.text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
    }

    @Test
    void alreadyCancelledTokenReturnsAtOnce() throws EngineException {
        CancelToken cancel = new CancelToken();
        cancel.cancel();

        CompletionResult result = backend.complete(request(PROMPT, 64), (t, n) -> { }, cancel);

        assertThat(result.stop()).isEqualTo(CompletionResult.Stop.CANCELLED);
        assertThat(result.tokens()).isZero();
    }

    @Test
    void killingTheHostMidRunFailsThatRunCleanlyAndTheNextRunRestartsIt() throws Exception {
        backend.load();
        long firstPid = process.pid().orElseThrow();
        List<String> chunks = new ArrayList<>();

        EngineException crash = catchThrowableOfType(EngineException.class, () -> backend.complete(
                request(PROMPT + "b", ENDLESS), (t, n) -> {
                    chunks.add(t);
                    if (chunks.size() == 5) {
                        ProcessHandle.of(firstPid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }, null));
        CompletionResult next = backend.complete(request(PROMPT, 64), (t, n) -> { }, null);

        assertThat(crash).isNotNull();
        assertThat(crash.kind()).isEqualTo(FailureKind.ENGINE_CRASHED);
        assertThat(crash.getMessage()).contains("crashed during this run", "exited with code 137");
        assertThat(next.text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        assertThat(process.pid().orElseThrow()).isNotEqualTo(firstPid);
    }

    @Test
    void promptLongerThanTheContextIsRejectedWithTheNumbers() {
        EngineException e = catchThrowableOfType(EngineException.class,
                () -> backend.complete(request(PROMPT.repeat(400), 8), (t, n) -> { }, null));

        assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(e.getMessage()).as("where the window and the command line each raise it")
                .contains("fills the model's context of 8192 tokens", "raise the built-in engine's context size "
                        + "(Context on the Models tab, or --context on the command line)", "shorten the prompt")
                .as("a smaller budget cannot shorten a prompt").doesNotContain("budget")
                .as("no file to edit by hand").doesNotContain("settings.json");
    }

    @Test
    void sameSeedAtHighTemperatureGivesTheSameText() throws EngineException {
        Sampling hot = new Sampling(2.0, null, 1234L, null);
        CompletionRequest r = new CompletionRequest(PROMPT + "b", 60, List.of(), hot, false);

        String first = backend.complete(r, (t, n) -> { }, null).text();
        String second = backend.complete(r, (t, n) -> { }, null).text();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void reportsTheVocabularySpecialTokensAndTokenizesWithThem() throws EngineException {
        backend.load();

        assertThat(backend.specialTokens()).contains("<|im_start|>", "<|im_end|>", "<think>", "</think>");
        assertThat(backend.tokenize("<|im_end|>x</think>")).containsExactly(260, 351, 262);
    }

    @Test
    void corruptModelFailsWithTheCheckBeforeAnyNativeCode() throws IOException {
        Path broken = dir.resolve("broken.gguf");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (LocalEngineProcess fresh = new LocalEngineProcess()) {
            LocalCompletionBackend bad = new LocalCompletionBackend(fresh, broken, SETTINGS);

            EngineException e = catchThrowableOfType(EngineException.class,
                    () -> bad.complete(request(PROMPT, 4), (t, n) -> { }, null));

            assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("Cannot use broken.gguf: not a usable GGUF file: damaged or incomplete; tensor bounds: tensor '");
            assertThat(fresh.pid()).as("no engine process was started").isEmpty();
        }
    }
}
