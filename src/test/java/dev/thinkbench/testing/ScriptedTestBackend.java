package dev.thinkbench.testing;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.TokenCounter;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.TokenLogprob;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test double for {@link CompletionBackend}, no HTTP: each call plays the next scripted reply through
 * {@link SimulatedModel} (stop strings and cap honoured unless told otherwise) and records the request. A reply can
 * be held part-way ({@link #holdAfter}) until the test releases it or the call is cancelled, to test actions taken
 * while the model is thinking. A reply scripted with a probability ({@link #thenWithProbability}) reports it for each
 * of its tokens to a request that asks for probabilities, and the backend then says it reports them. Waits are
 * bounded.
 */
public final class ScriptedTestBackend implements CompletionBackend, TokenCounter {

    private final Deque<List<String>> script = new ArrayDeque<>();
    /** Each scripted reply's token probability, null for none, in step with {@link #script}. */
    private final Deque<java.util.Optional<Double>> probabilities = new ArrayDeque<>();
    private boolean reportsProbabilities;
    private final List<CompletionRequest> requests = new ArrayList<>();
    /** The failures {@link #thenFail} scripted, by the index of the request they answer. */
    private final java.util.Map<Integer, dev.thinkbench.engine.EngineException> failures = new java.util.HashMap<>();
    private boolean honourStops = true;
    private boolean honourCap = true;
    private int holdAfter = -1;
    private CountDownLatch held = new CountDownLatch(1);
    private CountDownLatch release = new CountDownLatch(1);
    private java.util.OptionalInt contextSize = java.util.OptionalInt.empty();
    private final java.util.concurrent.atomic.AtomicInteger counts = new java.util.concurrent.atomic.AtomicInteger();

    public synchronized ScriptedTestBackend then(String... tokens) {
        script.add(List.of(tokens));
        probabilities.add(java.util.Optional.empty());
        return this;
    }

    /** The next request fails with {@code kind} and {@code message}, as an engine's error would, before any text. */
    public synchronized ScriptedTestBackend thenFail(dev.thinkbench.core.FailureKind kind, String message) {
        script.add(List.of());
        probabilities.add(java.util.Optional.empty());
        failures.put(script.size() - 1 + requests.size(), new dev.thinkbench.engine.EngineException(kind, message));
        return this;
    }

    /** A reply whose every token has probability {@code p}, reported where the request asks for probabilities. */
    public synchronized ScriptedTestBackend thenWithProbability(double p, String... tokens) {
        script.add(List.of(tokens));
        probabilities.add(java.util.Optional.of(p));
        reportsProbabilities = true;
        return this;
    }

    /** A reply of {@code n} tokens {@code " t"} with no end marker. */
    public synchronized ScriptedTestBackend thenEndless(int n) {
        script.add(java.util.Collections.nCopies(n, " t"));
        probabilities.add(java.util.Optional.empty());
        return this;
    }

    @Override
    public synchronized boolean reportsTokenProbabilities() {
        return reportsProbabilities;
    }

    public synchronized ScriptedTestBackend ignoringStop() {
        honourStops = false;
        return this;
    }

    public synchronized ScriptedTestBackend ignoringCap() {
        honourCap = false;
        return this;
    }

    /** The next reply stops after {@code n} pieces until {@link #release()} or a cancel. */
    public synchronized ScriptedTestBackend holdAfter(int n) {
        holdAfter = n;
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        return this;
    }

    /** Waits (bounded) until a reply is being held. */
    public void awaitHeld() throws InterruptedException {
        if (!held.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the backend was never held");
        }
    }

    public void release() {
        release.countDown();
    }

    public synchronized List<CompletionRequest> requests() {
        return List.copyOf(requests);
    }

    /** The test double's tokenizer: one token per whitespace-separated word. */
    @Override
    public int countTokens(String text) {
        counts.incrementAndGet();
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** How many times {@link #countTokens} was called. */
    public int countCalls() {
        return counts.get();
    }

    /** Reports a context of {@code tokens} (none by default, as a server's). */
    public synchronized ScriptedTestBackend withContextSize(int tokens) {
        contextSize = java.util.OptionalInt.of(tokens);
        return this;
    }

    @Override
    public synchronized java.util.OptionalInt contextSize() {
        return contextSize;
    }

    public synchronized List<String> prompts() {
        return requests.stream().map(CompletionRequest::prompt).toList();
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public String displayName() {
        return "scripted test backend";
    }

    @Override
    public String model() {
        return "scripted";
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws dev.thinkbench.engine.EngineException {
        List<String> tokens;
        Double probability;
        int hold;
        CountDownLatch heldNow;
        CountDownLatch releaseNow;
        synchronized (this) {
            requests.add(request);
            tokens = script.poll();
            if (tokens == null) {
                throw new AssertionError("scripted backend: no reply left for request " + requests.size());
            }
            dev.thinkbench.engine.EngineException failure = failures.remove(requests.size() - 1);
            if (failure != null) {
                probabilities.poll();
                throw failure;
            }
            probability = request.topLogprobs() > 0 ? probabilities.poll().orElse(null) : null;
            if (request.topLogprobs() <= 0) {
                probabilities.poll();
            }
            hold = holdAfter;
            holdAfter = -1;
            heldNow = held;
            releaseNow = release;
        }

        long start = System.nanoTime();
        SimulatedModel.Generation gen = SimulatedModel.generate(tokens, request.maxTokens(), request.stop(),
                honourStops, honourCap);
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (String piece : gen.pieces()) {
            if (i++ == hold && !waitForRelease(heldNow, releaseNow, cancel)) {
                return new CompletionResult(text.toString(), i - 1, CompletionResult.Stop.CANCELLED, "", null, null,
                        start, System.nanoTime());
            }
            if (cancel.isCancelled()) {
                return new CompletionResult(text.toString(), i - 1, CompletionResult.Stop.CANCELLED, "", null, null,
                        start, System.nanoTime());
            }
            text.append(piece);
            if (probability != null) {
                listener.onTokens(List.of(new TokenLogprob(piece, 0, Math.log(probability), List.of())));
            }
            listener.onText(piece, 1);
        }
        if (gen.tokens() > gen.pieces().size()) {
            listener.onText("", gen.tokens() - gen.pieces().size());
        }
        CompletionResult.Stop stop = switch (gen.end()) {
            case EOS -> CompletionResult.Stop.EOS;
            case LIMIT -> CompletionResult.Stop.LENGTH;
            case WORD -> CompletionResult.Stop.STOP_STRING;
        };
        int promptTokens = SimulatedModel.countTokens(request.prompt());
        return new CompletionResult(text.toString(), gen.tokens(), stop, gen.stoppingWord(), promptTokens,
                promptTokens, start, System.nanoTime());
    }

    /** Returns false when cancelled while held. */
    private static boolean waitForRelease(CountDownLatch held, CountDownLatch release, CancelToken cancel) {
        held.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < end) {
                if (cancel.isCancelled()) {
                    return false;
                }
                if (release.await(5, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !cancel.isCancelled();
    }
}
