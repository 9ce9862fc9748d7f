package dev.thinkbench.engine.local.llama;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcall handles for the llama.cpp and ggml functions the engine uses, signatures as in {@code llama.h} and
 * {@code ggml-backend.h} at v0.5.0 ({@code size_t} and {@code uint64_t} as {@code long}, {@code uint32_t} as
 * {@code int}, {@code bool} as {@code boolean}). A function missing from the library fails the load with its name.
 * Short functions that never call back (vocabulary lookups, the logits pointer) are linked as critical: no thread
 * state transition, which matters at thousands of tokens a second.
 *
 * <p>Immutable and thread-safe; the native functions themselves follow llama.cpp's threading rules.
 */
final class LlamaFunctions {

    private static final Linker LINKER = Linker.nativeLinker();

    // ggml backends
    final MethodHandle backendLoadAllFromPath;
    final MethodHandle backendLoad;
    final MethodHandle backendDevCount;
    final MethodHandle backendDevGet;
    final MethodHandle backendDevName;
    final MethodHandle backendDevDescription;
    final MethodHandle backendDevByType;
    final MethodHandle backendDevBackendReg;
    final MethodHandle backendRegGetProcAddress;
    final MethodHandle threadpoolParamsInit;

    // library
    final MethodHandle logSet;
    final MethodHandle backendInit;
    final MethodHandle printSystemInfo;
    final MethodHandle modelDefaultParams;
    final MethodHandle contextDefaultParams;
    final MethodHandle samplerChainDefaultParams;

    // model
    final MethodHandle modelLoadFromFile;
    final MethodHandle modelFree;
    final MethodHandle modelGetVocab;
    final MethodHandle modelNParams;
    final MethodHandle modelSize;
    final MethodHandle modelNCtxTrain;
    final MethodHandle modelDesc;
    final MethodHandle modelMetaValStr;
    final MethodHandle modelMetaCount;
    final MethodHandle modelMetaKeyByIndex;
    final MethodHandle modelMetaValStrByIndex;
    final MethodHandle modelChatTemplate;
    final MethodHandle modelHasDecoder;
    final MethodHandle modelIsRecurrent;
    final MethodHandle modelIsHybrid;

    // context and memory
    final MethodHandle initFromModel;
    final MethodHandle free;
    final MethodHandle attachThreadpool;
    final MethodHandle detachThreadpool;
    final MethodHandle nCtx;
    final MethodHandle nSeqMax;
    final MethodHandle nBatch;
    final MethodHandle getMemory;
    final MethodHandle memoryClear;
    final MethodHandle memorySeqRm;
    final MethodHandle memorySeqCp;
    final MethodHandle memorySeqKeep;
    final MethodHandle memorySeqPosMax;
    final MethodHandle stateSeqGetSize;
    final MethodHandle stateSeqGetData;
    final MethodHandle stateSeqSetData;
    final MethodHandle decode;
    final MethodHandle getLogitsIth;

    // vocabulary
    final MethodHandle vocabNTokens;
    final MethodHandle vocabGetText;
    final MethodHandle vocabGetAttr;
    final MethodHandle vocabIsEog;
    final MethodHandle vocabBos;
    final MethodHandle vocabEos;
    final MethodHandle vocabGetAddBos;
    final MethodHandle tokenize;
    final MethodHandle tokenToPiece;

    // sampling
    final MethodHandle samplerChainInit;
    final MethodHandle samplerChainAdd;
    final MethodHandle samplerInitGreedy;
    final MethodHandle samplerInitDist;
    final MethodHandle samplerInitTopK;
    final MethodHandle samplerInitTopP;
    final MethodHandle samplerInitMinP;
    final MethodHandle samplerInitTemp;
    final MethodHandle samplerSample;
    final MethodHandle samplerReset;
    final MethodHandle samplerFree;

    /**
     * @param ggml the lookup of libggml
     * @param llama the lookup of libllama
     */
    LlamaFunctions(SymbolLookup ggml, SymbolLookup llama) {
        backendLoadAllFromPath = fn(ggml, "ggml_backend_load_all_from_path", FunctionDescriptor.ofVoid(ADDRESS));
        backendLoad = fn(ggml, "ggml_backend_load", FunctionDescriptor.of(ADDRESS, ADDRESS));
        backendDevCount = fn(ggml, "ggml_backend_dev_count", FunctionDescriptor.of(JAVA_LONG));
        backendDevGet = fn(ggml, "ggml_backend_dev_get", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
        backendDevName = fn(ggml, "ggml_backend_dev_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
        backendDevDescription = fn(ggml, "ggml_backend_dev_description", FunctionDescriptor.of(ADDRESS, ADDRESS));
        // in libggml-base, which dlsym finds through libggml's dependencies
        backendDevByType = fn(ggml, "ggml_backend_dev_by_type", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        backendDevBackendReg = fn(ggml, "ggml_backend_dev_backend_reg", FunctionDescriptor.of(ADDRESS, ADDRESS));
        backendRegGetProcAddress = fn(ggml, "ggml_backend_reg_get_proc_address",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        threadpoolParamsInit = fn(ggml, "ggml_threadpool_params_init", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));

        logSet = fn(llama, "llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        backendInit = fn(llama, "llama_backend_init", FunctionDescriptor.ofVoid());
        printSystemInfo = fn(llama, "llama_print_system_info", FunctionDescriptor.of(ADDRESS));
        modelDefaultParams = fn(llama, "llama_model_default_params", FunctionDescriptor.of(LlamaLayouts.MODEL_PARAMS));
        contextDefaultParams = fn(llama, "llama_context_default_params",
                FunctionDescriptor.of(LlamaLayouts.CONTEXT_PARAMS));
        samplerChainDefaultParams = fn(llama, "llama_sampler_chain_default_params",
                FunctionDescriptor.of(LlamaLayouts.SAMPLER_CHAIN_PARAMS));

        modelLoadFromFile = fn(llama, "llama_model_load_from_file",
                FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaLayouts.MODEL_PARAMS));
        modelFree = fn(llama, "llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
        modelGetVocab = fn(llama, "llama_model_get_vocab", FunctionDescriptor.of(ADDRESS, ADDRESS));
        modelNParams = fn(llama, "llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelSize = fn(llama, "llama_model_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelNCtxTrain = fn(llama, "llama_model_n_ctx_train", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        modelDesc = fn(llama, "llama_model_desc", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        modelMetaValStr = fn(llama, "llama_model_meta_val_str",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        modelMetaCount = fn(llama, "llama_model_meta_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        modelMetaKeyByIndex = fn(llama, "llama_model_meta_key_by_index",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
        modelMetaValStrByIndex = fn(llama, "llama_model_meta_val_str_by_index",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
        modelChatTemplate = fn(llama, "llama_model_chat_template", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        modelHasDecoder = fn(llama, "llama_model_has_decoder", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        modelIsRecurrent = fn(llama, "llama_model_is_recurrent", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        modelIsHybrid = fn(llama, "llama_model_is_hybrid", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));

        initFromModel = fn(llama, "llama_init_from_model",
                FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaLayouts.CONTEXT_PARAMS));
        free = fn(llama, "llama_free", FunctionDescriptor.ofVoid(ADDRESS));
        attachThreadpool = fn(llama, "llama_attach_threadpool", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        detachThreadpool = fn(llama, "llama_detach_threadpool", FunctionDescriptor.ofVoid(ADDRESS));
        nCtx = fn(llama, "llama_n_ctx", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nSeqMax = fn(llama, "llama_n_seq_max", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nBatch = fn(llama, "llama_n_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getMemory = fn(llama, "llama_get_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        memoryClear = fn(llama, "llama_memory_clear", FunctionDescriptor.ofVoid(ADDRESS, JAVA_BOOLEAN));
        memorySeqRm = fn(llama, "llama_memory_seq_rm",
                FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        memorySeqCp = fn(llama, "llama_memory_seq_cp",
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        memorySeqKeep = fn(llama, "llama_memory_seq_keep", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        memorySeqPosMax = critical(llama, "llama_memory_seq_pos_max",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        stateSeqGetSize = fn(llama, "llama_state_seq_get_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
        stateSeqGetData = fn(llama, "llama_state_seq_get_data",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
        stateSeqSetData = fn(llama, "llama_state_seq_set_data",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
        decode = fn(llama, "llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, LlamaLayouts.BATCH));
        getLogitsIth = critical(llama, "llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

        vocabNTokens = critical(llama, "llama_vocab_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabGetText = critical(llama, "llama_vocab_get_text", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        vocabGetAttr = critical(llama, "llama_vocab_get_attr", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        vocabIsEog = critical(llama, "llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        vocabBos = critical(llama, "llama_vocab_bos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabEos = critical(llama, "llama_vocab_eos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabGetAddBos = critical(llama, "llama_vocab_get_add_bos", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        tokenize = fn(llama, "llama_tokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        tokenToPiece = critical(llama, "llama_token_to_piece", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT,
                ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN));

        samplerChainInit = fn(llama, "llama_sampler_chain_init",
                FunctionDescriptor.of(ADDRESS, LlamaLayouts.SAMPLER_CHAIN_PARAMS));
        samplerChainAdd = fn(llama, "llama_sampler_chain_add", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        samplerInitGreedy = fn(llama, "llama_sampler_init_greedy", FunctionDescriptor.of(ADDRESS));
        samplerInitDist = fn(llama, "llama_sampler_init_dist", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        samplerInitTopK = fn(llama, "llama_sampler_init_top_k", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        samplerInitTopP = fn(llama, "llama_sampler_init_top_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        samplerInitMinP = fn(llama, "llama_sampler_init_min_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        samplerInitTemp = fn(llama, "llama_sampler_init_temp", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT));
        samplerSample = fn(llama, "llama_sampler_sample", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        samplerReset = fn(llama, "llama_sampler_reset", FunctionDescriptor.ofVoid(ADDRESS));
        samplerFree = fn(llama, "llama_sampler_free", FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** A handle for a function pointer obtained at run time (e.g. from a backend's proc-address table). */
    static MethodHandle pointer(java.lang.foreign.MemorySegment function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(function, descriptor);
    }

    private static MethodHandle fn(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(lookup, name), descriptor);
    }

    private static MethodHandle critical(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(lookup, name), descriptor, Linker.Option.critical(false));
    }

    private static java.lang.foreign.MemorySegment symbol(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new LlamaException("the llama.cpp library has no function "
                + name + "; it is not the expected release (" + NativeLibraries.pinned() + ")", java.util.List.of()));
    }
}
