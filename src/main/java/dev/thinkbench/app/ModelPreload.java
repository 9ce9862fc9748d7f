package dev.thinkbench.app;

import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.ui.connection.ConnectionViewModel;

/**
 * Loads the built-in engine's model as soon as it is chosen (in the engine bar, the welcome or the Models tab), so the
 * first run's times start at the request and a model llama.cpp refuses says so at once. Server engines load their
 * own models. Call on the FX thread.
 */
final class ModelPreload {

    private ModelPreload() {
    }

    static void install(ConnectionViewModel connection, LocalBackends builtin) {
        connection.setModelPreloader((engineId, model) -> LocalCompletionBackend.ID.equals(engineId)
                ? () -> builtin.backend(model).loadModel() : null);
    }
}
