package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.host.HostEvent;
import dev.thinkbench.engine.local.host.HostRequest;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.thinkbench.engine.local.LocalCompletionBackendTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous batching in the built-in engine, end to end through the host process on a tiny model written by the
 * test: calls made from several threads run at once (one decode per step for all), give what they give one at a
 * time, join a decode that is already running, share an evaluated prompt, and neither a cancelled nor a refused call
 * disturbs the others. Joining is shown by the host's own counters (decode steps shared with other completions), never
 * by timing.
 */
@Timeout(180)
class LocalEngineBatchingTest {

    static final String PROMPT = LocalCompletionBackendTest.PROMPT;
    /** After this prompt the model loops ({@code cdbcdb...}) until its cap. */
    static final String LOOPING = PROMPT + "b";
    /** Room for a completion that runs until it is cancelled. */
    static final LocalEngineSettings SETTINGS = new LocalEngineSettings(1, 16384);
    static final int ENDLESS = 15000;

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
    void concurrentCallsGiveTheSameGreedyOutputsAsSequentialOnes() throws EngineException {
        List<CompletionRequest> requests = List.of(request(PROMPT, 64), request(PROMPT, 64, "</think>"),
                request(PROMPT, 5), request(LOOPING, 9), request(LOOPING, 300), request(PROMPT + "bc", 50, "dbc"));
        List<CompletionResult> sequential = new ArrayList<>();
        for (CompletionRequest r : requests) {
            sequential.add(backend.complete(r, (t, n) -> { }, null));
        }
        List<StringBuilder> streamed = Collections.nCopies(requests.size(), 0).stream().map(x -> new StringBuilder())
                .toList();

        List<Concurrently.Outcome> outcomes = Concurrently.complete(backend, requests,
                i -> (text, tokens) -> streamed.get(i).append(text), i -> null);

        List<CompletionResult> concurrent = outcomes.stream().map(Concurrently.Outcome::result).toList();
        assertThat(concurrent).extracting(CompletionResult::text)
                .containsExactlyElementsOf(sequential.stream().map(CompletionResult::text).toList())
                .startsWith(TinyGguf.EXPECTED_OUTPUT, "Let x=2.", "Let x", "cdbcdbcdb");
        assertThat(concurrent).extracting(CompletionResult::stop)
                .containsExactlyElementsOf(sequential.stream().map(CompletionResult::stop).toList());
        assertThat(concurrent).extracting(CompletionResult::tokens)
                .containsExactlyElementsOf(sequential.stream().map(CompletionResult::tokens).toList());
        for (int i = 0; i < requests.size(); i++) {
            assertThat(streamed.get(i)).as("call %d streamed its own text", i).hasToString(concurrent.get(i).text());
        }
    }

    @Test
    void morePromptsThanSequencesAllRunWithSomeWaitingForAFreeOne() {
        List<CompletionRequest> requests = new ArrayList<>();
        for (int i = 0; i < LocalCompletionBackend.MAX_SEQUENCES + 6; i++) {
            requests.add(i % 2 == 0 ? request(PROMPT, 64) : request(LOOPING, 40 + i));
        }

        List<CompletionResult> results = Concurrently.results(backend, requests);

        for (int i = 0; i < requests.size(); i++) {
            if (i % 2 == 0) {
                assertThat(results.get(i).text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
            } else {
                assertThat(results.get(i).tokens()).isEqualTo(40 + i);
                assertThat(results.get(i).text()).startsWith("cdbcdb").hasSize(40 + i);
            }
        }
    }

    @Test
    void callsOfOnePromptEvaluateItOnceAndCopyIt() {
        // a prompt no other test sends, so only its first evaluation can put it in the cache
        String prompt = "<|im_start|>user\nCount the letters of: " + "abcdefghij".repeat(12)
                + "<|im_end|>\n<|im_start|>assistant\n<think>";
        List<CompletionRequest> requests = List.of(request(prompt, 8), request(prompt, 16), request(prompt, 24),
                request(prompt, 32));

        List<CompletionResult> results = Concurrently.results(backend, requests);

        int length = results.getFirst().promptTokens();
        assertThat(length).isGreaterThan(120);
        List<Integer> evaluated = results.stream().map(CompletionResult::promptTokensEvaluated).sorted().toList();
        assertThat(evaluated.subList(0, 3)).as("three calls copy the prompt and evaluate only its last token")
                .containsOnly(1);
        assertThat(evaluated.getLast()).as("one call evaluates the prompt").isGreaterThan(length - 10);
        assertThat(results).extracting(CompletionResult::text).allSatisfy(t ->
                assertThat(TinyGguf.EXPECTED_OUTPUT).startsWith(t));
    }

    @Test
    void aCallMadeWhileAnotherGeneratesRunsBesideIt() throws Exception {
        CancelToken endless = new CancelToken();
        CountDownLatch generating = new CountDownLatch(1);
        CompletableFuture<CompletionResult> first = CompletableFuture.supplyAsync(() -> {
            try {
                return backend.complete(request(LOOPING, ENDLESS), (t, n) -> generating.countDown(), endless);
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(generating.await(60, TimeUnit.SECONDS)).isTrue();

        // served one at a time, these would wait until the first call ends, which only its cancel does
        CompletionResult second = backend.complete(request(PROMPT, 64), (t, n) -> { }, null);
        int[] tokens = backend.tokenize("Let x");
        endless.cancel();

        assertThat(second.text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        assertThat(tokens).hasSize(5);
        CompletionResult cancelled = first.get(60, TimeUnit.SECONDS);
        assertThat(cancelled.stop()).isEqualTo(CompletionResult.Stop.CANCELLED);
        assertThat(cancelled.text()).startsWith("cdbcdb");
    }

    @Test
    void aCompletionArrivingMidGenerationJoinsTheRunningDecodeSteps() throws EngineException {
        List<HostEvent.Done> done = process.withModel(model, SETTINGS, c -> {
            long a = c.nextId();
            BlockingQueue<HostConnection.Inbound> aEvents = c.register(a);
            c.send(new HostRequest.Complete(a, LOOPING, ENDLESS, List.of(), 0.0, null, 1L, true));
            await(aEvents, HostEvent.Chunk.class);
            long b = c.nextId();
            BlockingQueue<HostConnection.Inbound> bEvents = c.register(b);
            c.send(new HostRequest.Complete(b, PROMPT, 64, List.of(), 0.0, null, 1L, true));
            HostEvent.Done bDone = await(bEvents, HostEvent.Done.class);
            c.send(new HostRequest.Cancel(c.nextId(), a));
            HostEvent.Done aDone = await(aEvents, HostEvent.Done.class);
            c.unregister(a);
            c.unregister(b);
            return List.of(aDone, bDone);
        });
        HostEvent.Done a = done.get(0);
        HostEvent.Done b = done.get(1);

        assertThat(b.stop()).isEqualTo("EOS");
        assertThat(b.decodeSteps()).as("its prompt, then one step per token").isPositive();
        assertThat(b.sharedSteps()).as("every step of the newcomer also decoded the running completion")
                .isEqualTo(b.decodeSteps());
        assertThat(a.stop()).isEqualTo("CANCELLED");
        assertThat(a.sharedSteps()).as("the running completion shared the newcomer's steps")
                .isEqualTo(b.decodeSteps());
        assertThat(a.decodeSteps()).as("and ran alone before and after").isGreaterThan(a.sharedSteps());
        assertThat(b.promptTokensEvaluated()).as("the newcomer copied the prompt the running one shares")
                .isEqualTo(1);
    }

    @Test
    void aLongerGreedyBudgetOfACachedPromptReplaysTheTokensAShorterOnePicked() throws EngineException {
        String prompt = PROMPT.replace("What is x?", "What is y, again?") + "b";
        List<Finished> runs = process.withModel(model, SETTINGS, c -> List.of(
                run(c, new HostRequest.Complete(c.nextId(), prompt, 8, List.of(), 0.0, null, 1L, true, null, true)),
                run(c, new HostRequest.Complete(c.nextId(), prompt, 64, List.of(), 0.0, null, 1L, true, null,
                        true))));
        CompletionResult fresh = backend.complete(new CompletionRequest(prompt, 64, List.of(), Sampling.greedy(1),
                false), (t, n) -> { }, null);

        HostEvent.Done longer = runs.get(1).done();
        assertThat(longer.tokens()).isEqualTo(64);
        assertThat(longer.promptTokensEvaluated()).as("the prompt is in the cache").isZero();
        assertThat(longer.decodeSteps()).as("the 7 tokens the 8-token budget evaluated are taken, not decoded (its 8th "
                + "was picked, never evaluated): one step per token from there").isEqualTo(64 - 7);
        assertThat(runs.get(1).text()).as("what decoding every token gives").isEqualTo(fresh.text())
                .startsWith(runs.get(0).text()).startsWith("cdbcdb");
    }

    /** A completion's streamed text and its Done event. */
    record Finished(String text, HostEvent.Done done) {
    }

    private static Finished run(HostConnection c, HostRequest.Complete request) throws EngineException {
        BlockingQueue<HostConnection.Inbound> events = c.register(request.id());
        c.send(request);
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                HostEvent e = await(events, HostEvent.class);
                if (e instanceof HostEvent.Chunk chunk) {
                    text.append(chunk.text());
                } else if (e instanceof HostEvent.Done done) {
                    return new Finished(text.toString(), done);
                }
            }
        } finally {
            c.unregister(request.id());
        }
    }

    private static <T extends HostEvent> T await(BlockingQueue<HostConnection.Inbound> queue, Class<T> type)
            throws EngineException {
        try {
            while (true) {
                HostConnection.Inbound in = queue.poll(60, TimeUnit.SECONDS);
                if (in == null) {
                    throw new EngineException(FailureKind.TIMEOUT, "no " + type.getSimpleName() + " in 60 s");
                }
                if (in instanceof HostConnection.Event(HostEvent e) && type.isInstance(e)) {
                    return type.cast(e);
                }
                if (in instanceof HostConnection.Event(HostEvent.Error e)) {
                    throw new EngineException(FailureKind.UNKNOWN, e.message());
                }
                if (in instanceof HostConnection.Died d) {
                    throw new EngineException(FailureKind.ENGINE_CRASHED, d.reason());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(FailureKind.UNKNOWN, "interrupted");
        }
    }

    @Test
    void aCancelledAndARefusedCallDoNotDisturbTheOthers() throws EngineException {
        CompletionRequest looping = request(LOOPING, 600);
        String expectedLoop = backend.complete(looping, (t, n) -> { }, null).text();
        CompletionRequest refused = request("x".repeat(SETTINGS.contextSize() + 10), 64);
        List<CompletionRequest> requests = List.of(looping, request(LOOPING, ENDLESS), refused, request(PROMPT, 64),
                looping);
        CancelToken cancel = new CancelToken();
        AtomicInteger seen = new AtomicInteger();
        CompletionListener cancelsItself = (text, tokens) -> {
            if (seen.addAndGet(tokens) >= 4) {
                cancel.cancel();
            }
        };

        List<Concurrently.Outcome> outcomes = Concurrently.complete(backend, requests,
                i -> i == 1 ? cancelsItself : (t, n) -> { }, i -> i == 1 ? cancel : null);

        assertThat(outcomes.get(1).result().stop()).isEqualTo(CompletionResult.Stop.CANCELLED);
        assertThat(outcomes.get(1).result().text()).startsWith("cdb");
        assertThat(outcomes.get(2).failure()).isNotNull();
        assertThat(outcomes.get(2).failure().kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(outcomes.get(2).failure().getMessage()).contains("raise the built-in engine's context size");
        assertThat(outcomes.get(0).result().text()).isEqualTo(expectedLoop);
        assertThat(outcomes.get(4).result().text()).isEqualTo(expectedLoop);
        assertThat(outcomes.get(3).result().text()).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
    }

    @Test
    void whenTheContextFillsUpTheNewestCompletionGivesWayAndTheOthersFinish() throws EngineException {
        LocalEngineSettings small = new LocalEngineSettings(1, 256);
        LocalCompletionBackend tight = new LocalCompletionBackend(process, model, small);
        List<CompletionRequest> requests = Collections.nCopies(4, request(LOOPING, 180));

        List<Concurrently.Outcome> outcomes = Concurrently.complete(tight, requests, i -> (t, n) -> { }, i -> null);

        assertThat(outcomes).anySatisfy(o -> assertThat(o.result()).isNotNull());
        assertThat(outcomes).allSatisfy(o -> {
            if (o.result() != null) {
                assertThat(o.result().tokens()).isEqualTo(180);
                assertThat(o.result().text()).startsWith("cdbcdb");
            } else {
                assertThat(o.failure().kind()).isEqualTo(FailureKind.BAD_REQUEST);
                assertThat(o.failure().getMessage()).contains("raise the built-in engine's context size");
            }
        });
        assertThat(backend.complete(request(PROMPT, 64), (t, n) -> { }, null).text())
                .as("the engine serves on").isEqualTo(TinyGguf.EXPECTED_OUTPUT);
    }
}
