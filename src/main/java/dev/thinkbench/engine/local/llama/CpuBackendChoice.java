package dev.thinkbench.engine.local.llama;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of the package's CPU backends ({@code libggml-cpu-<variant>}) a model runs on. ggml loads the one that uses
 * most of this CPU's instructions, which suits every model of real size: on an AVX-512 machine (2026-12-04, Sapphire
 * Rapids, 2 threads) the package's {@code sapphirerapids} backend decoded a 51 MB Q4_0 model at 2.1x and an F32 one at
 * 1.0x the speed of its {@code haswell} (AVX2) backend, and evaluated prompts at 1.2-2.8x. A tiny model is the
 * exception: its matrices are so small that each token costs the kernels' fixed work, and the package's AVX-512
 * builds pay more of it; the bundled 1.1M-parameter micro model decoded at 2,650 tok/s on every AVX-512 backend of the
 * package against 4,033 on {@code haswell} (llama.cpp built here from the same source with the AVX-512 flags: 5,270),
 * and a sweep's batches of 4 and 8 at 0.55x and 0.52x. So a model below {@link #TINY_PARAMETERS} asks for
 * {@value #TINY_VARIANT}; everything else, and any CPU or package where that variant is missing, refused by ggml (a
 * CPU without AVX2) or beside a GPU backend, gets ggml's own choice.
 */
public final class CpuBackendChoice {

    /** Models below this many parameters are tiny (the bundled micro model has 1.1M). */
    public static final long TINY_PARAMETERS = 2_000_000;
    /** The AVX2 build of the x86-64 packages. */
    public static final String TINY_VARIANT = "haswell";
    /** A backend library other than the CPU ones and ggml's base: a GPU's (cuda, vulkan, metal, ...). */
    private static final Pattern OTHER_BACKEND = Pattern.compile(
            "(lib)?ggml-(?!base\\b|cpu\\b|cpu-)[a-z0-9]+(\\.[^.]+)*\\.(so|dll|dylib)");

    private CpuBackendChoice() {
    }

    /**
     * The variant to ask for, or empty for ggml's choice.
     *
     * @param parameters the model's parameter count
     */
    public static Optional<String> forModel(long parameters) {
        return parameters > 0 && parameters < TINY_PARAMETERS ? Optional.of(TINY_VARIANT) : Optional.empty();
    }

    /**
     * The library of {@code variant} in {@code directory} when it should be loaded alone: it exists and no GPU backend
     * sits beside it (ggml then loads all, the GPU doing the work).
     */
    public static Optional<Path> variantLibrary(Path directory, String variant) {
        try (Stream<Path> files = Files.list(directory)) {
            Path found = null;
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (OTHER_BACKEND.matcher(name).matches()) {
                    return Optional.empty();
                }
                if (name.matches("(lib)?ggml-cpu-" + Pattern.quote(variant) + "\\.(so|dll|dylib)")) {
                    found = f;
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
