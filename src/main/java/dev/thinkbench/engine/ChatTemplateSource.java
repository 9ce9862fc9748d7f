package dev.thinkbench.engine;

import java.util.Optional;

/**
 * A backend that can tell the model's own chat template (llama.cpp server {@code /props}, a GGUF's
 * {@code tokenizer.chat_template}). Blocks the calling thread; call it off the UI thread.
 */
public interface ChatTemplateSource {

    /** The model's Jinja chat template text, empty when the server or file carries none. */
    Optional<String> chatTemplate() throws EngineException;
}
