package dev.thinkbench.engine.local.host;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.local.gguf.GgufArray;
import dev.thinkbench.engine.local.gguf.GgufFile;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufReader;
import dev.thinkbench.engine.local.gguf.GgufValidator;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one model of a host process, on de.kherud:llama 4.2.0, used by the host's single worker thread. Follows the
 * library's wrapper rules: the file is validated in Java first, parameters go only through typed setters with checked
 * values, a silently failed load (native pointer 0) is detected, {@code setNProbs} is never called, and stop strings
 * are matched here because the library reports no stop reason.
 */
final class LlamaSession implements HostSession {

    static final int MIN_CONTEXT = 64;
    static final int MAX_CONTEXT = 1 << 20;
    static final int MAX_THREADS = 512;
    static final int MAX_STOP_STRINGS = 16;
    static final int MAX_STOP_LENGTH = 256;
    private static final String TOKENS = "tokenizer.ggml.tokens";
    private static final String TOKEN_TYPES = "tokenizer.ggml.token_type";

    private LlamaModel model;
    private HostRequest.Load loaded;
    private boolean addBos;
    private final PromptCacheTracker cache = new PromptCacheTracker();

    @Override
    public HostEvent.Loaded load(HostRequest.Load request) throws HostFailure {
        if (loaded != null) {
            if (loaded.model().equals(request.model()) && loaded.contextSize() == request.contextSize()
                    && loaded.threads() == request.threads()) {
                return loadedEvent(request.id(), specialTokensOf(Path.of(request.model())));
            }
            throw new HostFailure(FailureKind.BAD_REQUEST, "this engine process already holds "
                    + loaded.model() + "; it must be restarted to load another model");
        }
        checkRange("context size", request.contextSize(), MIN_CONTEXT, MAX_CONTEXT);
        checkRange("threads", request.threads(), 1, MAX_THREADS);
        Path path = Path.of(request.model());
        List<String> specials = validate(path);
        ModelParameters params = new ModelParameters().setModel(path.toString()).setCtxSize(request.contextSize())
                .setThreads(request.threads()).setThreadsBatch(request.threads()).setParallel(1)
                .disableContextShift();
        LlamaModel m;
        try {
            m = new LlamaModel(params);
        } catch (RuntimeException e) {
            // the library says only "could not load model from given file path"; llama.cpp's reason is in its log,
            // which the app reads from this process's stderr and attaches to the failure
            throw new HostFailure(FailureKind.BAD_REQUEST, "llama.cpp could not load " + path.getFileName());
        }
        if (nativeHandle(m) == 0) {
            throw new HostFailure(FailureKind.ENGINE_CRASHED, "llama.cpp returned no model for " + path.getFileName()
                    + " (a rejected parameter); nothing was loaded");
        }
        model = m;
        loaded = request;
        cache.reset(true);
        return loadedEvent(request.id(), specials);
    }

    private HostEvent.Loaded loadedEvent(long id, List<String> specials) {
        return new HostEvent.Loaded(id, loaded.model(), loaded.contextSize(), specials);
    }

    private List<String> validate(Path path) throws HostFailure {
        try {
            GgufValidator.validate(path);
            return specialTokensOf(path);
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

    private List<String> specialTokensOf(Path path) throws HostFailure {
        GgufFile file;
        try {
            file = GgufReader.read(path, Set.of(TOKENS, TOKEN_TYPES));
        } catch (GgufFormatException | IOException e) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "cannot read " + path.getFileName() + ": "
                    + e.getMessage());
        }
        Object bos = file.metadata().get("tokenizer.ggml.add_bos_token");
        addBos = bos instanceof Boolean b ? b : "llama".equals(file.string("tokenizer.ggml.model"));
        GgufArray tokens = file.array(TOKENS);
        GgufArray types = file.array(TOKEN_TYPES);
        List<String> specials = new ArrayList<>();
        if (tokens != null && types != null && types.values().size() == tokens.values().size()) {
            for (int i = 0; i < tokens.values().size(); i++) {
                long type = types.values().get(i) instanceof Long l ? l : 1;
                String text = String.valueOf(tokens.values().get(i));
                if ((type == 3 || type == 4) && text.length() > 1) {
                    specials.add(text);
                }
            }
        }
        return specials;
    }

    @Override
    public int[] tokenize(String text) throws HostFailure {
        return requireModel().encode(text);
    }

    @Override
    public void complete(HostRequest.Complete request, BooleanSupplier cancelled, Consumer<HostEvent> out)
            throws HostFailure {
        LlamaModel m = requireModel();
        InferenceParameters params = parameters(request);
        int[] promptIds = PromptCacheTracker.withBos(m.encode(request.prompt()), addBos);
        int room = loaded.contextSize() - promptIds.length;
        if (room < 1) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "the prompt has " + promptIds.length
                    + " tokens but the context holds " + loaded.contextSize() + "; raise the context size");
        }
        int nPredict = Math.min(request.maxTokens(), room);
        params.setNPredict(nPredict);
        Integer evaluated = cache.evaluatedFor(promptIds, request.cachePrompt());
        StopMatcher matcher = new StopMatcher(request.stop());
        StringBuilder raw = new StringBuilder();
        int tokens = 0;
        boolean interrupted = false;
        boolean lastEmpty = false;
        try {
            LlamaIterator it = m.generate(params).iterator();
            while (it.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    it.cancel();
                    interrupted = true;
                    break;
                }
                LlamaOutput output = it.next();
                if (!it.hasNext()) {
                    break;
                }
                tokens++;
                raw.append(output.text);
                lastEmpty = output.text.isEmpty();
                StopMatcher.Step step = matcher.accept(output.text);
                out.accept(new HostEvent.Chunk(request.id(), step.emit(), 1));
                if (step.matched() != null) {
                    it.cancel();
                    interrupted = true;
                    break;
                }
            }
        } catch (RuntimeException e) {
            cache.reset(false);
            throw new HostFailure(FailureKind.SERVER_ERROR, "llama.cpp failed: " + e.getMessage());
        }
        String rest = matcher.flush();
        if (!rest.isEmpty()) {
            out.accept(new HostEvent.Chunk(request.id(), rest, 0));
        }
        String stop = matcher.matched() != null ? "STOP_STRING"
                : interrupted ? "CANCELLED"
                : tokens >= nPredict ? "LENGTH" : "EOS";
        boolean eos = stop.equals("EOS") && lastEmpty;
        int[] generated = m.encode(raw.toString());
        cache.completed(promptIds, generated.length == tokens - (eos ? 1 : 0) ? generated : null, eos, interrupted);
        out.accept(new HostEvent.Done(request.id(), stop, matcher.matched() == null ? "" : matcher.matched(),
                tokens, promptIds.length, evaluated));
    }

    private static InferenceParameters parameters(HostRequest.Complete request) throws HostFailure {
        if (request.prompt() == null || request.prompt().isEmpty()) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "the prompt is empty");
        }
        checkRange("max tokens", request.maxTokens(), 1, MAX_CONTEXT);
        List<String> stop = request.stop() == null ? List.of() : request.stop();
        if (stop.size() > MAX_STOP_STRINGS || stop.stream().anyMatch(s -> s.length() > MAX_STOP_LENGTH)) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "at most " + MAX_STOP_STRINGS + " stop strings of up to "
                    + MAX_STOP_LENGTH + " characters");
        }
        InferenceParameters params = new InferenceParameters(request.prompt()).setCachePrompt(request.cachePrompt());
        if (request.temperature() != null) {
            double t = request.temperature();
            if (!(t >= 0 && t <= 2)) {
                throw new HostFailure(FailureKind.BAD_REQUEST, "temperature must be between 0 and 2, was " + t);
            }
            params.setTemperature((float) t);
        }
        if (request.topP() != null) {
            double p = request.topP();
            if (!(p > 0 && p <= 1)) {
                throw new HostFailure(FailureKind.BAD_REQUEST, "top-p must be in (0, 1], was " + p);
            }
            params.setTopP((float) p);
        }
        if (request.seed() != null) {
            // llama.cpp reads seed 0xFFFFFFFF (-1) as "random": keep 31 bits so a fixed seed stays fixed
            params.setSeed((int) (request.seed() & 0x7FFF_FFFFL));
        }
        return params;
    }

    private LlamaModel requireModel() throws HostFailure {
        if (model == null) {
            throw new HostFailure(FailureKind.BAD_REQUEST, "no model is loaded");
        }
        return model;
    }

    private static void checkRange(String what, int value, int min, int max) throws HostFailure {
        if (value < min || value > max) {
            throw new HostFailure(FailureKind.BAD_REQUEST, what + " must be between " + min + " and " + max
                    + ", was " + value);
        }
    }

    /**
     * The library's native context pointer: 0 means the constructor "succeeded" without a model (a rejected CLI
     * value), and the next call would crash the process. -1 when it cannot be read; the load is then trusted.
     */
    private static long nativeHandle(LlamaModel m) {
        try {
            Field ctx = LlamaModel.class.getDeclaredField("ctx");
            ctx.setAccessible(true);
            return ctx.getLong(m);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
