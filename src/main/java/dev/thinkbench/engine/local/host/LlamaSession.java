package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufValidator;
import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaException;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaModel;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import dev.thinkbench.engine.local.llama.NativeLibrariesMissingException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Consumer;

/**
 * The model of a host process, on llama.cpp through the FFM binding ({@code engine.local.llama}), used by the host's
 * single worker thread. The file is validated in Java before llama.cpp sees it and every parameter is range-checked;
 * loading another model frees the previous one. The context holds {@value #SEQUENCES} sequences in one KV cache:
 * up to that many completions run at once, continuously batched ({@link ContinuousBatch}), and forks and the
 * budgets of one prompt share evaluated prefixes ({@link SequenceSlots}); stop strings are matched here
 * ({@link SequenceStream}). A model under {@link #LONE_CONTEXT_PARAMETERS} gets a second context of one sequence for a
 * completion generating alone ({@link LoneContext}).
 */
final class LlamaSession implements HostSession {

    static final int MIN_CONTEXT = 64;
    static final int MAX_CONTEXT = 1 << 20;
    static final int MAX_THREADS = 512;
    static final int MAX_STOP_STRINGS = 16;
    static final int MAX_STOP_LENGTH = 256;
    /** Sequences in the context: cached traces kept side by side, and the most completions running at once. */
    static final int SEQUENCES = 16;
    /** The most tokens one decode evaluates (a longer prompt takes several). */
    static final int BATCH = 2048;
    static final int MAX_TOP_LOGPROBS = 1024;
    /**
     * Below this many parameters a model decodes one token on one thread (prompts and several sequences at once
     * still use all): its work per token is so small that a second thread costs more in synchronising, and in
     * spinning on a core the app's own threads need, than it computes. Measured through the host on 2 cores, the
     * bundled micro model (1.1M): one sequence 1.12x, three 1.09x, eight 0.98x of two threads throughout; models of
     * 3M and 9.6M parameters were 0.86x and 0.67x, so they keep every thread.
     */
    static final long ONE_THREAD_TOKEN_PARAMETERS = 2_000_000;
    /**
     * Below this many parameters a completion generating alone decodes in a context of its own
     * ({@link LoneContext}), where llama.cpp's per-batch check of every sequence id a unified cache allows is not
     * made: for the bundled micro model that check is a fifth of each token's time; for larger models a small share,
     * against a copy of the whole trace in and out.
     */
    static final long LONE_CONTEXT_PARAMETERS = ONE_THREAD_TOKEN_PARAMETERS;
    /** How much of llama.cpp's load log the details keep. */
    private static final int LOAD_LOG_LINES = 40;

    private LlamaLibrary lib;
    private LlamaModel model;
    private LlamaContext context;
    private LoneContext lone;
    private LlamaBatch batch;
    private SequenceSlots slots;
    private ContinuousBatch running;
    private PromptTokenizer tokenizer;
    private List<String> specials = List.of();
    private HostRequest.Load loaded;
    private Map<String, String> details = Map.of();

    /** Loads the requested model, unless it is the one loaded; {@code progress} gets Progress events. */
    @Override
    public HostEvent.Loaded load(HostRequest.Load request, Consumer<HostEvent> progress) throws HostFailure {
        if (generating()) {
            throw new IllegalStateException("a model load while completions run");
        }
        if (request.equals(withId(loaded, request.id()))) {
            return loadedEvent(request.id());
        }
        checkRange("context size", request.contextSize(), MIN_CONTEXT, MAX_CONTEXT);
        checkRange("threads", request.threads(), 1, MAX_THREADS);
        Path path = Path.of(request.model());
        validate(path);
        LlamaLibrary library = library(Optional.ofNullable(request.cpuVariant()));
        close();
        long mark = library.log().mark();
        double[] reported = {0};
        try {
            model = LlamaModel.load(library, path, fraction -> {
                if (fraction >= reported[0] + 0.1 || fraction >= 1 && reported[0] < 1) {
                    reported[0] = fraction;
                    progress.accept(new HostEvent.Progress(request.id(), fraction));
                }
                return true;
            });
            if (!model.hasDecoder()) {
                throw new HostFailure(FailureKind.UNSUPPORTED, path.getFileName() + " cannot continue text "
                        + "(an encoder-only model)");
            }
            int threads = usableThreads(request.threads(), Runtime.getRuntime().availableProcessors());
            LlamaContext.Settings settings = new LlamaContext.Settings(request.contextSize(),
                    Math.min(BATCH, request.contextSize()), SEQUENCES, threads,
                    tokenThreads(model.parameterCount(), threads));
            context = LlamaContext.create(model, settings);
            if (model.parameterCount() < LONE_CONTEXT_PARAMETERS && !model.keepsRecurrentState()) {
                lone = LoneContext.create(model, context.contextSize(), settings.tokenThreads());
            }
            batch = new LlamaBatch(context.batchSize());
            slots = new SequenceSlots(context.sequences());
            running = new ContinuousBatch(library, context, lone, slots, batch, System::nanoTime);
            specials = model.vocab().specialTokens();
            tokenizer = new PromptTokenizer(model.vocab(), specials);
            details = details(library, mark, settings);
            if (threads < request.threads()) {
                details.put("threads", details.get("threads") + " (" + request.threads() + " asked: this computer has "
                        + Runtime.getRuntime().availableProcessors() + " cores, and more threads than cores only wait "
                        + "for each other)");
            }
            loaded = request;
            return loadedEvent(request.id());
        } catch (LlamaException e) {
            close();
            // llama.cpp's reason is in its log, which the app reads from stderr and puts in the sentence
            throw new HostFailure(FailureKind.BAD_REQUEST, "llama.cpp could not load " + path.getFileName());
        } catch (HostFailure e) {
            close();
            throw e;
        }
    }

    /**
     * The threads the engine computes with: those asked for, at most one per processor this process may use. ggml's
     * threads meet at a barrier after every operation, so more threads than cores stall every step (268 threads on
     * 2 cores took seconds a token and kept a cancelled run busy).
     */
    static int usableThreads(int asked, int processors) {
        return Math.max(1, Math.min(asked, processors));
    }

    /** Threads for one-token decodes: one for a tiny model ({@link #ONE_THREAD_TOKEN_PARAMETERS}), else all. */
    static int tokenThreads(long parameters, int threads) {
        return parameters < ONE_THREAD_TOKEN_PARAMETERS ? 1 : threads;
    }

    private static HostRequest.Load withId(HostRequest.Load load, long id) {
        return load == null ? null : new HostRequest.Load(id, load.model(), load.contextSize(), load.threads(),
                load.cpuVariant());
    }

    private LlamaLibrary library(Optional<String> cpuVariant) throws HostFailure {
        if (lib == null) {
            try {
                lib = LlamaLibrary.load(cpuVariant);
            } catch (NativeLibrariesMissingException e) {
                throw new HostFailure(FailureKind.UNSUPPORTED, e.getMessage());
            } catch (LlamaException e) {
                throw new HostFailure(FailureKind.ENGINE_CRASHED, "llama.cpp could not start: " + e.getMessage());
            }
        }
        return lib;
    }

    private Map<String, String> details(LlamaLibrary library, long mark, LlamaContext.Settings settings) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("description", model.description());
        d.put("parameters", Long.toString(model.parameterCount()));
        d.put("sizeBytes", Long.toString(model.sizeBytes()));
        d.put("trainedContext", Integer.toString(model.trainedContext()));
        d.put("context", Integer.toString(context.contextSize()));
        int threads = settings.threads();
        d.put("threads", settings.tokenThreads() == threads ? Integer.toString(threads)
                : threads + " (" + settings.tokenThreads() + " while one sequence generates: a model this small)");
        d.put("vocabulary", Integer.toString(model.vocab().size()));
        d.put("chatTemplate", model.chatTemplate().isPresent() ? "yes" : "no");
        d.put("devices", String.join("; ", library.devices()));
        d.put("cpuBackend", library.cpuVariant().map(v -> v + " (chosen for a model this small)")
                .orElse("the best for this CPU"));
        d.put("systemInfo", library.systemInfo().strip());
        d.put("libraries", library.location().directory().toString());
        List<String> log = library.log().since(mark).stream().map(Object::toString).toList();
        d.put("loadLog", String.join("\n", log.subList(Math.max(0, log.size() - LOAD_LOG_LINES), log.size())));
        return d;
    }

    private HostEvent.Loaded loadedEvent(long id) {
        return new HostEvent.Loaded(id, loaded.model(), loaded.contextSize(), specials, details);
    }

    private static void validate(Path path) throws HostFailure {
        try {
            GgufValidator.validate(path);
        } catch (GgufFormatException e) {
            FailureKind kind = switch (e.check()) {
                case FILE -> FailureKind.MODEL_NOT_FOUND;
                case ARCHITECTURE -> FailureKind.UNSUPPORTED;
                default -> FailureKind.BAD_REQUEST;
            };
            throw new HostFailure(kind, "cannot load " + path.getFileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new HostFailure(FailureKind.MODEL_NOT_FOUND, "cannot read " + path + ": " + e.getMessage());
        }
    }

    /** The text's tokens as a prompt would have them, without BOS. */
    @Override
    public int[] tokenize(String text) throws HostFailure {
        requireModel();
        return tokenizer.tokenize(text, false);
    }

    /** Checks, tokenizes and queues a completion for the decode loop. */
    @Override
    public void admit(HostRequest.Complete request, ContinuousBatch.Replies replies) throws HostFailure {
        requireModel();
        running.add(request.id(), spec(request), replies);
    }

    @Override
    public boolean generating() {
        return running != null && running.busy();
    }

    @Override
    public void step(LongPredicate cancelled) {
        if (running != null) {
            running.step(cancelled);
        }
    }

    @Override
    public void reset() {
        if (running != null) {
            running.abandon(); // the lone context too
            context.clear();
            slots.clearAll();
        }
    }

    private ContinuousBatch.Spec spec(HostRequest.Complete request) throws HostFailure {
        if (request.prompt() == null || request.prompt().isEmpty()) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "the prompt is empty");
        }
        checkRange("max tokens", request.maxTokens(), 1, MAX_CONTEXT);
        List<String> stop = request.stop() == null ? List.of() : request.stop();
        if (stop.size() > MAX_STOP_STRINGS || stop.stream().anyMatch(s -> s.length() > MAX_STOP_LENGTH)) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "at most " + MAX_STOP_STRINGS + " stop strings of up to "
                    + MAX_STOP_LENGTH + " characters");
        }
        int top = request.topLogprobs() == null ? 0 : request.topLogprobs();
        checkRange("top logprobs", top, 0, MAX_TOP_LOGPROBS);
        int[] prompt;
        try {
            prompt = tokenizer.tokenize(request.prompt(), true);
        } catch (LlamaException e) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "cannot tokenize the prompt: " + e.getMessage());
        }
        if (prompt.length == 0) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "the prompt has no tokens");
        }
        if (context.contextSize() - prompt.length < 1) {
            // a first call's prompt is the problem's own: only more context or a shorter prompt helps (a smaller
            // budget, advised once, cannot); a later call's holds the thinking it continues too, so the text is not
            // called the prompt. The size is the context llama.cpp made, which may be more than was asked for; where
            // to raise it is named for the window and the command line alike
            int used = context.contextSize();
            throw new HostFailure(FailureKind.BAD_REQUEST, "the text to continue (the prompt, with any thinking so "
                    + "far) has " + prompt.length + " tokens and fills the model's context of " + used + " tokens"
                    + (used != loaded.contextSize() ? " (llama.cpp's size for the " + loaded.contextSize()
                    + " asked for)" : "") + ": raise the built-in engine's context size (Context on the Models tab, or "
                    + "--context on the command line), or shorten the prompt");
        }
        return new ContinuousBatch.Spec(prompt, request.maxTokens(), stop, sampling(request), top,
                request.cachePrompt(), request.reuseGreedyPicks());
    }

    private static LlamaSampler.Settings sampling(HostRequest.Complete request) throws HostFailure {
        double t = request.temperature() == null ? 0.8 : request.temperature();
        if (!(t >= 0 && t <= 2)) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "temperature must be between 0 and 2, was " + t);
        }
        double p = request.topP() == null ? 1 : request.topP();
        if (!(p > 0 && p <= 1)) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "top-p must be in (0, 1], was " + p);
        }
        // 0xFFFFFFFF means "random" to llama.cpp: keep 31 bits so a fixed seed stays fixed
        long seed = request.seed() == null ? 0xFFFF_FFFFL : request.seed() & 0x7FFF_FFFFL;
        return new LlamaSampler.Settings(t, 0, p, 0, seed);
    }

    private void requireModel() throws HostFailure {
        if (model == null) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "no model is loaded");
        }
    }

    private static void checkRange(String what, int value, int min, int max) throws HostFailure {
        if (value < min || value > max) {
            throw new HostFailure(FailureKind.BAD_REQUEST, what + " must be between " + min + " and " + max
                    + ", was " + value);
        }
    }

    /** Frees the context, the model and the traces kept in memory (llama.cpp's memory goes back at once). */
    @Override
    public void close() {
        if (running != null) {
            running.abandon();
            running = null;
        }
        if (batch != null) {
            batch.close();
            batch = null;
        }
        if (lone != null) {
            lone.close();
            lone = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
        if (model != null) {
            model.close();
            model = null;
        }
        if (slots != null) {
            slots.clearAll(); // the traces kept in memory
            slots = null;
        }
        tokenizer = null;
        loaded = null;
        specials = List.of();
        details = Map.of();
    }
}
