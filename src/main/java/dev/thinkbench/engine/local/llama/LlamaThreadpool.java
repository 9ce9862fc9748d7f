package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * A ggml CPU thread pool ({@code ggml_threadpool_new}) for one context. Without one, ggml starts and joins its worker
 * threads for every decode, which costs little on an idle machine but a scheduling delay per token on a busy one;
 * llama.cpp's own tools attach a pool, and so does the engine. The functions come from the loaded CPU backend's
 * proc-address table (the backend is a module chosen at run time).
 *
 * <p>Not thread-safe; freed after its context.
 */
final class LlamaThreadpool implements AutoCloseable {

    /**
     * ggml's polling level (0-100) for worker threads between two decodes: they spin 131,072 x level pause
     * instructions waiting for the next graph before they sleep. llama.cpp's default, 50, kept one core of this
     * machine busy for about 170 ms after every decode, so each completion that ended took a core from the window
     * (and from a 2-core laptop's battery) for that long; at 1 the spin lasts a few milliseconds, still far longer
     * than the gap between two tokens (tens of microseconds), and decoding measured no slower.
     */
    static final int POLL_LEVEL = 1;

    /** {@code GGML_BACKEND_DEVICE_TYPE_CPU}. */
    private static final int DEVICE_CPU = 0;

    private final MethodHandle free;
    private MemorySegment pool;

    private LlamaThreadpool(MethodHandle free, MemorySegment pool) {
        this.free = free;
        this.pool = pool;
    }

    /** A pool of {@code threads} threads, or null when the CPU backend offers none (a custom build). */
    static LlamaThreadpool create(LlamaLibrary lib, int threads) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cpu = (MemorySegment) lib.fn.backendDevByType.invokeExact(DEVICE_CPU);
            if (cpu.address() == 0) {
                return null;
            }
            MemorySegment reg = (MemorySegment) lib.fn.backendDevBackendReg.invokeExact(cpu);
            MemorySegment newFn = (MemorySegment) lib.fn.backendRegGetProcAddress.invokeExact(reg,
                    arena.allocateFrom("ggml_threadpool_new"));
            MemorySegment freeFn = (MemorySegment) lib.fn.backendRegGetProcAddress.invokeExact(reg,
                    arena.allocateFrom("ggml_threadpool_free"));
            if (newFn.address() == 0 || freeFn.address() == 0) {
                return null;
            }
            MemorySegment params = arena.allocate(LlamaLayouts.THREADPOOL_PARAMS);
            lib.fn.threadpoolParamsInit.invokeExact(params, threads);
            LlamaLayouts.THREADPOOL_POLL.set(params, 0L, POLL_LEVEL);
            MemorySegment pool = (MemorySegment) LlamaFunctions.pointer(newFn, FunctionDescriptor.of(ADDRESS, ADDRESS))
                    .invokeExact(params);
            if (pool.address() == 0) {
                return null;
            }
            return new LlamaThreadpool(LlamaFunctions.pointer(freeFn, FunctionDescriptor.ofVoid(ADDRESS)), pool);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("creating the CPU thread pool", t);
        }
    }

    MemorySegment handle() {
        return pool;
    }

    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        MemorySegment p = pool;
        pool = null;
        try {
            free.invokeExact(p);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("ggml_threadpool_free", t);
        }
    }
}
