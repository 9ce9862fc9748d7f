package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.gguf.GgufWriter;
import dev.thinkbench.testing.CraftedGguf;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model loading always ends: a hostile file is refused in Java, a load that never answers fails at its deadline and
 * stops the host, and a load llama.cpp refuses carries llama.cpp's own reason and log. Each call runs under a bounded
 * wait, so a regression fails instead of hanging the build.
 */
@Timeout(180)
class LocalEngineProcessTest {

    static final LocalEngineSettings SETTINGS = new LocalEngineSettings(1, 256);

    @TempDir
    Path dir;

    /** Loads {@code model}, waiting at most 120 s; returns the failure, or null when it loaded. */
    private static EngineException loadFailure(LocalEngineProcess process, Path model) throws Exception {
        CompletableFuture<EngineException> done = CompletableFuture.supplyAsync(() -> {
            try {
                new LocalCompletionBackend(process, model, SETTINGS).load();
                return null;
            } catch (EngineException e) {
                return e;
            }
        });
        return done.get(120, TimeUnit.SECONDS);
    }

    @Test
    void aCraftedHundredMillionByteArrayIsRefusedClearlyInsteadOfHangingTheApp() throws Exception {
        Path crafted = CraftedGguf.tinyWithHugeByteArray(dir.resolve("crafted.gguf"), 100_000_001);
        try (LocalEngineProcess process = new LocalEngineProcess()) {

            EngineException e = loadFailure(process, crafted);

            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("Cannot use crafted.gguf: not a usable GGUF file: damaged or incomplete; size limit: array 'zz.junk' has "
                    + "100000001 elements");
            assertThat(process.pid()).as("native code never saw the file").isEmpty();
        }
    }

    @Test
    void aLoadThatNeverAnswersFailsAtItsDeadlineAndStopsTheHost() throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        List<String> silent = List.of(LocalEngineProcess.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), SilentTestHost.class.getName());
        try (LocalEngineProcess process = new LocalEngineProcess(silent, Duration.ofSeconds(60),
                new LoadDeadline(Duration.ofSeconds(1), Duration.ZERO))) {

            EngineException e = loadFailure(process, model);

            assertThat(e).isInstanceOf(LocalEngineException.class);
            assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("Loading tiny.gguf did not finish within 1 s, so the built-in "
                    + "engine was stopped; it starts again on the next run");
            List<String> log = ((LocalEngineException) e).engineLog();
            Matcher pid = Pattern.compile("silent test host (\\d+)").matcher(String.join("\n", log));
            assertThat(pid.find()).as("the host's own output is in the details: %s", log).isTrue();
            ProcessHandle host = ProcessHandle.of(Long.parseLong(pid.group(1))).orElse(null);
            if (host != null) {
                host.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(process.pid()).isEmpty();
        }
    }

    @Test
    void theHostSeesNoneOfTheAppsSecretsInItsEnvironment() throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        List<String> silent = List.of(LocalEngineProcess.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), SilentTestHost.class.getName());
        try (LocalEngineProcess process = new LocalEngineProcess(silent, Duration.ofSeconds(60),
                new LoadDeadline(Duration.ofMillis(200), Duration.ZERO))) {

            LocalEngineException e = (LocalEngineException) loadFailure(process, model);

            String line = e.engineLog().stream().filter(l -> l.startsWith("environment: ")).findFirst()
                    .orElseThrow();
            List<String> names = List.of(line.substring("environment: ".length()).split(","));
            assertThat(names).contains("PATH").allSatisfy(n -> assertThat(HostEnvironment.allowed(n)).isTrue());
        }
    }

    @Test
    void aModelLlamaCppRefusesFailsWithLlamaCppsReasonAndItsLogAsDetails() throws Exception {
        Path model = dir.resolve("wrong-shape.gguf");
        GgufWriter writer = TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 42);
        writer.removeTensor("blk.0.ffn_gate.weight")
                .addTensorF32("blk.0.ffn_gate.weight", new long[] {64, 96}, new float[64 * 96]).write(model);
        try (LocalEngineProcess process = new LocalEngineProcess()) {

            EngineException e = loadFailure(process, model);

            assertThat(e).isInstanceOf(LocalEngineException.class);
            assertThat(e.getMessage()).isEqualTo("llama.cpp could not load wrong-shape.gguf: llama_model_load: error "
                    + "loading model: check_tensor_dims: tensor 'blk.0.ffn_gate.weight' has wrong shape; expected 64, "
                    + "128, got 64, 96, 1, 1");
            assertThat(((LocalEngineException) e).details()).contains("llama_model_load", "wrong shape");
            assertThat(process.engineLog()).as("the log outlives the stopped process")
                    .anySatisfy(l -> assertThat(l).contains("wrong shape"));
        }
    }

    @Test
    void theHostRunsAtALowerCpuPriorityThanTheAppWhereNiceIsThere() {
        boolean nice = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/nice"));
        String before = System.getProperty(LocalEngineProcess.NICE_PROPERTY);
        try {
            System.clearProperty(LocalEngineProcess.NICE_PROPERTY);
            if (nice) {
                assertThat(LocalEngineProcess.defaultCommand()).startsWith("/usr/bin/nice", "-n", "10",
                        LocalEngineProcess.javaExecutable());
            } else {
                assertThat(LocalEngineProcess.defaultCommand().getFirst()).as("no nice program (Windows)")
                        .isEqualTo(LocalEngineProcess.javaExecutable());
            }
            System.setProperty(LocalEngineProcess.NICE_PROPERTY, "0");
            assertThat(LocalEngineProcess.defaultCommand().getFirst()).isEqualTo(LocalEngineProcess.javaExecutable());
        } finally {
            if (before == null) {
                System.clearProperty(LocalEngineProcess.NICE_PROPERTY);
            } else {
                System.setProperty(LocalEngineProcess.NICE_PROPERTY, before);
            }
        }
    }
}
