package dev.thinkbench.engine.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CpuCoresTest {

    @TempDir
    Path sys;

    /** Writes cpuN/topology/thread_siblings_list for each entry, in the layout of /sys/devices/system/cpu. */
    private void cpus(String... siblingLists) throws IOException {
        for (int i = 0; i < siblingLists.length; i++) {
            Path topology = Files.createDirectories(sys.resolve("cpu" + i).resolve("topology"));
            Files.writeString(topology.resolve("thread_siblings_list"), siblingLists[i] + "\n");
        }
        Files.createDirectories(sys.resolve("cpufreq")); // other entries are ignored
        Files.writeString(sys.resolve("online"), "0-" + (siblingLists.length - 1) + "\n");
    }

    @Test
    void twoHardwareThreadsPerCoreCountOnce() throws IOException {
        cpus("0,4", "1,5", "2,6", "3,7", "0,4", "1,5", "2,6", "3,7");

        assertThat(CpuCores.physicalCores(sys)).isEqualTo(4);
        assertThat(CpuCores.defaultThreads(sys, 8)).isEqualTo(4);
    }

    @Test
    void rangesAndCoresWithoutSiblingsAreReadAsTheyAre() throws IOException {
        cpus("0-1", "0-1", "2", "3");

        assertThat(CpuCores.defaultThreads(sys, 4)).isEqualTo(3);
    }

    @Test
    void neverMoreThanTheProcessMayUse() throws IOException {
        cpus("0", "1", "2", "3", "4", "5", "6", "7");

        assertThat(CpuCores.defaultThreads(sys, 2)).as("a container limited to 2 processors").isEqualTo(2);
    }

    @Test
    void withoutATopologyEveryAvailableProcessorCounts() {
        assertThat(CpuCores.defaultThreads(sys.resolve("absent"), 6)).isEqualTo(6);
        assertThat(CpuCores.defaultThreads(sys, 6)).as("an empty directory").isEqualTo(6);
        assertThat(CpuCores.defaultThreads(sys, 0)).isEqualTo(1);
    }
}
