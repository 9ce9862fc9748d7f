package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.ChatTemplateSource;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ModelLoading;
import dev.thinkbench.engine.TokenCounter;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufReader;
import dev.thinkbench.engine.local.host.HostEvent;
import dev.thinkbench.engine.local.host.HostRequest;
import dev.thinkbench.engine.local.models.TemplateHints;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The built-in engine as a raw-continuation backend (engine id {@value #ID}): llama.cpp in the child JVM of a
 * {@link LocalEngineProcess}, continuing a GGUF model. Stop strings, the token cap, prompt-cache reuse, temperature
 * (greedy when none is given), top-p and seed are honoured; text streams in chunks of a few milliseconds' tokens
 * (the first token at once). {@code promptTokens} is the prompt's token count (BOS included) as the engine tokenized
 * it; {@code promptTokensEvaluated} is exact: the engine decodes every token itself and knows what its cache holds.
 * Token log-probabilities come through {@link dev.thinkbench.engine.CompletionListener#onTokens} when a request asks
 * ({@link CompletionRequest#topLogprobs()}).
 *
 * <p>Special tokens: template markup in the prompt (e.g. {@code <|im_end|>}) is read as special tokens, user text
 * never is: the chat template escapes special-token strings in user text with {@code core.SpecialTokens.escape}
 * (passing {@link #specialTokens()} as extra markers for the model's own vocabulary), and the engine tokenizes each
 * escaped string as the plain characters the user typed.
 *
 * <p>Threading: {@link #complete} blocks its caller and calls the listener on that thread. Several callers may share
 * one process, and their completions run at once: the host batches up to {@value #MAX_SEQUENCES} of them
 * continuously (one decode per step for all, a call that arrives mid-generation joins at the next step; more wait for
 * a free sequence), and a prompt another running call shares is copied, not re-evaluated; a greedy call whose prompt
 * is cached checks what was generated after it in one step instead of decoding it again. Calling from several threads
 * is the one way to batch (best-of-N, sweeps, the budgets of one problem). Cancelling ends the call within
 * {@link #CANCEL_GRACE} even if the engine is busy evaluating a long prompt (it stops between prompt batches), and
 * leaves the other calls running.
 */
public final class LocalCompletionBackend implements CompletionBackend, ChatTemplateSource, ModelCatalog,
        TokenCounter, ModelLoading {

    public static final String ID = "builtin";
    /** How long a cancelled call waits for the engine to confirm before it returns anyway. */
    public static final Duration CANCEL_GRACE = Duration.ofSeconds(2);
    /** The most completions the host runs at once (its context's sequences); more calls wait for a free one. */
    public static final int MAX_SEQUENCES = 16;

    private final LocalEngineProcess process;
    private final Path model;
    private final LocalEngineSettings settings;
    private final ModelCatalog catalog;
    private final TemplateHints templates;

    /**
     * @param process the engine process (may be shared by backends; switching models restarts it)
     * @param model a GGUF file; validated when first used
     */
    public LocalCompletionBackend(LocalEngineProcess process, Path model, LocalEngineSettings settings) {
        this(process, model, settings, null);
    }

    /** @param catalog what {@link #listModels()} offers (the models on this machine), null for this model alone */
    public LocalCompletionBackend(LocalEngineProcess process, Path model, LocalEngineSettings settings,
                                  ModelCatalog catalog) {
        this(process, model, settings, catalog, TemplateHints.none());
    }

    /**
     * @param catalog what {@link #listModels()} offers, null for this model alone
     * @param templates what is known about the model's chat template ({@link #chatTemplateName()})
     */
    public LocalCompletionBackend(LocalEngineProcess process, Path model, LocalEngineSettings settings,
                                  ModelCatalog catalog, TemplateHints templates) {
        this.process = process;
        this.model = model.toAbsolutePath();
        this.settings = settings;
        this.catalog = catalog;
        this.templates = templates;
    }

    /** The models the built-in engine can run here (blocks: files are inspected). */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        return catalog != null ? catalog.listModels() : List.of(new ModelInfo(model(), displayName()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Built-in engine (llama.cpp)";
    }

    /** The model file's name, e.g. {@code DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf}. */
    @Override
    public String model() {
        return model.getFileName().toString();
    }

    public Path modelPath() {
        return model;
    }

    public LocalEngineSettings settings() {
        return settings;
    }

    /** Loads the model now (otherwise the first completion does), surfacing file and load errors early. */
    public void load() throws EngineException {
        process.withModel(model, settings, c -> null);
    }

    /** The built-in engine reports each token's probability when asked. */
    @Override
    public boolean reportsTokenProbabilities() {
        return true;
    }

    /**
     * The context llama.cpp made for this model (it rounds the size asked for up: 128 asked can be 256 used) while the
     * model is loaded under these settings, else the size asked for, which is never more.
     */
    @Override
    public OptionalInt contextSize() {
        if (process.loadedNow(model, settings)) {
            try {
                return OptionalInt.of(Integer.parseInt(process.details().get("context")));
            } catch (NumberFormatException | NullPointerException notReported) {
                // an older host: the size asked for
            }
        }
        return OptionalInt.of(settings.contextSize());
    }

    /** Loads the model unless it is loaded; returns how long this call waited for the load, null if it did not. */
    @Override
    public Long loadModel() throws EngineException {
        if (process.loadedNow(model, settings)) {
            return null;
        }
        long start = System.nanoTime();
        load();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The control and user-defined token strings of the model's vocabulary, known once it is loaded. */
    public List<String> specialTokens() {
        return process.specialTokens();
    }

    /** Tokenizes as a prompt would be (template markup parsed, escaped user text as typed, no BOS added). */
    public int[] tokenize(String text) throws EngineException {
        return process.tokenize(model, settings, text);
    }

    /** The number of tokens {@link #tokenize} makes of {@code text}. */
    @Override
    public int countTokens(String text) throws EngineException {
        return tokenize(text).length;
    }

    /** The GGUF's own Jinja template ({@code tokenizer.chat_template}), read in Java without loading the model. */
    @Override
    public Optional<String> chatTemplate() throws EngineException {
        try {
            return Optional.ofNullable(GgufReader.read(model).string("tokenizer.chat_template"));
        } catch (GgufFormatException | IOException e) {
            throw new EngineException(FailureKind.BAD_REQUEST, "Cannot read " + model.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The built-in template this model is known to use (the bundled models' {@code chatml-think}, a catalog entry's,
     * a DeepSeek-R1 distill's {@code deepseek-r1}); blocks while the file's header is read.
     */
    @Override
    public Optional<String> chatTemplateName() {
        return templates.forModel(model);
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        long start = System.nanoTime();
        CancelToken token = cancel == null ? new CancelToken() : cancel;
        if (token.isCancelled()) {
            return new CompletionResult("", 0, CompletionResult.Stop.CANCELLED, "", null, null, start, start);
        }
        return process.withModel(model, settings, c -> run(c, request, listener, token, start));
    }

    private CompletionResult run(HostConnection c, CompletionRequest request, CompletionListener listener,
                                 CancelToken cancel, long start) throws EngineException {
        long id = c.nextId();
        BlockingQueue<HostConnection.Inbound> queue = c.register(id);
        AtomicBoolean finished = new AtomicBoolean();
        cancel.onCancel(() -> {
            if (!finished.get()) {
                c.send(new HostRequest.Cancel(c.nextId(), id));
            }
        });
        long logSince = c.logPosition();
        c.send(hostRequest(id, request));
        Stream stream = new Stream(c, id, logSince, listener, start);
        try {
            long cancelDeadline = Long.MAX_VALUE;
            while (true) {
                HostConnection.Inbound in = queue.poll(100, TimeUnit.MILLISECONDS);
                if (in != null) {
                    CompletionResult result = stream.accept(in);
                    if (result != null) {
                        return result;
                    }
                } else if (cancel.isCancelled()) {
                    cancelDeadline = Math.min(cancelDeadline, System.nanoTime() + CANCEL_GRACE.toNanos());
                    if (System.nanoTime() > cancelDeadline) {
                        return stream.cancelled();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stream.cancelled();
        } finally {
            if (!stream.ended) {
                // the caller gave up (cancel grace, interrupt, a listener that threw): stop the engine's work too
                c.send(new HostRequest.Cancel(c.nextId(), id));
            }
            finished.set(true);
            c.unregister(id);
        }
    }

    /** One completion's events as they arrive: text so far, and how it ended. Confined to the calling thread. */
    private static final class Stream {
        private final HostConnection connection;
        private final long id;
        private final long logSince;
        private final CompletionListener listener;
        private final long start;
        private final StringBuilder text = new StringBuilder();
        private int tokens;
        private boolean ended;

        Stream(HostConnection connection, long id, long logSince, CompletionListener listener, long start) {
            this.connection = connection;
            this.id = id;
            this.logSince = logSince;
            this.listener = listener;
            this.start = start;
        }

        /** Handles one event; returns the result when the completion ended. */
        CompletionResult accept(HostConnection.Inbound in) throws EngineException {
            switch (in) {
                case HostConnection.Event(HostEvent.Chunk chunk) -> {
                    text.append(chunk.text());
                    tokens += chunk.tokens();
                    if (chunk.logprobs() != null) {
                        listener.onTokens(chunk.logprobs());
                    }
                    listener.onText(chunk.text(), chunk.tokens());
                    return null;
                }
                case HostConnection.Event(HostEvent.Done done) -> {
                    ended = true;
                    return result(text, done.tokens(), CompletionResult.Stop.valueOf(done.stop()),
                            done.stoppingWord(), done.promptTokens(), done.promptTokensEvaluated(), start);
                }
                case HostConnection.Event(HostEvent.Error error) -> {
                    ended = true;
                    throw connection.failure(LocalEngineProcess.kindOf(error.kind()), "Built-in engine: "
                            + error.message(), logSince, HostConnection.Wait.FOR_MARK, id);
                }
                case HostConnection.Event(HostEvent other) -> throw new EngineException(FailureKind.MALFORMED_STREAM,
                        "unexpected engine event " + other.getClass().getSimpleName());
                case HostConnection.Died died -> {
                    ended = true;
                    throw connection.failure(FailureKind.ENGINE_CRASHED, "The built-in engine crashed during this "
                            + "run after " + tokens + " tokens (" + connection.deathReason() + "); it restarts on the "
                            + "next run", logSince, HostConnection.Wait.FOR_EXIT, id);
                }
            }
        }

        CompletionResult cancelled() {
            return result(text, tokens, CompletionResult.Stop.CANCELLED, "", null, null, start);
        }
    }

    /** The host request for one continuation. No temperature given means greedy here (llama.cpp's default is 0.8). */
    static HostRequest.Complete hostRequest(long id, CompletionRequest request) {
        Sampling s = request.sampling();
        Double temperature = s.temperature() == null ? 0.0 : s.temperature();
        return new HostRequest.Complete(id, request.prompt(), request.maxTokens(), request.stop(), temperature,
                s.topP(), s.seed(), request.cachePrompt(),
                request.topLogprobs() > 0 ? request.topLogprobs() : null, request.reuseGreedyPicks());
    }

    static CompletionResult result(StringBuilder text, int tokens, CompletionResult.Stop stop, String word,
                                           Integer prompt, Integer evaluated, long start) {
        return new CompletionResult(text.toString(), tokens, stop, word, prompt, evaluated, start,
                System.nanoTime());
    }

    @Override
    public String toString() {
        return "LocalCompletionBackend[" + model.getFileName() + ", " + settings + "]";
    }
}
