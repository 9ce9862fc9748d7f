package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.testing.ChildJvm;
import dev.thinkbench.testing.OllamaChatScript;
import dev.thinkbench.testing.OllamaChatTestServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during {@code thinkbench compare}, for real: the command runs in a child JVM against a loopback Ollama whose
 * "fast" column answers at once and whose "slow" column thinks and then stalls; the test waits until the fast column
 * has finished and sends SIGINT. The output keeps the finished column and marks the stalled one cancelled.
 */
@Timeout(120)
class CompareInterruptTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"json", "table"})
    void ctrlCPrintsTheFinishedColumnsAndMarksTheRestCancelled(String format) throws Exception {
        try (OllamaChatTestServer server = OllamaChatTestServer.start()) {
            server.models("m");
            server.respond(request -> request.json().path("think").asBoolean()
                    ? OllamaChatScript.of("m").thinking("Let me", " think").stall(Duration.ofSeconds(90))
                    : OllamaChatScript.of("m").answer("4").done());

            try (ChildJvm child = ChildJvm.launch(home, Map.of(), "compare", "--engine", "ollama", "--base-url",
                    server.baseUrl().toString(), "--model", "m", "--prompt", "2+2?", "--budget", "fast=none",
                    "--budget", "slow=effort:high", "--format", format)) {
                child.awaitErrLine(line -> line.contains("column 'fast' ok"), Duration.ofSeconds(60));
                // SIGINT is what Ctrl-C sends; a JVM started where SIGINT is ignored (a background job without job
                // control) never sees it, and SIGTERM takes the same shutdown path
                child.signal(child.ignoresSigint() ? "TERM" : "INT");

                int code = child.awaitExit(Duration.ofSeconds(30));
                String out = child.out();
                String err = child.err();

                assertThat(code).as(err).isNotZero();
                assertThat(err).doesNotContain("Shutdown in progress").doesNotContain("Exception")
                        .contains("interrupted: 1 of 2 columns had finished; the rest are marked cancelled");
                if (format.equals("json")) {
                    JsonNode runs = new ObjectMapper().readTree(out).path("runs");
                    assertThat(runs.findValuesAsText("label")).containsExactly("fast", "slow");
                    assertThat(runs.get(0).path("status").asText()).isEqualTo("ok");
                    assertThat(runs.get(0).path("answer").asText()).isEqualTo("4");
                    assertThat(runs.get(1).path("status").asText()).isEqualTo("cancelled");
                    assertThat(runs.get(1).path("error").asText())
                            .contains("interrupted (Ctrl-C) before this column finished");
                    assertThat("Let me think").startsWith(runs.get(1).path("thinking").asText());
                } else {
                    assertThat(out).containsPattern("(?m)^fast +none +ok ")
                            .containsPattern("(?m)^slow +effort:high +cancelled ")
                            .contains("== fast ==\n4\n")
                            .contains("== slow ==\nerror: cancelled: the command was interrupted (Ctrl-C)");
                }
            }
        }
    }
}
