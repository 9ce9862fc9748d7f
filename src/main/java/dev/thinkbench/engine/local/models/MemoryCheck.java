package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.local.gguf.GgufFile;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Warns before loading a model that will not fit in memory: the weights (the file, memory-mapped), the KV cache for
 * the chosen context (F16 keys and values for every layer), and a fixed allowance for compute buffers, against the
 * memory the system has available now. An estimate, stated as one.
 */
public final class MemoryCheck {

    /** Compute buffers, the engine process's JVM and slack. */
    static final long OVERHEAD = 400L << 20;

    /**
     * The verdict.
     *
     * @param available bytes available now, -1 when unknown
     * @param warning a sentence for the user, null when the model fits (or memory is unknown)
     */
    public record Assessment(long needed, long available, String warning) {
        public boolean fits() {
            return warning == null;
        }
    }

    private MemoryCheck() {
    }

    /** Checks {@code file} at {@code contextSize} tokens against the memory available now. */
    public static Assessment assess(GgufFile file, int contextSize) {
        return assess(file, contextSize, availableMemory());
    }

    /** Checks against {@code available} bytes (-1 when unknown: never warns). */
    public static Assessment assess(GgufFile file, int contextSize, long available) {
        long needed = file.fileSize() + kvCacheBytes(file, contextSize) + OVERHEAD;
        if (available < 0 || needed <= available) {
            return new Assessment(needed, available, null);
        }
        return new Assessment(needed, available, "This model needs about " + GgufModelInfo.humanBytes(needed)
                + " of memory at a " + contextSize + "-token context, but only " + GgufModelInfo.humanBytes(available)
                + " is available. It may run very slowly or be stopped; try a smaller model, a smaller quantization"
                + " or a shorter context.");
    }

    /** F16 K and V for every layer and context position: 2 * 2 bytes * layers * ctx * kv_heads * head_dim. */
    static long kvCacheBytes(GgufFile file, int contextSize) {
        String arch = file.architecture();
        Long layers = file.integer(arch + ".block_count");
        Long embedding = file.integer(arch + ".embedding_length");
        Long heads = file.integer(arch + ".attention.head_count");
        Long kvHeads = file.integer(arch + ".attention.head_count_kv");
        if (layers == null || embedding == null) {
            return 0;
        }
        long kvWidth = heads != null && kvHeads != null && heads > 0 ? embedding / heads * kvHeads : embedding;
        return 4L * layers * contextSize * kvWidth;
    }

    /** MemAvailable from /proc/meminfo on Linux, else the OS bean's free memory, else -1. */
    public static long availableMemory() {
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            try {
                List<String> lines = Files.readAllLines(meminfo);
                for (String line : lines) {
                    if (line.startsWith("MemAvailable:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to the JVM's view
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return -1;
    }
}
