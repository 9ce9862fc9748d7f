package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.testing.ChildJvm;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.RecordedRequest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during {@code thinkbench sweep}, for real: the command runs in a child JVM against a loopback server that
 * answers three problems and holds the fourth; once the fourth is asked for, the test sends SIGINT. The summary of the
 * three finished runs is printed, marked interrupted, the way on is said, and the exit code is 130.
 */
@Timeout(120)
class SweepInterruptTest {

    @TempDir
    Path dir;

    private static String prompt(RecordedRequest request) {
        JsonNode messages = request.json().path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "table"})
    void ctrlCPrintsTheSummaryOfTheFinishedRunsMarkedInterrupted(String format) throws Exception {
        Path problems = Files.writeString(dir.resolve("problems.jsonl"), String.join("\n",
                IntStream.rangeClosed(1, 6).mapToObj(i -> "{\"id\":\"p" + i + "\",\"prompt\":\"q " + i
                        + "\",\"answer\":\"" + i + "\"}").toList()) + "\n");
        Path out = dir.resolve("results.jsonl");
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
            server.respond(request -> {
                String p = prompt(request);
                if (p.equals("q 4")) {
                    reached.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS); // held until the test is done with the sweep
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return OpenAiChatScript.of("m").content("Final Answer: " + p.substring(2)).finish("stop")
                        .usage(5, 3, null).done();
            });
            try (ChildJvm child = ChildJvm.launch(dir, Map.of(), "sweep", "--problems", problems.toString(),
                    "--engine", "openai-compatible", "--model", "m", "--base-url", server.baseUrl().toString(),
                    "--budget", "b=none", "--concurrency", "1", "--out", out.toString(), "--format", format)) {
                assertThat(reached.await(60, TimeUnit.SECONDS)).as("the sweep reached q 4").isTrue();
                // SIGINT is what Ctrl-C sends; where it is ignored (a background job), SIGTERM takes the same path
                boolean sigint = !child.ignoresSigint();
                child.signal(sigint ? "INT" : "TERM");

                int code = child.awaitExit(Duration.ofSeconds(30));
                String stdout = child.out();
                String err = child.err();

                assertThat(code).as(err).isEqualTo(sigint ? 130 : 143);
                assertThat(err).doesNotContain("Exception").contains("thinkbench: interrupted (Ctrl-C): 3 of 6 runs "
                        + "had finished; they are in " + out + ": run the same command again to resume");
                if (format.equals("json")) {
                    JsonNode root = new ObjectMapper().readTree(stdout);
                    assertThat(root.path("interrupted").asBoolean()).isTrue();
                    assertThat(root.path("runs").asInt()).isEqualTo(3);
                    assertThat(root.path("summary").get(0).path("correct").asInt()).isEqualTo(3);
                } else {
                    assertThat(stdout).containsPattern("(?m)^b +none +fixed +3 +3 ")
                            .contains("runs 3 of 6 (interrupted), failed 0");
                }
            } finally {
                release.countDown();
            }
        }
    }
}
