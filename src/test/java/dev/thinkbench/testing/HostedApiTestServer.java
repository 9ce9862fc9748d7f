package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;

/**
 * A test double: a loopback server that answers like one hosted reasoning API, at that API's paths, with its key
 * header and its error shapes. The streaming path plays queued {@link ScriptedReply}s (build them with
 * {@link AnthropicScript}, {@link ResponsesScript}, {@link GeminiScript}, or {@link OpenAiChatScript} for DeepSeek);
 * the model listing answers in the API's own shape; with {@link #requireKey} a request without the key gets the API's
 * own refusal (Gemini's is a 400 with {@code API_KEY_INVALID}). Anything else answers a 404.
 *
 * <pre>{@code
 * try (HostedApiTestServer server = HostedApiTestServer.anthropic()) {
 *     server.models("claude-sonnet-4-5").requireKey("sk-ant-test");
 *     server.script(AnthropicScript.of("claude-sonnet-4-5").start(12).thinking("Hm").signature("Eq")
 *             .text("42").stop("end_turn", 30).build());
 *     engine = new AnthropicEngine(new EngineConfig("anthropic", server.baseUrl(), "sk-ant-test", t), models);
 * }
 * }</pre>
 */
public final class HostedApiTestServer extends LoopbackServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One API's paths, key header and error shapes. */
    public enum Api {
        ANTHROPIC("/v1", "/messages", "/models", "x-api-key", ""),
        OPENAI_RESPONSES("/v1", "/responses", "/models", "authorization", "Bearer "),
        GEMINI("/v1beta", ":streamGenerateContent", "/models", "x-goog-api-key", ""),
        DEEPSEEK("", "/chat/completions", "/models", "authorization", "Bearer ");

        private final String base;
        private final String stream;
        private final String models;
        private final String keyHeader;
        private final String keyPrefix;

        Api(String base, String stream, String models, String keyHeader, String keyPrefix) {
            this.base = base;
            this.stream = stream;
            this.models = models;
            this.keyHeader = keyHeader;
            this.keyPrefix = keyPrefix;
        }
    }

    private final Api api;
    private volatile List<String> models = List.of();
    private volatile String requiredKey;

    private HostedApiTestServer(Api api) {
        this.api = api;
    }

    public static HostedApiTestServer anthropic() {
        return new HostedApiTestServer(Api.ANTHROPIC);
    }

    public static HostedApiTestServer openAiResponses() {
        return new HostedApiTestServer(Api.OPENAI_RESPONSES);
    }

    public static HostedApiTestServer gemini() {
        return new HostedApiTestServer(Api.GEMINI);
    }

    public static HostedApiTestServer deepSeek() {
        return new HostedApiTestServer(Api.DEEPSEEK);
    }

    /** The base URL to configure the engine with, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUrl() {
        return URI.create(rootUrl() + api.base);
    }

    /** The models the listing names. */
    public HostedApiTestServer models(String... ids) {
        this.models = List.of(ids);
        return this;
    }

    /** From now on, requests without this key (in the API's header) are refused as the API refuses them. */
    public HostedApiTestServer requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** The streaming requests so far. */
    public List<RecordedRequest> streamRequests() {
        return requests().stream().filter(r -> r.method().equals("POST") && isStream(r.path())).toList();
    }

    private boolean isStream(String path) {
        return api == Api.GEMINI ? path.startsWith(api.base + "/models/") && path.endsWith(api.stream)
                : path.equals(api.base + api.stream);
    }

    @Override
    protected ScriptedReply route(RecordedRequest request) {
        String key = requiredKey;
        if (key != null && !(api.keyPrefix + key).equals(request.header(api.keyHeader))) {
            return refusedKey();
        }
        if (request.method().equals("POST") && isStream(request.path())) {
            return nextReply(request);
        }
        if (request.method().equals("GET") && request.path().equals(api.base + api.models)) {
            return ScriptedReply.status(200, listing());
        }
        return ScriptedReply.status(404, error(404, "not_found_error", "Not found: " + request.path()));
    }

    /** The API's answer to a wrong or missing key. */
    private ScriptedReply refusedKey() {
        return switch (api) {
            case ANTHROPIC -> ScriptedReply.status(401, error(401, "authentication_error", "invalid x-api-key"));
            case GEMINI -> ScriptedReply.status(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. "
                    + "Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                    + "\"domain\":\"googleapis.com\"}]}}");
            default -> ScriptedReply.status(401, error(401, "invalid_request_error", "Incorrect API key provided."));
        };
    }

    /** An error body in the API's shape. */
    public String error(int code, String type, String message) {
        ObjectNode n = JSON.createObjectNode();
        switch (api) {
            case ANTHROPIC -> {
                n.put("type", "error").put("request_id", "req_test");
                n.putObject("error").put("type", type).put("message", message);
            }
            case GEMINI -> n.putObject("error").put("code", code).put("message", message).put("status", type);
            default -> n.putObject("error").put("message", message).put("type", type).putNull("param")
                    .put("code", type);
        }
        return n.toString();
    }

    private String listing() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray(api == Api.GEMINI ? "models" : "data");
        for (String id : models) {
            switch (api) {
                case ANTHROPIC -> list.addObject().put("type", "model").put("id", id).put("display_name", "Claude "
                        + id);
                case GEMINI -> list.addObject().put("name", "models/" + id).put("displayName", id);
                default -> list.addObject().put("id", id).put("object", "model").put("owned_by", "test");
            }
        }
        if (api == Api.ANTHROPIC) {
            root.put("has_more", false);
        }
        return root.toString();
    }
}
