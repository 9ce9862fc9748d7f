package dev.thinkbench.engine.local.llama;

import java.util.List;

/** llama.cpp's shared libraries are not where the app looked; the message says what to install or set. */
public final class NativeLibrariesMissingException extends LlamaException {

    public NativeLibrariesMissingException(String message) {
        super(message, List.of());
    }
}
