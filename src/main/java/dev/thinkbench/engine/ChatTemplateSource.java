package dev.thinkbench.engine;

import java.util.Optional;

/**
 * A backend that can tell the model's chat template: by the name of a well-known layout (a download catalog's entry,
 * the model family in a GGUF's metadata) or as the model's own Jinja text (llama.cpp server {@code /props}, a GGUF's
 * {@code tokenizer.chat_template}). Blocks the calling thread; call it off the UI thread.
 */
public interface ChatTemplateSource {

    /** The model's Jinja chat template text, empty when the server or file carries none. */
    Optional<String> chatTemplate() throws EngineException;

    /**
     * The name of a built-in template the model is known to use (e.g. {@code deepseek-r1}, {@code chatml-think}),
     * preferred to {@link #chatTemplate()} when present; empty when nothing is known (the default).
     */
    default Optional<String> chatTemplateName() throws EngineException {
        return Optional.empty();
    }
}
