package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.app.Launcher;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real kill: {@code thinkbench sweep --out} runs in a process of its own against a loopback server, is killed with
 * SIGKILL while a run is in flight, and the same command run again resumes: the finished runs are read back, not
 * asked for again, and every run ends up in the file once.
 */
@Timeout(120)
class SweepKillResumeTest {

    @TempDir
    Path dir;

    private static String prompt(RecordedRequest request) {
        JsonNode messages = request.json().path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    @Test
    void aSweepKilledMidRunResumesWithoutRunningAFinishedRunAgain() throws Exception {
        Path problems = dir.resolve("problems.jsonl");
        Files.writeString(problems, String.join("\n", IntStream.rangeClosed(1, 6).mapToObj(i -> "{\"id\":\"p" + i
                + "\",\"prompt\":\"q " + i + "\",\"answer\":\"" + i + "\"}").toList()) + "\n");
        Path out = dir.resolve("results.jsonl");
        CountDownLatch release = new CountDownLatch(1);
        try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
            server.respond(request -> {
                String p = prompt(request);
                if (p.equals("q 4")) {
                    try {
                        release.await(60, TimeUnit.SECONDS); // held until the sweep process is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return OpenAiChatScript.of("m").content("Final Answer: " + p.substring(2)).finish("stop")
                        .usage(5, 3, null).done();
            });
            List<String> args = List.of("sweep", "--problems", problems.toString(), "--engine", "openai-compatible",
                    "--model", "m", "--base-url", server.baseUrl().toString(), "--budget", "b=none", "--concurrency",
                    "1", "--out", out.toString());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Djava.awt.headless=true", "-Dthinkbench.config=" + dir.resolve("config"),
                    "-Dthinkbench.data=" + dir.resolve("data"), "-cp", System.getProperty("java.class.path"),
                    Launcher.class.getName()));
            command.addAll(args);
            Process sweep = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("first.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.chatRequests().stream().noneMatch(r -> prompt(r).equals("q 4"))) {
                    assertThat(sweep.isAlive()).as("the sweep is still running: " + Files.readString(
                            dir.resolve("first.log"))).isTrue();
                    assertThat(System.nanoTime()).as("the sweep reached q 4 in time").isLessThan(deadline);
                    Thread.sleep(20);
                }
            } finally {
                sweep.destroyForcibly(); // SIGKILL: no shutdown hook runs
                assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).isTrue();
                release.countDown();
            }
            assertThat(ResultLog.read(out).records()).as("written before the kill").extracting(SweepRecord::problemId)
                    .containsExactly("p1", "p2", "p3");
            int before = server.chatRequests().size();

            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            int code;
            try {
                System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                code = ThinkbenchCli.run(args.toArray(String[]::new), dev.thinkbench.app.AppContext.create());
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("6 runs (3 resumed)");
            assertThat(server.chatRequests().subList(before, server.chatRequests().size()))
                    .extracting(SweepKillResumeTest::prompt).as("only what had not finished")
                    .containsExactly("q 4", "q 5", "q 6");
            List<SweepRecord> records = ResultLog.read(out).records();
            assertThat(records).extracting(SweepRecord::problemId).containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
            assertThat(records).allSatisfy(r -> assertThat(r.correct()).isTrue());
        }
    }
}
