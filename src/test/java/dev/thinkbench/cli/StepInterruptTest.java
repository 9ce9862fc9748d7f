package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.testing.ChildJvm;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.ScriptStep;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during {@code thinkbench step}, for real: the command runs in a child JVM against a loopback llama-server
 * whose second step writes a little and then goes silent; once that step is asked for, the test sends SIGINT. The
 * timeline so far is printed with a line saying it was interrupted, and the exit code is 130.
 */
@Timeout(120)
class StepInterruptTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"json", "text"})
    void ctrlCPrintsTheTimelineSoFarAndSaysItWasInterrupted(String format) throws Exception {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.stallingUpTo(Duration.ofSeconds(90));
            server.then(ScriptStep.reply("Two", ".", "</think>"), new ScriptStep.Stall(List.of(" Let", " me")));

            try (ChildJvm child = ChildJvm.launch(home, Map.of(), "step", "--engine", "llama-server", "--base-url",
                    server.baseUrl().toString(), "--model", "m", "--prompt", "How many r in raspberry?",
                    "--actions", "wait,answer", "--format", format)) {
                server.awaitRequests("/completion", 2, Duration.ofSeconds(60));
                // SIGINT is what Ctrl-C sends; where it is ignored (a background job), SIGTERM takes the same path
                boolean sigint = !child.ignoresSigint();
                child.signal(sigint ? "INT" : "TERM");

                int code = child.awaitExit(Duration.ofSeconds(30));
                String out = child.out();
                String err = child.err();

                assertThat(code).as(err).isEqualTo(sigint ? 130 : 143);
                assertThat(err).doesNotContain("Exception")
                        .contains("thinkbench: step: interrupted (Ctrl-C): stopped before the script ended");
                if (format.equals("json")) {
                    JsonNode root = new ObjectMapper().readTree(out);
                    assertThat(root.path("interrupted").asBoolean()).isTrue();
                    assertThat(root.path("error").asText()).startsWith("interrupted (Ctrl-C)");
                    assertThat(root.path("branches").get(0).path("thinking").asText()).startsWith("Two.Wait");
                } else {
                    assertThat(out).contains("branch 1: ").contains("thinking text: \"Two.Wait")
                            .contains("error: interrupted (Ctrl-C): stopped before the script ended (next: answer)");
                }
            }
        }
    }
}
