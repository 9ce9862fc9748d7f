package dev.thinkbench.engine.local.llama;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CpuBackendChoiceTest {

    @TempDir
    Path dir;

    @Test
    void onlyATinyModelAsksForTheAvx2Backend() {
        assertThat(CpuBackendChoice.forModel(1_100_000)).as("the bundled micro model").contains("haswell");
        assertThat(CpuBackendChoice.forModel(CpuBackendChoice.TINY_PARAMETERS - 1)).contains("haswell");
        assertThat(CpuBackendChoice.forModel(CpuBackendChoice.TINY_PARAMETERS)).isEmpty();
        assertThat(CpuBackendChoice.forModel(600_000_000)).isEmpty();
        assertThat(CpuBackendChoice.forModel(0)).as("unknown").isEmpty();
    }

    @Test
    void theVariantIsLoadedAloneOnlyWhereThePackageHasItAndNoGpuBackend() throws IOException {
        for (String f : new String[]{"libggml.v0.5.0.so", "libggml-base.so", "libllama.v0.5.0.so",
                "libggml-cpu-haswell.so", "libggml-cpu-sapphirerapids.so", "LICENSE.txt"}) {
            Files.writeString(dir.resolve(f), "");
        }
        assertThat(CpuBackendChoice.variantLibrary(dir, "haswell")).contains(dir.resolve("libggml-cpu-haswell.so"));
        assertThat(CpuBackendChoice.variantLibrary(dir, "zen4")).as("not in the package").isEmpty();

        Files.writeString(dir.resolve("libggml-vulkan.so"), "");
        assertThat(CpuBackendChoice.variantLibrary(dir, "haswell")).as("beside a GPU backend: ggml's choice")
                .isEmpty();
    }

    @Test
    void windowsNamesAreFoundToo(@TempDir Path win) throws IOException {
        Files.writeString(win.resolve("ggml-base.dll"), "");
        Files.writeString(win.resolve("ggml-cpu-haswell.dll"), "");
        assertThat(CpuBackendChoice.variantLibrary(win, "haswell")).contains(win.resolve("ggml-cpu-haswell.dll"));
        Files.writeString(win.resolve("ggml-cuda.dll"), "");
        assertThat(CpuBackendChoice.variantLibrary(win, "haswell")).isEmpty();
    }

    @Test
    void aMissingFolderMeansGgmlsChoice() {
        assertThat(CpuBackendChoice.variantLibrary(dir.resolve("absent"), "haswell")).isEmpty();
    }
}
