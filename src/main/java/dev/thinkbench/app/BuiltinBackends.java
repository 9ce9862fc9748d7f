package dev.thinkbench.app;

import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.raw.RawBackends;

/**
 * Adds the built-in engine (llama.cpp in a child JVM) to the raw backends as engine id {@code builtin}, so
 * {@code step} and the stepper reach it like the HTTP ones. The model is a GGUF path or a model's name in the models
 * folder; the process is the one the workbench shares.
 */
final class BuiltinBackends {

    private BuiltinBackends() {
    }

    /** The given raw backends plus {@code builtin}, served by {@code builtin}'s shared process. */
    static RawBackends withBuiltin(RawBackends kinds, LocalBackends builtin) {
        return kinds.add(new RawBackends.Kind(LocalCompletionBackend.ID, "Built-in engine (llama.cpp, GGUF)",
                "http://127.0.0.1", "", spec -> builtin.backend(spec.model())));
    }
}
