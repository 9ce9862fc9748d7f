package dev.thinkbench.engine.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many threads the built-in engine uses by default: one per physical core, as llama.cpp's own tools do. A second
 * hardware thread on a core (SMT, Hyper-Threading) shares that core's vector units, and ggml's threads meet at a
 * barrier after every operation, so the slowest thread sets the pace: running on both siblings makes decoding slower,
 * not faster. The count never exceeds what this process may use ({@link Runtime#availableProcessors()}: affinity and
 * container limits). Where the topology cannot be read (not Linux), every available processor counts.
 */
public final class CpuCores {

    private static final Path SYSFS_CPUS = Path.of("/sys/devices/system/cpu");
    private static final Pattern CPU_DIR = Pattern.compile("cpu\\d+");

    private CpuCores() {
    }

    /**
     * The most threads the engine takes on this machine: every processor this process may use
     * ({@link Runtime#availableProcessors()}). More would only wait for each other at ggml's barriers (268 threads
     * on 2 cores stalled a run and its cancel), so the engine uses no more than this.
     */
    public static int available() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Threads for the engine by default on this machine, at least 1. */
    public static int defaultThreads() {
        return defaultThreads(SYSFS_CPUS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param cpus a directory laid out as Linux's {@code /sys/devices/system/cpu}
     * @param available the processors this process may use
     */
    static int defaultThreads(Path cpus, int available) {
        int physical = physicalCores(cpus);
        return Math.max(1, physical > 0 ? Math.min(physical, available) : available);
    }

    /** Distinct cores (sets of sibling hardware threads) under {@code cpus}, 0 when they cannot be read. */
    static int physicalCores(Path cpus) {
        if (!Files.isDirectory(cpus)) {
            return 0;
        }
        Set<String> cores = new HashSet<>();
        try (Stream<Path> dirs = Files.list(cpus)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                if (!CPU_DIR.matcher(dir.getFileName().toString()).matches()) {
                    continue;
                }
                Path siblings = dir.resolve("topology/thread_siblings_list");
                if (!Files.isReadable(siblings)) {
                    continue; // offline, or no topology exposed
                }
                cores.add(Files.readString(siblings).strip());
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return cores.size();
    }
}
