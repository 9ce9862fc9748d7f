package dev.thinkbench.engine;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.anthropic.AnthropicEngine;
import dev.thinkbench.engine.hosted.deepseek.DeepSeekEngine;
import dev.thinkbench.engine.hosted.gemini.GeminiEngine;
import dev.thinkbench.engine.hosted.openai.OpenAiResponsesEngine;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.engine.raw.RawBackendKinds;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.RawEngines;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.FaultHttpServer;
import dev.thinkbench.testing.FaultHttpServer.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure contract every HTTP engine keeps, chat, raw and hosted alike: one parameterised suite of faults, run against
 * each engine over a real loopback socket that speaks the engine's wire format, asserting the same things every time:
 * exactly one terminal event; the expected kind; a clear message that names the server and has no stack trace; the
 * partial trace kept (and said so) when something arrived, and not claimed when nothing did; a healthy run beside it
 * untouched; the canary key in no event, message or log line, although the server echoes it everywhere it can.
 */
class FailureContractTest {

    private static final String CANARY = "tb-canary-7f3a9c1e5d42";
    private static final String KEY_VARIABLE = "TB_CONTRACT_KEY";
    private static final Duration SILENCE = Duration.ofMillis(800);
    /**
     * The silence a run tolerates: {@link #SILENCE} where the fault is a stall, so those cases end quickly; long for
     * every other fault, so a loaded machine writing a 10 MB line slowly is not taken for a stalled server.
     */
    private static volatile Duration silence = SILENCE;

    private static final List<LogRecord> LOGGED = new ArrayList<>();
    private static final Handler LOG_CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (LOGGED) {
                LOGGED.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void captureLogs() {
        Logger.getLogger("").addHandler(LOG_CAPTURE);
    }

    @AfterAll
    static void releaseLogs() {
        Logger.getLogger("").removeHandler(LOG_CAPTURE);
    }

    /** One HTTP engine under test: its wire format, how to make it, and a budget it runs. */
    record Kind(String id, FaultHttpServer.Dialect dialect, Function<URI, ReasoningEngine> engine, Budget budget) {
        @Override
        public String toString() {
            return id;
        }
    }

    /** What a fault must end in. */
    record Expected(FailureKind kind, boolean partial, String[] says) {
        static Expected fails(FailureKind kind, boolean partial, String... says) {
            return new Expected(kind, partial, says);
        }

        static Expected finishes(String... says) {
            return new Expected(null, false, says);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : kinds()) {
            for (Fault fault : Fault.values()) {
                if (fault != Fault.NONE) {
                    all.add(Arguments.of(kind, fault));
                }
            }
            all.add(Arguments.of(kind, null)); // null: a refused connection
        }
        return all.stream();
    }

    private static Expected expected(Fault fault) {
        if (fault == null) {
            return Expected.fails(FailureKind.UNREACHABLE, false, "Cannot reach", "running");
        }
        return switch (fault) {
            case NONE -> Expected.finishes();
            case UNAUTHORIZED -> Expected.fails(FailureKind.AUTHENTICATION, false, "HTTP 401", KEY_VARIABLE);
            case FORBIDDEN -> Expected.fails(FailureKind.AUTHENTICATION, false, "HTTP 403", KEY_VARIABLE);
            case MODEL_NOT_FOUND -> Expected.fails(FailureKind.MODEL_NOT_FOUND, false, "'m'");
            case RATE_LIMITED_LONG -> Expected.fails(FailureKind.RATE_LIMITED, false, "HTTP 429", "wait 2 min",
                    "retry after");
            case RATE_LIMITED_SHORT -> Expected.finishes();
            case SERVER_ERROR -> Expected.fails(FailureKind.SERVER_ERROR, false, "HTTP 500", "CUDA error");
            case UNAVAILABLE -> Expected.fails(FailureKind.SERVER_ERROR, false, "HTTP 503", "Loading model");
            case OVERLOADED -> Expected.fails(FailureKind.SERVER_ERROR, false, "HTTP 529", "Overloaded");
            case IN_STREAM_ERROR -> Expected.fails(FailureKind.SERVER_ERROR, true, "the model crashed");
            case CUT -> Expected.fails(FailureKind.STREAM_CUT, true, "ended");
            case RESET -> Expected.fails(FailureKind.STREAM_CUT, true);
            case MALFORMED_LINE -> Expected.fails(FailureKind.MALFORMED_STREAM, true, "does not parse");
            case STALL_BEFORE_HEADERS -> Expected.fails(FailureKind.TIMEOUT, false, "sent nothing for 800 ms");
            case STALL_MID_BODY -> Expected.fails(FailureKind.TIMEOUT, true, "sent nothing for 800 ms");
            case HTML_200 -> Expected.fails(FailureKind.MALFORMED_STREAM, false, "HTML page titled",
                    "Sign in to Hotel Wi-Fi");
            case HTML_502 -> Expected.fails(FailureKind.SERVER_ERROR, false, "HTTP 502", "502 Bad Gateway");
            case TEN_MB_LINE, ENDLESS_LINE -> Expected.fails(FailureKind.MALFORMED_STREAM, true, "a line over 8 MB");
            case INVALID_UTF8 -> Expected.finishes();
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyFaultEndsInOneClearTerminalEventAndLeavesTheOthersAlone(Kind kind, Fault fault) throws Exception {
        Expected expected = expected(fault);
        boolean stall = fault == Fault.STALL_BEFORE_HEADERS || fault == Fault.STALL_MID_BODY;
        silence = stall ? SILENCE : Duration.ofSeconds(20);
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        synchronized (LOGGED) {
            LOGGED.clear();
        }
        try (FaultHttpServer faulty = new FaultHttpServer(kind.dialect(), fault == null ? Fault.NONE : fault, CANARY);
             FaultHttpServer healthy = new FaultHttpServer(kind.dialect(), Fault.NONE, CANARY)) {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            URI target = fault == null ? closedPort() : faulty.rootUrl();
            CollectingSink bad = new CollectingSink();
            CollectingSink good = new CollectingSink();
            RunHandle badRun = kind.engine().apply(target).start(spec(kind), bad);
            RunHandle goodRun = kind.engine().apply(healthy.rootUrl()).start(spec(kind), good);
            bad.awaitEnd(badRun);
            good.awaitEnd(goodRun);

            assertThat(bad.terminals()).as("terminal events of %s", bad.kinds()).hasSize(1);
            assertThat(bad.events().getLast()).isSameAs(bad.terminals().getFirst());
            assertThat(good.terminals()).as("the healthy run beside it: %s", good.kinds())
                    .singleElement().isInstanceOf(ReasoningEvent.Finished.class);
            if (expected.kind() == null) {
                assertThat(bad.terminals().getFirst()).as("%s", bad.kinds()).isInstanceOf(ReasoningEvent.Finished.class);
                if (fault == Fault.RATE_LIMITED_SHORT) {
                    assertThat(bad.ofType(ReasoningEvent.RetryWaiting.class)).singleElement()
                            .satisfies(w -> assertThat(w.waitMillis()).isEqualTo(1000))
                            .satisfies(w -> assertThat(w.reason()).contains("HTTP 429"));
                    assertThat(faulty.posts()).isGreaterThanOrEqualTo(2);
                    // the second of waiting is the server's, not the model's: the times are the answering attempt's
                    dev.thinkbench.core.RunRecorder recorder = new dev.thinkbench.core.RunRecorder(null);
                    bad.events().forEach(recorder::accept);
                    dev.thinkbench.core.RunMetrics m = recorder.metrics(System.nanoTime());
                    assertThat(m.retryWaitMs()).isEqualTo(1000);
                    long span = (bad.events().getLast().nanos() - bad.events().getFirst().nanos()) / 1_000_000;
                    assertThat(m.totalMs()).as("the run's time without the wait")
                            .isCloseTo(span - 1000, org.assertj.core.data.Offset.offset(1L));
                }
                if (fault == Fault.INVALID_UTF8) {
                    assertThat(bad.thinking() + bad.answer()).contains("\uFFFD");
                }
            } else {
                ReasoningEvent.Failed failed = bad.failure();
                assertThat(failed.kind()).as(failed.message()).isEqualTo(expected.kind());
                for (String said : expected.says()) {
                    assertThat(failed.message()).contains(said);
                }
                assertThat(failed.message()).doesNotContain("\tat ")
                        .doesNotContainPattern("\\b(java|javax|sun|dev\\.langchain4j)\\.[a-z]+\\.")
                        .contains(fault == null ? target.getHost() : faulty.rootUrl().getHost());
                if (fault == Fault.RATE_LIMITED_LONG) {
                    assertThat(failed.retryAfter()).as("the wait reaches the event").isEqualTo(Duration.ofSeconds(120));
                }
                if (expected.partial()) {
                    assertThat(bad.thinking()).startsWith("Let me think");
                    assertThat(failed.message()).endsWith("What arrived before is kept.");
                } else {
                    assertThat(bad.thinking() + bad.answer()).isEmpty();
                    assertThat(failed.message()).doesNotContain("kept");
                }
            }
        } finally {
            System.setErr(err);
        }
        assertNoCanaryNorWarnings(printed.toString(StandardCharsets.UTF_8));
    }

    private static void assertNoCanaryNorWarnings(String stderr) {
        List<String> texts = new ArrayList<>();
        texts.add(stderr);
        synchronized (LOGGED) {
            for (LogRecord r : LOGGED) {
                texts.add(String.valueOf(r.getMessage()));
                if (r.getThrown() != null) {
                    texts.add(String.valueOf(r.getThrown()));
                }
            }
        }
        for (String text : texts) {
            for (int i = 0; i + 8 <= CANARY.length(); i++) {
                assertThat(text).doesNotContain(CANARY.substring(i, i + 8));
            }
        }
        assertThat(stderr).as("nothing printed a stack trace").doesNotContain("\tat ");
        synchronized (LOGGED) {
            assertThat(LOGGED).as("no warnings logged").noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        }
    }

    private static RunSpec spec(Kind kind) {
        return new RunSpec("What is 6 x 7?", "", "m", kind.budget(), null);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    private static EngineConfig config(String id, URI base) {
        return new EngineConfig(id, base, CANARY, silence, KEY_VARIABLE);
    }

    private static ReasoningEngine raw(String id, URI base) {
        EngineRegistry.Entry kind = RawBackendKinds.standard().stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow();
        return RawEngines.create(kind, config(id, base), ChatTemplates.CHATML_THINK);
    }

    private static URI under(URI root, String path) {
        return URI.create(root + path);
    }

    static List<Kind> kinds() {
        Budget effort = new Budget.Effort(EffortLevel.HIGH);
        Budget forcing = BudgetSpec.parse("force:min=0,max=64");
        return List.of(
                new Kind("ollama", new OllamaChat(), root -> new OllamaEngine(config("ollama", root)), effort),
                new Kind("openai-compatible", new OpenAiChat(),
                        root -> new OpenAiCompatEngine(config("openai-compatible", under(root, "/v1"))), effort),
                new Kind("llama-server", new LlamaServer(), root -> raw("llama-server", root), forcing),
                new Kind("openai-completions", new Completions(),
                        root -> raw("openai-completions", under(root, "/v1")), forcing),
                new Kind("ollama-raw", new OllamaGenerate(), root -> raw("ollama-raw", root), forcing),
                new Kind("deepseek-prefix", new DeepSeekPrefix(),
                        root -> raw("deepseek-prefix", under(root, "/beta")), forcing),
                new Kind("anthropic", new AnthropicMessages(),
                        root -> new AnthropicEngine(config("anthropic", under(root, "/v1")), HostedModels.empty()),
                        effort),
                new Kind("openai", new OpenAiResponses(),
                        root -> new OpenAiResponsesEngine(config("openai", under(root, "/v1")), HostedModels.empty()),
                        effort),
                new Kind("gemini", new GeminiStream(),
                        root -> new GeminiEngine(config("gemini", under(root, "/v1beta")), HostedModels.empty()),
                        effort),
                new Kind("deepseek", new DeepSeekThinking(),
                        root -> new DeepSeekEngine(config("deepseek", root), HostedModels.empty()), effort));
    }

    private static String q(String text) {
        return "\"" + FaultHttpServer.escape(text) + "\"";
    }

    /** Ollama's {@code /api/chat} NDJSON. */
    static final class OllamaChat implements FaultHttpServer.Dialect {
        public String contentType() {
            return "application/x-ndjson";
        }

        public String thinking(String text) {
            return "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":" + q(text)
                    + "},\"done\":false}\n";
        }

        public String done() {
            return "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"42\"},\"done\":false}\n"
                    + "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                    + "\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":7}\n";
        }

        public String error(String message) {
            return "{\"error\":" + q(message) + "}\n";
        }
    }

    /** OpenAI-style {@code /v1/chat/completions} server-sent events with {@code reasoning_content}. */
    static class OpenAiChat implements FaultHttpServer.Dialect {
        public String contentType() {
            return "text/event-stream";
        }

        public String thinking(String text) {
            return "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":" + q(text) + "}}]}\n\n";
        }

        public String done() {
            return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"42\"}}]}\n\n"
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}\n\n"
                    + "data: [DONE]\n\n";
        }

        public String error(String message) {
            return "data: {\"error\":{\"message\":" + q(message) + ",\"type\":\"server_error\"}}\n\n";
        }
    }

    /** DeepSeek's prefix completion: the chat stream, continuing {@code reasoning_content}. */
    static final class DeepSeekPrefix extends OpenAiChat {
    }

    /** DeepSeek's chat API in thinking mode: the chat stream with {@code reasoning_content}. */
    static final class DeepSeekThinking extends OpenAiChat {
    }

    /** Anthropic's Messages stream: named events, a thinking block opened before its deltas. */
    static final class AnthropicMessages implements FaultHttpServer.Dialect {
        public String contentType() {
            return "text/event-stream";
        }

        public String prelude() {
            return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"m\","
                    + "\"stop_reason\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n"
                    + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}\n\n";
        }

        public String thinking(String text) {
            return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":" + q(text) + "}}\n\n";
        }

        public String done() {
            return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM\"}}\n\n"
                    + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                    + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                    + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"42\"}}\n\n"
                    + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
                    + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                    + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}}\n\n"
                    + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        }

        public String error(String message) {
            return "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
                    + q(message) + "}}\n\n";
        }
    }

    /** OpenAI's Responses stream: reasoning summary deltas, output text, {@code response.completed}. */
    static final class OpenAiResponses implements FaultHttpServer.Dialect {
        public String contentType() {
            return "text/event-stream";
        }

        public String prelude() {
            return "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"
                    + "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\","
                    + "\"model\":\"m\",\"output\":[]}}\n\n";
        }

        public String thinking(String text) {
            return "event: response.reasoning_summary_text.delta\ndata: {\"type\":"
                    + "\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,"
                    + "\"summary_index\":0,\"delta\":" + q(text) + ",\"sequence_number\":1}\n\n";
        }

        public String done() {
            return "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                    + "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"42\","
                    + "\"sequence_number\":2}\n\n"
                    + "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":3,"
                    + "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\","
                    + "\"model\":\"m\",\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"role\":"
                    + "\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"42\"}]}],"
                    + "\"usage\":{\"input_tokens\":5,\"output_tokens\":7,\"output_tokens_details\":"
                    + "{\"reasoning_tokens\":6},\"total_tokens\":12}}}\n\n";
        }

        public String error(String message) {
            return "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":"
                    + q(message) + ",\"param\":null,\"sequence_number\":2}\n\n";
        }
    }

    /** Gemini's {@code streamGenerateContent?alt=sse}: thought parts, then the answer with finishReason and usage. */
    static final class GeminiStream implements FaultHttpServer.Dialect {
        public String contentType() {
            return "text/event-stream";
        }

        public String thinking(String text) {
            return "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + q(text)
                    + ",\"thought\":true}],\"role\":\"model\"},\"index\":0}]}\n\n";
        }

        public String done() {
            return "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"42\"}],\"role\":\"model\"},"
                    + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,"
                    + "\"candidatesTokenCount\":1,\"thoughtsTokenCount\":6,\"totalTokenCount\":12},"
                    + "\"modelVersion\":\"m\"}\n\n";
        }

        public String error(String message) {
            return "data: {\"error\":{\"code\":500,\"message\":" + q(message) + ",\"status\":\"INTERNAL\"}}\n\n";
        }
    }

    /** llama.cpp's {@code /completion} server-sent events. */
    static final class LlamaServer implements FaultHttpServer.Dialect {
        public String contentType() {
            return "text/event-stream";
        }

        public String thinking(String text) {
            return "data: {\"content\":" + q(text) + ",\"stop\":false}\n\n";
        }

        public String done() {
            return "data: {\"content\":\"\",\"stop\":true,\"stop_type\":\"eos\",\"tokens_predicted\":3,"
                    + "\"tokens_evaluated\":9}\n\n";
        }

        public String error(String message) {
            return "data: {\"error\":{\"code\":500,\"message\":" + q(message) + ",\"type\":\"server_error\"}}\n\n";
        }
    }

    /** OpenAI-style {@code /v1/completions} server-sent events. */
    static final class Completions implements FaultHttpServer.Dialect {
        public String contentType() {
            return "text/event-stream";
        }

        public String thinking(String text) {
            return "data: {\"choices\":[{\"index\":0,\"text\":" + q(text) + ",\"finish_reason\":null}]}\n\n";
        }

        public String done() {
            return "data: {\"choices\":[{\"index\":0,\"text\":\"\",\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: [DONE]\n\n";
        }

        public String error(String message) {
            return "data: {\"error\":{\"message\":" + q(message) + "}}\n\n";
        }
    }

    /** Ollama's {@code /api/generate} NDJSON. */
    static final class OllamaGenerate implements FaultHttpServer.Dialect {
        public String contentType() {
            return "application/x-ndjson";
        }

        public String thinking(String text) {
            return "{\"model\":\"m\",\"response\":" + q(text) + ",\"done\":false}\n";
        }

        public String done() {
            return "{\"model\":\"m\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":9,"
                    + "\"eval_count\":3}\n";
        }

        public String error(String message) {
            return "{\"error\":" + q(message) + "}\n";
        }
    }
}
