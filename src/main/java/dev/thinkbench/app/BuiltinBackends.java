package dev.thinkbench.app;

import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.raw.RawBackendSpec;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.lab.settings.UserDirectories;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wires the built-in engine (llama.cpp in a child JVM) in as a raw backend, engine id {@code builtin}: the model is a
 * GGUF path, or a file name in the models folder. One engine process is shared and started on first use; it ends
 * with the JVM.
 */
final class BuiltinBackends {

    private static LocalEngineProcess process;

    private BuiltinBackends() {
    }

    /** The standard raw backends plus {@code builtin}. */
    static RawBackends withBuiltin(RawBackends kinds) {
        return kinds.add(new RawBackends.Kind(LocalCompletionBackend.ID, "Built-in engine (llama.cpp, GGUF)",
                "http://127.0.0.1", "", BuiltinBackends::create));
    }

    private static CompletionBackend create(RawBackendSpec spec) {
        return new LocalCompletionBackend(process(), resolve(spec.model()), LocalEngineSettings.defaults());
    }

    /** @throws IllegalArgumentException when neither a file nor a model in the models folder has that name */
    static Path resolve(String model) {
        Path direct = Path.of(model);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path folder = ModelStore.inDataDirectory(UserDirectories.data()).directory();
        for (String name : new String[] {model, model + ".gguf"}) {
            Path inFolder = folder.resolve(name);
            if (Files.isRegularFile(inFolder)) {
                return inFolder;
            }
        }
        throw new IllegalArgumentException("no GGUF model '" + model + "': give a file path or the name of a model in "
                + folder);
    }

    private static synchronized LocalEngineProcess process() {
        if (process == null) {
            process = new LocalEngineProcess();
            LocalEngineProcess started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "thinkbench-engine-stop"));
        }
        return process;
    }
}
