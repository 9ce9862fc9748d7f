package dev.thinkbench.engine.stream;

import dev.thinkbench.engine.http.Endpoint;

import dev.thinkbench.engine.http.Failure;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;

import java.util.List;

/**
 * Explains a "not found" answer to a chat request by asking the server for its models: either the model is not there
 * (say which ones are), or the server is not where the base URL points (the listing fails too), or it is something
 * else (the original failure stands).
 *
 * <p>Threading: blocks while listing; call it on a run's own thread.
 */
public final class UnknownModelCheck {

    /** Lists a server's models. */
    @FunctionalInterface
    public interface Lister {
        List<ModelInfo> list() throws EngineException;
    }

    private static final int MAX_NAMES = 20;

    private UnknownModelCheck() {
    }

    /**
     * The failure explained, or unchanged where {@link Failure#mayBeUnknownModel()} does not hold (then nothing is
     * listed).
     *
     * @param failure the chat request's failure
     * @param model the model the run asked for
     * @param endpoint the server, to name it
     * @param howToGet what the user can do to get a model, e.g. "Pull it with: ollama pull NAME", or empty
     */
    public static Failure diagnose(Failure failure, String model, Endpoint endpoint, Lister lister,
                                   String howToGet) {
        if (!failure.mayBeUnknownModel()) {
            return failure;
        }
        List<ModelInfo> models;
        try {
            models = lister.list();
        } catch (EngineException e) {
            return e.kind() == FailureKind.UNREACHABLE ? Failure.of(FailureKind.UNREACHABLE, e.getMessage())
                    : failure;
        }
        if (models.stream().anyMatch(m -> sameModel(m.name(), model))) {
            if (failure.httpStatus() != null && failure.httpStatus() == 404) {
                return new Failure(FailureKind.UNREACHABLE, failure.message()
                        + " The server does list '" + model + "', so the chat path is wrong: check the base URL.",
                        failure.httpStatus(), failure.serverMessage(), null);
            }
            return failure;
        }
        StringBuilder m = new StringBuilder("Model '").append(model).append("' is not on ").append(endpoint.describe());
        if (failure.serverMessage() != null) {
            m.append(" (it said: ").append(failure.serverMessage()).append(')');
        }
        m.append(". ");
        if (models.isEmpty()) {
            m.append("It has no models yet.");
        } else {
            m.append("It has: ").append(String.join(", ", models.stream().limit(MAX_NAMES)
                    .map(ModelInfo::name).toList()));
            if (models.size() > MAX_NAMES) {
                m.append(" and ").append(models.size() - MAX_NAMES).append(" more");
            }
            m.append('.');
        }
        if (!howToGet.isEmpty()) {
            m.append(' ').append(howToGet);
        }
        return new Failure(FailureKind.MODEL_NOT_FOUND, m.toString(), failure.httpStatus(),
                failure.serverMessage(), null);
    }

    /** Ollama names the default tag {@code :latest}; "qwen3" and "qwen3:latest" are the same model. */
    static boolean sameModel(String available, String requested) {
        return available.equals(requested) || available.equals(requested + ":latest")
                || requested.equals(available + ":latest");
    }
}
