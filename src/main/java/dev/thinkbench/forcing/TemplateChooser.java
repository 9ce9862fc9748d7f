package dev.thinkbench.forcing;

import dev.thinkbench.engine.ChatTemplateSource;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.EngineException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the chat template a forcing engine lays a model's prompt out with, at the start of each run. Either one
 * fixed template for every model (an HTTP server whose template the user names), or per model: the built-in
 * template the backend names for it ({@link ChatTemplateSource#chatTemplateName()}: a download catalog's entry, a
 * DeepSeek-R1 distill, the bundled micro model), else the model's own Jinja template
 * ({@link ChatTemplateSource#chatTemplate()}, e.g. a GGUF's {@code tokenizer.chat_template}) with the given thinking
 * markers, else a fallback. A model's choice is remembered, so its file is read once.
 *
 * <p>Thread-safe; {@link #choose} blocks (it may read the model file or ask its server), so call it on the run's
 * thread, never the UI thread.
 */
public final class TemplateChooser {

    private final ChatTemplate fallback;
    private final TemplateMarkers jinjaMarkers;
    private final boolean perModel;
    private final Map<String, ChatTemplate> chosen = new ConcurrentHashMap<>();

    private TemplateChooser(ChatTemplate fallback, TemplateMarkers jinjaMarkers, boolean perModel) {
        if (fallback == null) {
            throw new IllegalArgumentException("a template chooser needs a template to fall back on");
        }
        this.fallback = fallback;
        this.jinjaMarkers = jinjaMarkers;
        this.perModel = perModel;
    }

    /** The same template for every model. */
    public static TemplateChooser fixed(ChatTemplate template) {
        return new TemplateChooser(template, null, false);
    }

    /**
     * A template per model, as the class comment describes.
     *
     * @param fallback for a model the backend knows nothing about (e.g. {@link ChatTemplates#CHATML_THINK})
     * @param jinjaMarkers the thinking markers used with a model's own Jinja template
     */
    public static TemplateChooser perModel(ChatTemplate fallback, TemplateMarkers jinjaMarkers) {
        if (jinjaMarkers == null) {
            throw new IllegalArgumentException("a per-model chooser needs the markers for Jinja templates");
        }
        return new TemplateChooser(fallback, jinjaMarkers, true);
    }

    /**
     * The per-model chooser the built-in engine, the Stepper and {@code --template model} use: the template the
     * backend names for the model, else its own Jinja template with {@link TemplateMarkers#THINK}, else
     * {@link ChatTemplates#CHATML_THINK}.
     */
    public static TemplateChooser byModel() {
        return perModel(ChatTemplates.CHATML_THINK, TemplateMarkers.THINK);
    }

    /** The name of the {@code --template} choice that means "the model's own template" ({@link #forOption}). */
    public static final String MODEL_OPTION = "model";

    /**
     * The chooser a command's {@code --template} asks for: {@value #MODEL_OPTION} for the model's own template
     * (per model, as {@link #perModel}, falling back on {@link ChatTemplates#CHATML_THINK} with
     * {@link TemplateMarkers#THINK}), else the built-in template or Jinja file named, for every model.
     *
     * @throws IllegalArgumentException for an unknown name or a file that cannot be read or rendered
     */
    public static TemplateChooser forOption(String nameOrFile) {
        return forOption(nameOrFile, TemplateMarkers.THINK);
    }

    /**
     * As {@link #forOption(String)}, with {@code markers} for a Jinja template (the model's own or a file's); a
     * template the backend names for the model (e.g. {@code gpt-oss} for a gpt-oss file) comes first, with its own
     * markers.
     *
     * @throws IllegalArgumentException for an unknown name or a file that cannot be read or rendered
     */
    public static TemplateChooser forOption(String nameOrFile, TemplateMarkers markers) {
        if (nameOrFile != null && nameOrFile.strip().equals(MODEL_OPTION)) {
            return perModel(ChatTemplates.CHATML_THINK, markers);
        }
        return fixed(ChatTemplates.resolve(nameOrFile, markers));
    }

    /** The template for models nothing is known about; for a fixed chooser, the template. */
    public ChatTemplate fallback() {
        return fallback;
    }

    /** Whether each model gets its own template ({@link #fallback()} only for models nothing is known about). */
    public boolean perModel() {
        return perModel;
    }

    /** For engine names: {@code chatml-think}, or {@code per model (else chatml-think)}. */
    public String label() {
        return perModel ? "per model (else " + fallback.name() + ")" : fallback.name();
    }

    /**
     * The template for runs of {@code model} on {@code backend}. A model file that cannot be read gets the fallback
     * (the run then fails with the backend's own message about the file), as does a Jinja template that does not
     * render.
     *
     * @throws IllegalArgumentException when the backend names a template that does not exist (a catalog typo)
     */
    public ChatTemplate choose(String model, CompletionBackend backend) {
        if (!perModel || !(backend instanceof ChatTemplateSource source)) {
            return fallback;
        }
        // the backend's own model name too: a blank request resolves to whichever model is installed first
        String key = (model == null ? "" : model) + "\u0000" + backend.model();
        ChatTemplate known = chosen.get(key);
        if (known != null) {
            return known;
        }
        ChatTemplate template = choose(source);
        chosen.put(key, template);
        return template;
    }

    private ChatTemplate choose(ChatTemplateSource source) {
        Optional<String> name;
        try {
            name = source.chatTemplateName();
        } catch (EngineException unreadable) {
            return fallback;
        }
        if (name.isPresent()) {
            return ChatTemplates.named(name.get());
        }
        try {
            return ChatTemplates.fromModel(source, jinjaMarkers).orElse(fallback);
        } catch (EngineException | IllegalArgumentException doesNotRender) {
            // an unreadable file fails the run with the backend's message anyway; a Jinja template this renderer
            // cannot run still leaves the default layout, which fits most reasoning models
            return fallback;
        }
    }
}
