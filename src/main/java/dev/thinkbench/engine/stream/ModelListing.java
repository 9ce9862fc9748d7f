package dev.thinkbench.engine.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lists a chat server's models from one JSON document: {@code GET path} answers an object whose {@code field} is an
 * array with one entry per model. Each protocol says how an entry reads; entries without a name are left out.
 *
 * <p>Threading: {@link #list()} blocks; call it off the UI thread. Immutable, thread-safe.
 */
public final class ModelListing implements UnknownModelCheck.Lister {

    private final ChatServer server;
    private final String path;
    private final String field;
    private final String withoutList;
    private final Function<JsonNode, ModelInfo> entry;

    /**
     * @param path appended to the server's base URL, e.g. {@code /api/tags}
     * @param field the array that lists the models, e.g. {@code models}
     * @param withoutList what the answer lacked when {@code field} is no array, and what that suggests, e.g.
     *                    {@code a "models" list; is this an Ollama server?}
     * @param entry reads one entry; a blank name leaves it out
     */
    public ModelListing(ChatServer server, String path, String field, String withoutList,
                        Function<JsonNode, ModelInfo> entry) {
        this.server = server;
        this.path = path;
        this.field = field;
        this.withoutList = withoutList;
        this.entry = entry;
    }

    /**
     * The server's models, in its order.
     *
     * @throws EngineException as {@link dev.thinkbench.engine.http.ServerClient} words it, or MALFORMED_STREAM when the answer has no such list
     */
    @Override
    public List<ModelInfo> list() throws EngineException {
        JsonNode models = server.getJson(path).get(field);
        if (models == null || !models.isArray()) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, server.describe() + " answered " + path
                    + " without " + withoutList);
        }
        List<ModelInfo> result = new ArrayList<>();
        for (JsonNode m : models) {
            ModelInfo info = entry.apply(m);
            if (!info.name().isBlank()) {
                result.add(info);
            }
        }
        return List.copyOf(result);
    }
}
