package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * A loaded GGUF model ({@code llama_model}): its weights, vocabulary and metadata. {@link #close()} frees it
 * ({@code llama_model_free}); contexts made from it must be closed first.
 *
 * <p>Not thread-safe: one thread loads, uses and frees it. Validate the file in Java before loading: llama.cpp
 * rejects malformed files too, but gives its reasons only in the log.
 */
public final class LlamaModel implements AutoCloseable {

    /** Load progress, 0 to 1, on the loading thread. Returning false aborts the load. */
    @FunctionalInterface
    public interface Progress {
        boolean update(float fraction);
    }

    private static final ThreadLocal<Progress> PROGRESS = new ThreadLocal<>();

    private final LlamaLibrary lib;
    private final Path file;
    private final LlamaVocab vocab;
    private MemorySegment handle;

    private LlamaModel(LlamaLibrary lib, Path file, MemorySegment handle) {
        this.lib = lib;
        this.file = file;
        this.handle = handle;
        this.vocab = new LlamaVocab(lib, vocabPointer(lib, handle));
    }

    /**
     * Loads {@code file} (memory-mapped where the platform allows; all layers on the GPU where there is one).
     *
     * @param progress told the fraction loaded, may be null
     * @throws LlamaException when llama.cpp refuses the file, with its log lines
     */
    public static LlamaModel load(LlamaLibrary lib, Path file, Progress progress) {
        long mark = lib.log().mark();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.fn.modelDefaultParams.invokeExact((java.lang.foreign.SegmentAllocator) arena);
            if (progress != null) {
                LlamaLayouts.MODEL_PROGRESS_CALLBACK.set(params, 0L, progressStub(arena));
            }
            PROGRESS.set(progress);
            MemorySegment model;
            try {
                model = (MemorySegment) lib.fn.modelLoadFromFile.invokeExact(
                        arena.allocateFrom(file.toAbsolutePath().toString()), params);
            } finally {
                PROGRESS.remove();
            }
            if (model.address() == 0) {
                throw lib.failure("llama.cpp could not load " + file.getFileName(), mark);
            }
            return new LlamaModel(lib, file, model);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("loading " + file.getFileName(), t);
        }
    }

    private static MemorySegment progressStub(Arena arena) throws ReflectiveOperationException {
        return Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(LlamaModel.class, "onProgress",
                        MethodType.methodType(boolean.class, float.class, MemorySegment.class)),
                FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_FLOAT, ADDRESS), arena);
    }

    /** The progress callback: runs on the loading thread, never throws into native code. */
    @SuppressWarnings("unused")
    private static boolean onProgress(float fraction, MemorySegment userData) {
        try {
            Progress p = PROGRESS.get();
            return p == null || p.update(fraction);
        } catch (Throwable ignored) {
            return true;
        }
    }

    private static MemorySegment vocabPointer(LlamaLibrary lib, MemorySegment model) {
        try {
            return (MemorySegment) lib.fn.modelGetVocab.invokeExact(model);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_get_vocab", t);
        }
    }

    MemorySegment handle() {
        if (handle == null) {
            throw new IllegalStateException("the model " + file.getFileName() + " was freed");
        }
        return handle;
    }

    LlamaLibrary library() {
        return lib;
    }

    public Path file() {
        return file;
    }

    public LlamaVocab vocab() {
        handle();
        return vocab;
    }

    /** {@code llama_model_n_params}. */
    public long parameterCount() {
        try {
            return (long) lib.fn.modelNParams.invokeExact(handle());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_n_params", t);
        }
    }

    /** The tensors' total size in bytes ({@code llama_model_size}). */
    public long sizeBytes() {
        try {
            return (long) lib.fn.modelSize.invokeExact(handle());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_size", t);
        }
    }

    /** The context length the model was trained with. */
    public int trainedContext() {
        try {
            return (int) lib.fn.modelNCtxTrain.invokeExact(handle());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_n_ctx_train", t);
        }
    }

    /** Whether the model can continue text (encoder-only models cannot). */
    public boolean hasDecoder() {
        try {
            return (boolean) lib.fn.modelHasDecoder.invokeExact(handle());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_has_decoder", t);
        }
    }

    /**
     * Whether the model keeps a recurrent state per sequence (Mamba, RWKV; hybrids such as Qwen3.5, Qwen3-Next,
     * LFM2, Jamba, Granite 4 keep one beside their attention's KV cache): a state that has taken in every token so
     * far and cannot be wound back to an earlier position. For such a model llama.cpp refuses to cut a sequence short
     * and copies a sequence's whole state whatever range is asked, so a fork at a cut would carry the tokens after it.
     */
    public boolean keepsRecurrentState() {
        try {
            return (boolean) lib.fn.modelIsRecurrent.invokeExact(handle())
                    || (boolean) lib.fn.modelIsHybrid.invokeExact(handle());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_is_recurrent", t);
        }
    }

    /** llama.cpp's one-line description, e.g. {@code qwen3 0.6B Q4_K - Medium}. */
    public String description() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(256);
            int n = (int) lib.fn.modelDesc.invokeExact(handle(), buf, buf.byteSize());
            return n < 0 ? "" : buf.getString(0);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_desc", t);
        }
    }

    /** The model's default chat template ({@code tokenizer.chat_template}), if it has one. */
    public Optional<String> chatTemplate() {
        try {
            MemorySegment t = (MemorySegment) lib.fn.modelChatTemplate.invokeExact(handle(), MemorySegment.NULL);
            return t.address() == 0 ? Optional.empty() : Optional.of(LlamaLibrary.string(t));
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_chat_template", t);
        }
    }

    /** A scalar metadata value as text ({@code llama_model_meta_val_str}); arrays are not available. */
    public Optional<String> metadata(String key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocateFrom(key);
            MemorySegment buf = arena.allocate(1024);
            int n = (int) lib.fn.modelMetaValStr.invokeExact(handle(), k, buf, buf.byteSize());
            if (n < 0) {
                return Optional.empty();
            }
            if (n >= buf.byteSize()) {
                buf = arena.allocate(n + 1L);
                n = (int) lib.fn.modelMetaValStr.invokeExact(handle(), k, buf, buf.byteSize());
            }
            return Optional.of(buf.getString(0));
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_meta_val_str", t);
        }
    }

    /** Every scalar metadata entry, in the file's order (long values cut at 300 characters). */
    public Map<String, String> metadata() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            int count = (int) lib.fn.modelMetaCount.invokeExact(handle());
            MemorySegment key = arena.allocate(256);
            MemorySegment value = arena.allocate(301);
            for (int i = 0; i < count; i++) {
                int k = (int) lib.fn.modelMetaKeyByIndex.invokeExact(handle(), i, key, key.byteSize());
                int v = (int) lib.fn.modelMetaValStrByIndex.invokeExact(handle(), i, value, value.byteSize());
                if (k >= 0 && v >= 0) {
                    out.put(key.getString(0), value.getString(0));
                }
            }
            return out;
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_meta_*", t);
        }
    }

    /** Frees the model ({@code llama_model_free}); later calls fail. Idempotent. */
    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        MemorySegment h = handle;
        handle = null;
        try {
            lib.fn.modelFree.invokeExact(h);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_model_free", t);
        }
    }

    @Override
    public String toString() {
        return "LlamaModel[" + file.getFileName() + (handle == null ? ", freed]" : "]");
    }
}
