package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.testing.CraftedGguf;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The host process speaks JSON lines and dies with its parent: it exits when its stdin closes. */
@Timeout(120)
class HostMainTest {

    @TempDir
    Path dir;

    /** The command the app starts the host with. */
    private List<String> command() {
        return LocalEngineProcess.defaultCommand();
    }

    @Test
    void answersOverJsonLinesAndExitsWhenStdinClosesEvenWithAModelLoaded() throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        Process host = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(host.getOutputStream(), StandardCharsets.UTF_8);

            assertThat(out.readLine()).startsWith("{\"type\":\"ready\"");
            in.write("this is not json\n");
            in.write("{\"op\":\"load\",\"id\":7,\"model\":\"" + model.toString().replace("\\", "\\\\")
                    + "\",\"contextSize\":256,\"threads\":1}\n");
            in.flush();
            assertThat(out.readLine()).contains("\"type\":\"error\"", "unreadable request");
            String loaded = out.readLine();
            while (loaded.contains("\"type\":\"progress\"")) {
                loaded = out.readLine();
            }
            assertThat(loaded).contains("\"type\":\"loaded\"", "\"id\":7", "<|im_end|>");
            in.write("{\"op\":\"complete\",\"id\":8,\"prompt\":\"<think>\",\"maxTokens\":3,\"stop\":[],"
                    + "\"temperature\":0.0,\"cachePrompt\":true}\n");
            in.flush();
            // the first token goes out at once, in a chunk of its own
            assertThat(out.readLine()).isEqualTo("{\"type\":\"chunk\",\"id\":8,\"text\":\"L\",\"tokens\":1}");
            String line;
            StringBuilder rest = new StringBuilder();
            while (!(line = out.readLine()).contains("\"type\":\"done\"")) {
                assertThat(line).startsWith("{\"type\":\"chunk\",\"id\":8,");
                rest.append(line);
            }
            assertThat(line).contains("\"stop\":\"LENGTH\"", "\"tokens\":3");

            in.close();

            assertThat(host.waitFor(60, TimeUnit.SECONDS)).as("host exited after stdin closed").isTrue();
            assertThat(host.exitValue()).isZero();
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void badParametersAreRefusedBeforeLlamaCppSeesThem() throws Exception {
        Path model = TinyGguf.write(dir.resolve("tiny.gguf"));
        Process host = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(host.getOutputStream(), StandardCharsets.UTF_8);
            out.readLine();
            in.write("{\"op\":\"load\",\"id\":1,\"model\":\"" + model.toString().replace("\\", "\\\\")
                    + "\",\"contextSize\":256,\"threads\":0}\n");
            in.write("{\"op\":\"complete\",\"id\":2,\"prompt\":\"x\",\"maxTokens\":3,\"cachePrompt\":true}\n");
            in.flush();

            assertThat(out.readLine()).contains("\"id\":1", "threads must be between 1 and 512, was 0");
            assertThat(out.readLine()).contains("\"id\":2", "no model is loaded");
            // shutdown is answered at once on the reading thread, so it goes only after the worker's answers
            in.write("{\"op\":\"shutdown\",\"id\":3}\n");
            in.flush();
            assertThat(host.waitFor(60, TimeUnit.SECONDS)).as("host exited on shutdown").isTrue();
            assertThat(host.exitValue()).isZero();
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void aCraftedHugeArrayIsRefusedWithAnAnswerInsteadOfRunningTheHostOutOfMemory() throws Exception {
        Path crafted = CraftedGguf.tinyWithHugeByteArray(dir.resolve("crafted.gguf"), 100_000_001);
        Process host = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(host.getOutputStream(), StandardCharsets.UTF_8);
            assertThat(out.readLine()).startsWith("{\"type\":\"ready\"");
            in.write("{\"op\":\"load\",\"id\":4,\"model\":\"" + crafted.toString().replace("\\", "\\\\")
                    + "\",\"contextSize\":256,\"threads\":1}\n");
            in.flush();

            Future<String> answer = reader.submit(out::readLine);

            assertThat(answer.get(90, TimeUnit.SECONDS)).as("the load is answered")
                    .contains("\"type\":\"error\"", "\"id\":4", "size limit", "'zz.junk'");
        } finally {
            reader.shutdownNow();
            host.destroyForcibly();
        }
    }
}
