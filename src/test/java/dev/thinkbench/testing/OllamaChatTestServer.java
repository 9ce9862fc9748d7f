package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;

/**
 * A loopback Ollama for tests: {@code POST /api/chat} plays queued {@link ScriptedReply}s (build them with
 * {@link OllamaChatScript}), {@code GET /api/tags} lists the models set with {@link #models}, anything else answers 404
 * {@code 404 page not found} like Ollama.
 *
 * <pre>{@code
 * try (OllamaChatTestServer ollama = OllamaChatTestServer.start()) {
 *     ollama.models("qwen3:8b");
 *     ollama.script(OllamaChatScript.of("qwen3:8b").thinking("Let me", " think").answer("42").done());
 *     engine = new OllamaEngine(new EngineConfig("ollama", ollama.baseUrl(), null, Duration.ofSeconds(5)));
 *     ...
 *     JsonNode body = ollama.chatRequests().getFirst().json();   // "think", "options.num_predict", ...
 * }
 * }</pre>
 */
public final class OllamaChatTestServer extends LoopbackServer {

    public static final String CHAT = "/api/chat";
    public static final String TAGS = "/api/tags";

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile List<String> models = List.of();
    private volatile ScriptedReply tagsReply;

    private OllamaChatTestServer() {
    }

    /** Starts a server on a free loopback port. */
    public static OllamaChatTestServer start() {
        return new OllamaChatTestServer();
    }

    /** The URL to configure the engine with: {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return rootUrl();
    }

    /** The models {@code /api/tags} lists (family qwen3, 8.2B, Q4_K_M). */
    public OllamaChatTestServer models(String... names) {
        this.models = List.of(names);
        this.tagsReply = null;
        return this;
    }

    /** Answers {@code /api/tags} with {@code reply} instead (e.g. a 500). */
    public OllamaChatTestServer tagsReply(ScriptedReply reply) {
        this.tagsReply = reply;
        return this;
    }

    /** The chat requests so far. */
    public List<RecordedRequest> chatRequests() {
        return requests(CHAT);
    }

    @Override
    protected ScriptedReply route(RecordedRequest request) {
        return switch (request.method() + " " + request.path()) {
            case "POST " + CHAT -> nextReply(request);
            case "GET " + TAGS -> tagsReply != null ? tagsReply : ScriptedReply.status(200, tags());
            default -> new ScriptedReply(404, "text/plain; charset=utf-8", null,
                    List.of(new ScriptedReply.Send("404 page not found")), ScriptedReply.Ending.COMPLETE, null);
        };
    }

    private String tags() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("models");
        for (String name : models) {
            ObjectNode m = list.addObject().put("name", name).put("model", name)
                    .put("modified_at", "2025-06-01T12:00:00Z").put("size", 5_200_000_000L)
                    .put("digest", "sha256:0123456789abcdef");
            m.putObject("details").put("format", "gguf").put("family", "qwen3").put("parameter_size", "8.2B")
                    .put("quantization_level", "Q4_K_M");
        }
        return root.toString();
    }
}
