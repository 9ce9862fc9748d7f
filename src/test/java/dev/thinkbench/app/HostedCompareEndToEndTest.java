package dev.thinkbench.app;

import dev.thinkbench.testing.FakeKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.cli.CliRun;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.testing.AnthropicScript;
import dev.thinkbench.testing.GeminiScript;
import dev.thinkbench.testing.HostedApiTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code thinkbench compare} on the hosted engines through the real composition root, against loopback servers that
 * replay each provider's stream: keys from the standard variable or the app's key file, the model's presets, a budget
 * the model cannot take failing only its column, and a canary key that shows up in no output, log line, settings file
 * or listing of the key file.
 */
class HostedCompareEndToEndTest {

    private static final String CANARY = FakeKeys.of("sk-ant", "canary-e2e-5f3a9d1c7b20");
    private static final String GEMINI_CANARY = FakeKeys.of("AIza", "canary-e2e-8b2d4f6a1c3e");

    @TempDir
    Path root;

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };


    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static CliRun run(AppContext app, String... args) {
        return CliRun.of(app, args);
    }

    @Test
    void anthropicRunsTheModelsPresetsWithTheKeyFromItsStandardVariable() throws Exception {
        AppHome home = AppHome.create(root);
        try (HostedApiTestServer server = HostedApiTestServer.anthropic()) {
            server.models("claude-sonnet-4-5").requireKey(CANARY);
            server.respond(r -> AnthropicScript.of("claude-sonnet-4-5").start(20).thinking("Euclid's algorithm:",
                    " 1071 = 2*462 + 147 ...").signature("EqQB").text("21").stop("end_turn", 120).build());
            AppContext app = home.launch(Map.of("ANTHROPIC_API_KEY", CANARY)::get);

            CliRun r = run(app, "compare", "--engine", "anthropic", "--base-url", server.baseUrl().toString(),
                    "--model", "claude-sonnet-4-5", "--prompt", "GCD of 1071 and 462?", "--format", "json");

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode runs = r.json().path("runs");
            assertThat(runs.findValuesAsText("budget")).containsExactly("tokens:1024", "tokens:4096", "tokens:16384");
            JsonNode large = runs.get(2);
            assertThat(large.path("thinking").asText()).isEqualTo("Euclid's algorithm: 1071 = 2*462 + 147 ...");
            assertThat(large.path("thinkingIsSummary").asBoolean()).isTrue();
            assertThat(large.path("answer").asText()).isEqualTo("21");
            assertThat(large.path("metrics").path("thinkingTokens").isNull()).isTrue();
            assertThat(large.path("metrics").path("thinkingTokensSource").isNull())
                    .as("Anthropic does not report thinking apart: never 'reported'").isTrue();
            assertThat(large.path("metrics").path("outputTokens").asInt()).as("what it reports: the whole output")
                    .isEqualTo(120);
            // 20 x $3 + 120 x $15 per million
            assertThat(large.path("metrics").path("costUsd").decimalValue()).isEqualByComparingTo("0.00186");
            assertThat(server.streamRequests()).extracting(q -> q.json().path("thinking").path("budget_tokens")
                    .asInt()).containsExactlyInAnyOrder(1024, 4096, 16384);
            assertNoCanary(CANARY, r, home);

            CliRun table = run(app, "compare", "--engine", "anthropic", "--base-url", server.baseUrl().toString(),
                    "--model", "claude-sonnet-4-5", "--prompt", "GCD of 1071 and 462?");
            assertThat(table.out()).as("the table's thinking: at most the whole output, said what it means")
                    .contains("<=120").contains("(<=N: the server reports only the whole output");
        }
    }

    @Test
    void aBudgetTheModelCannotTakeFailsOnlyItsColumnAndTheCommandExitsOne() throws Exception {
        AppHome home = AppHome.create(root);
        try (HostedApiTestServer server = HostedApiTestServer.anthropic()) {
            server.requireKey(CANARY);
            server.respond(r -> AnthropicScript.of("claude-opus-4-7").start(9).thinking("Quick.").signature("Eq")
                    .text("4").stop("end_turn", 30).build());
            AppContext app = home.launch(Map.of("ANTHROPIC_API_KEY", CANARY)::get);

            CliRun r = run(app, "compare", "--engine", "anthropic", "--base-url", server.baseUrl().toString(),
                    "--model", "claude-opus-4-7", "--prompt", "2+2?", "--format", "json",
                    "--budget", "old=tokens:4096", "--budget", "new=effort:high");

            assertThat(r.code()).isEqualTo(1);
            JsonNode runs = r.json().path("runs");
            assertThat(runs.get(0).path("status").asText()).isEqualTo("failed");
            assertThat(runs.get(0).path("error").asText()).contains("no thinking-token budget",
                    "effort:low|medium|high|xhigh|max");
            assertThat(runs.get(1).path("status").asText()).isEqualTo("ok");
            assertThat(runs.get(1).path("answer").asText()).isEqualTo("4");
            assertThat(server.streamRequests()).hasSize(1);
            assertNoCanary(CANARY, r, home);
        }
    }

    @Test
    void aKeyEnteredInTheAppIsKeptOwnerOnlyOutOfTheSettingsAndUsedByTheCommandLine() throws Exception {
        AppHome home = AppHome.create(root);
        try (HostedApiTestServer server = HostedApiTestServer.gemini()) {
            server.requireKey(GEMINI_CANARY);
            server.respond(r -> GeminiScript.of("gemini-2.5-flash").thought("Counting.").text("3")
                    .finish("STOP", 8, 1, 40).build());
            AppContext app = home.launch(name -> null);
            app.secrets().put("gemini", GEMINI_CANARY);
            app.settings().update(s -> s.withEngine("gemini", null, "gemini-2.5-flash"));
            // written now, not by the settings' writer a moment later, while the temporary folder is deleted
            app.settings().close();

            CliRun r = run(app, "compare", "--engine", "gemini", "--base-url", server.baseUrl().toString(),
                    "--model", "gemini-2.5-flash", "--prompt", "How many r in strawberry?", "--format", "json",
                    "--budget", "small=tokens:1024");

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode run = r.json().path("runs").get(0);
            assertThat(run.path("metrics").path("thinkingTokens").asInt()).isEqualTo(40);
            assertThat(run.path("metrics").path("thinkingTokensSource").asText()).isEqualTo("reported");
            Path keys = home.config().resolve(SecretsStore.FILE_NAME);
            assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(SecretsStore.OWNER_ONLY);
            assertThat(app.secrets().toString() + app.secrets().engines()).doesNotContain(GEMINI_CANARY);
            assertNoCanary(GEMINI_CANARY, r, home);
        }
    }

    /** Not in the output, the log, the settings file or any other file of the config folder but the key file. */
    private void assertNoCanary(String canary, CliRun r, AppHome home) throws IOException {
        List<String> texts = new ArrayList<>(List.of(r.out(), r.err()));
        synchronized (logged) {
            texts.addAll(logged);
        }
        if (Files.isDirectory(home.config())) {
            try (Stream<Path> files = Files.walk(home.config())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    texts.add(f.getFileName().toString());
                    if (!f.getFileName().toString().equals(SecretsStore.FILE_NAME)) {
                        texts.add(Files.readString(f));
                    }
                }
            }
        }
        for (String text : texts) {
            for (int i = 0; i + 8 <= canary.length(); i++) {
                assertThat(text).doesNotContain(canary.substring(i, i + 8));
            }
        }
    }
}
