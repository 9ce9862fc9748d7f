package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * llama.cpp loaded into this process, once: the shared libraries opened from their {@link NativeLibraries} folder,
 * the log captured ({@code llama_log_set}, before anything else logs), the CPU backends loaded from the same folder
 * ({@code ggml_backend_load_all_from_path} picks the best {@code libggml-cpu-*} for this CPU, and a GPU backend where
 * the package has one; or {@code ggml_backend_load} of the one variant a {@link CpuBackendChoice} asks for), then
 * {@code llama_backend_init}. Libraries stay loaded until the process exits.
 *
 * <p>Thread-safe. Calling native code needs {@code --enable-native-access=ALL-UNNAMED} (the host is started with it).
 */
public final class LlamaLibrary {

    private static LlamaLibrary instance;
    private static volatile LlamaLog currentLog;

    final LlamaFunctions fn;
    private final LlamaLog log;
    private final NativeLibraries.Location location;
    private final String systemInfo;
    private final List<String> devices;
    private final Optional<String> cpuVariant;

    private LlamaLibrary(LlamaFunctions fn, LlamaLog log, NativeLibraries.Location location, String systemInfo,
                         List<String> devices, Optional<String> cpuVariant) {
        this.cpuVariant = cpuVariant;
        this.fn = fn;
        this.log = log;
        this.location = location;
        this.systemInfo = systemInfo;
        this.devices = devices;
    }

    /** The library, loaded on first use from {@link NativeLibraries#locate()} with ggml's choice of CPU backend. */
    public static LlamaLibrary load() {
        return load(Optional.empty());
    }

    /**
     * The library, loaded on first use from {@link NativeLibraries#locate()}.
     *
     * @param cpuVariant the CPU backend to load alone where the package has it ({@link CpuBackendChoice}), empty for
     *                   ggml's choice; only the first load in a process decides ({@link #cpuVariant()} tells)
     */
    public static synchronized LlamaLibrary load(Optional<String> cpuVariant) {
        if (instance == null) {
            instance = open(NativeLibraries.locate(), cpuVariant);
        }
        return instance;
    }

    private static LlamaLibrary open(NativeLibraries.Location location, Optional<String> wanted) {
        Arena arena = Arena.global();
        try {
            // dependency order, for platforms whose loader does not look beside the library (Windows)
            Path base = sibling(location.ggml(), "ggml-base");
            if (base != null) {
                SymbolLookup.libraryLookup(base, arena);
            }
            SymbolLookup ggml = SymbolLookup.libraryLookup(location.ggml(), arena);
            SymbolLookup llama = SymbolLookup.libraryLookup(location.llama(), arena);
            LlamaFunctions fn = new LlamaFunctions(ggml, llama);
            LlamaLog log = new LlamaLog(System.err);
            currentLog = log;
            MemorySegment callback = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(
                            LlamaLibrary.class, "onLog",
                            MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), arena);
            fn.logSet.invokeExact(callback, MemorySegment.NULL);
            long mark = log.mark();
            Optional<String> variant = Optional.empty();
            Optional<Path> alone = wanted.flatMap(v -> CpuBackendChoice.variantLibrary(location.directory(), v));
            if (alone.isPresent()) {
                // NULL when ggml refuses it (its score is 0 on a CPU without the variant's instructions)
                MemorySegment reg = (MemorySegment) fn.backendLoad.invokeExact(
                        arena.allocateFrom(alone.get().toString()));
                variant = reg.equals(MemorySegment.NULL) ? Optional.empty() : wanted;
            }
            if (variant.isEmpty()) {
                fn.backendLoadAllFromPath.invokeExact(arena.allocateFrom(location.directory().toString()));
            }
            fn.backendInit.invokeExact();
            List<String> devices = devices(fn);
            if (devices.isEmpty()) {
                throw new LlamaException("no compute backend could be loaded from " + location.directory()
                        + " (no libggml-cpu-* library there fits this CPU)", log.problemsSince(mark));
            }
            String info = string((MemorySegment) fn.printSystemInfo.invokeExact());
            return new LlamaLibrary(fn, log, location, info, devices, variant);
        } catch (LlamaException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new LlamaException("cannot open llama.cpp's libraries in " + location.directory() + ": "
                    + e.getMessage(), e);
        } catch (Throwable t) {
            throw new LlamaException("cannot start llama.cpp from " + location.directory() + ": " + t, t);
        }
    }

    private static Path sibling(Path lib, String stem) {
        String name = lib.getFileName().toString();
        int dot = name.indexOf('.');
        String suffix = name.endsWith(".dll") ? ".dll" : name.endsWith(".dylib") ? ".dylib" : ".so";
        String prefix = name.startsWith("lib") ? "lib" : "";
        Path candidate = lib.resolveSibling(prefix + stem + suffix);
        return dot > 0 && Files.isRegularFile(candidate) ? candidate : null;
    }

    private static List<String> devices(LlamaFunctions fn) throws Throwable {
        long n = (long) fn.backendDevCount.invokeExact();
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            MemorySegment dev = (MemorySegment) fn.backendDevGet.invokeExact(i);
            String name = string((MemorySegment) fn.backendDevName.invokeExact(dev));
            String description = string((MemorySegment) fn.backendDevDescription.invokeExact(dev));
            out.add(description.isEmpty() || description.equals(name) ? name : name + " (" + description + ")");
        }
        return List.copyOf(out);
    }

    /** The log callback: never throws into native code. */
    @SuppressWarnings("unused")
    private static void onLog(int level, MemorySegment text, MemorySegment userData) {
        try {
            LlamaLog log = currentLog;
            if (log != null && text.address() != 0) {
                log.accept(level, text.reinterpret(Integer.MAX_VALUE).getString(0));
            }
        } catch (Throwable ignored) {
            // a log line is not worth a crash
        }
    }

    /** A C string, or "" for NULL. */
    static String string(MemorySegment pointer) {
        return pointer.address() == 0 ? "" : pointer.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    /** llama.cpp's captured log. */
    public LlamaLog log() {
        return log;
    }

    public NativeLibraries.Location location() {
        return location;
    }

    /** {@code llama_print_system_info()}: the CPU features the loaded backend uses. */
    public String systemInfo() {
        return systemInfo;
    }

    /** The CPU backend variant loaded alone at a {@link CpuBackendChoice}'s request; empty when ggml chose. */
    public Optional<String> cpuVariant() {
        return cpuVariant;
    }

    /** The compute devices ggml found, e.g. {@code CPU (AMD EPYC ...)}. */
    public List<String> devices() {
        return devices;
    }

    /** An exception for a failed call, with the log's problems since {@code mark}. */
    LlamaException failure(String message, long mark) {
        return new LlamaException(message, log.problemsSince(mark));
    }

    /** Wraps a Throwable from a downcall handle (which declares one) as a LlamaException. */
    static LlamaException unexpected(String what, Throwable t) {
        if (t instanceof LlamaException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new LlamaException(what + " failed: " + t, t);
    }
}
