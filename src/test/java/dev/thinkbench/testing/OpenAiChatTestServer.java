package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;

/**
 * A loopback OpenAI-compatible server for tests (llama.cpp server, vLLM, DeepSeek style):
 * {@code POST /v1/chat/completions} plays queued {@link ScriptedReply}s (build them with {@link OpenAiChatScript}),
 * {@code GET /v1/models} lists the models set with {@link #models}; with {@link #requireApiKey} every {@code /v1}
 * request without {@code Authorization: Bearer KEY} gets OpenAI's 401. Anything else answers a JSON 404.
 *
 * <pre>{@code
 * try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
 *     server.models("deepseek-reasoner");
 *     server.script(OpenAiChatScript.of("deepseek-reasoner").reasoning("Hmm").content("42").finish("stop")
 *             .usage().done());
 *     engine = new OpenAiCompatEngine(new EngineConfig("openai-compatible", server.baseUrl(), null, timeout));
 *     ...
 *     JsonNode body = server.chatRequests().getFirst().json();   // "reasoning_effort", "max_tokens", ...
 * }
 * }</pre>
 */
public final class OpenAiChatTestServer extends LoopbackServer {

    public static final String CHAT = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";
    /** llama-server's own endpoint (no {@code /v1}) that renders the prompt its chat template makes. */
    public static final String APPLY_TEMPLATE = "/apply-template";
    /** llama-server's own endpoint (no {@code /v1}) with its properties, among them what its chat template reads. */
    public static final String PROPS = "/props";

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile List<String> models = List.of();
    private volatile ScriptedReply modelsReply;
    private volatile String requiredKey;
    private volatile String generationPrompt;
    private volatile Boolean templateReadsEffort;

    private OpenAiChatTestServer() {
    }

    /** Starts a server on a free loopback port. */
    public static OpenAiChatTestServer start() {
        return new OpenAiChatTestServer();
    }

    /** The URL to configure the engine with: {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUrl() {
        return URI.create(rootUrl() + "/v1");
    }

    /** The models {@code /v1/models} lists. */
    public OpenAiChatTestServer models(String... ids) {
        this.models = List.of(ids);
        this.modelsReply = null;
        return this;
    }

    /** Answers {@code /v1/models} with {@code reply} instead (e.g. a 500). */
    public OpenAiChatTestServer modelsReply(ScriptedReply reply) {
        this.modelsReply = reply;
        return this;
    }

    /** From now on, {@code /v1} requests need {@code Authorization: Bearer key}; others get a 401. */
    public OpenAiChatTestServer requireApiKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /**
     * From now on, answers {@code POST /apply-template} as llama-server does, its prompt ending with
     * {@code generationPrompt} (e.g. {@code "<|im_start|>assistant\n<think>\n"}); without it, a 404 as vLLM's.
     */
    public OpenAiChatTestServer templateEnds(String generationPrompt) {
        this.generationPrompt = generationPrompt;
        return this;
    }

    /**
     * From now on, answers {@code GET /props} as llama-server does, its {@code chat_template_caps} saying whether the
     * template reads {@code reasoning_effort}; without it, a 404.
     */
    public OpenAiChatTestServer templateReadsEffort(boolean reads) {
        this.templateReadsEffort = reads;
        return this;
    }

    /** The chat requests so far. */
    public List<RecordedRequest> chatRequests() {
        return requests(CHAT);
    }

    @Override
    protected ScriptedReply route(RecordedRequest request) {
        String key = requiredKey;
        if (key != null && request.path().startsWith("/v1/") && !("Bearer " + key).equals(request.header(
                "Authorization"))) {
            return ScriptedReply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided.\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        }
        return switch (request.method() + " " + request.path()) {
            case "POST " + CHAT -> nextReply(request);
            case "GET " + MODELS -> modelsReply != null ? modelsReply : ScriptedReply.status(200, modelList());
            case "POST " + APPLY_TEMPLATE -> generationPrompt == null ? ScriptedReply.status(404,
                    "{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\",\"code\":404}}")
                    : ScriptedReply.status(200, JSON.createObjectNode().put("prompt", "<|im_start|>user\n1 + 1 = ?"
                    + "<|im_end|>\n" + generationPrompt).toString());
            case "GET " + PROPS -> templateReadsEffort == null ? notFound() : ScriptedReply.status(200,
                    "{\"total_slots\":2,\"chat_template_caps\":{\"supports_reasoning_effort\":" + templateReadsEffort
                    + ",\"supports_system_role\":true}}");
            default -> ScriptedReply.status(404,
                    "{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\",\"code\":404}}");
        };
    }

    private static ScriptedReply notFound() {
        return ScriptedReply.status(404, "{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\","
                + "\"code\":404}}");
    }

    private String modelList() {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : models) {
            data.addObject().put("id", id).put("object", "model").put("created", 1_750_000_000L)
                    .put("owned_by", "llamacpp");
        }
        return root.toString();
    }
}
