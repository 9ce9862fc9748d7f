package dev.thinkbench.engine.local.llama;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Where llama.cpp's libraries are looked for, and what a user is told when they are not there. */
class NativeLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void platformNamesFollowThePackages() {
        assertThat(NativeLibraries.platform("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(NativeLibraries.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(NativeLibraries.platform("Mac OS X", "aarch64")).isEqualTo("mac-arm64");
        assertThat(NativeLibraries.platform("Mac OS X", "x86_64")).isEqualTo("mac-x64");
        assertThat(NativeLibraries.platform("Windows 11", "amd64")).isEqualTo("win-x64");
    }

    @Test
    void theEnvironmentVariableWinsAndAnyLlamaCppBuildNamingIsAccepted() throws Exception {
        Files.createFile(dir.resolve("libllama.so.0"));
        Files.createFile(dir.resolve("libggml.so"));
        Files.createFile(dir.resolve("libggml-base.so"));

        NativeLibraries.Location at = NativeLibraries.locate(
                Map.of(NativeLibraries.LIB_DIR_ENV, dir.toString())::get, k -> null, null);

        assertThat(at.llama().getFileName()).hasToString("libllama.so.0");
        assertThat(at.ggml().getFileName()).hasToString("libggml.so");
        assertThat(at.origin()).isEqualTo(NativeLibraries.LIB_DIR_ENV);
    }

    @Test
    void thePackagesNamingOnMacAndWindowsIsAcceptedAndTheCommonHelpersAreNot() throws Exception {
        Path mac = Files.createDirectories(dir.resolve("mac"));
        for (String f : List.of("libllama-common.dylib", "libllama.metal.v0.4.0.dylib", "libggml-base.dylib",
                "libggml.metal.v0.4.0.dylib", "libggml-metal.so")) {
            Files.createFile(mac.resolve(f));
        }
        Path win = Files.createDirectories(dir.resolve("win"));
        for (String f : List.of("llama-common.dll", "llama.v0.4.0.dll", "ggml-base.dll", "ggml.v0.4.0.dll")) {
            Files.createFile(win.resolve(f));
        }

        NativeLibraries.Location onMac = NativeLibraries.inDirectory(mac, "bundled").orElseThrow();
        NativeLibraries.Location onWindows = NativeLibraries.inDirectory(win, "bundled").orElseThrow();

        assertThat(onMac.llama().getFileName()).hasToString("libllama.metal.v0.4.0.dylib");
        assertThat(onMac.ggml().getFileName()).hasToString("libggml.metal.v0.4.0.dylib");
        assertThat(onWindows.llama().getFileName()).hasToString("llama.v0.4.0.dll");
        assertThat(onWindows.ggml().getFileName()).hasToString("ggml.v0.4.0.dll");
    }

    @Test
    void aBuildBesideTheCodeIsFound() throws Exception {
        Path natives = Files.createDirectories(dir.resolve("natives").resolve(NativeLibraries.platform()));
        Files.createFile(natives.resolve("libllama.v0.5.0.so"));
        Files.createFile(natives.resolve("libggml.v0.5.0.so"));
        Path classes = Files.createDirectories(dir.resolve("classes"));

        assertThat(NativeLibraries.locate(k -> null, k -> null, classes).directory()).isEqualTo(natives);
        assertThat(NativeLibraries.locate(k -> null, k -> null, dir.resolve("app.jar")).directory())
                .as("a jar with natives/ beside it (a packaged app)").isEqualTo(natives);
    }

    @Test
    void missingLibrariesSayWhatToInstallOrSet() {
        NativeLibrariesMissingException none = catchThrowableOfType(NativeLibrariesMissingException.class,
                () -> NativeLibraries.locate(k -> null, k -> null, dir));
        NativeLibrariesMissingException wrong = catchThrowableOfType(NativeLibrariesMissingException.class,
                () -> NativeLibraries.locate(Map.of(NativeLibraries.LIB_DIR_ENV, dir.toString())::get, k -> null,
                        null));

        assertThat(none.getMessage()).contains("npm", NativeLibraries.LIB_DIR_ENV, "3.22.1");
        assertThat(wrong.getMessage()).contains(dir.toString(), "holds no llama.cpp build");
    }
}
