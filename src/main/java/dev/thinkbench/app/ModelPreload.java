package dev.thinkbench.app;

import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.connection.ModelFileMissingException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the built-in engine's model as soon as it is chosen (in the engine bar, the welcome or the Models tab), so the
 * first run's times start at the request and a model llama.cpp refuses says so at once, as does a model whose file
 * does not exist. Server engines load their own models. Call on the FX thread.
 */
final class ModelPreload {

    private ModelPreload() {
    }

    static void install(ConnectionViewModel connection, LocalBackends builtin) {
        connection.setModelPreloader((engineId, model) -> LocalCompletionBackend.ID.equals(engineId)
                ? () -> load(builtin, model) : null);
    }

    /** A file that is not there is said as such (with what to do), not as the load's failure. */
    private static Long load(LocalBackends builtin, String model) throws Exception {
        Path file = builtin.resolve(model);
        if (Files.notExists(file)) {
            throw new ModelFileMissingException(file.toString());
        }
        return builtin.backend(model).loadModel();
    }
}
