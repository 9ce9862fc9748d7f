package dev.thinkbench.ui.common;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.forcing.TemplateChooser;

/**
 * Engine names in the window's language. The registry names engines in English (the command line's and the saved
 * sessions' language); where the bundle words an engine ({@code engine.name.<id>}: the built-in engine, whose name
 * is a description, not a product's), the window shows that. Server kinds named after their product or endpoint keep
 * their names.
 */
public final class EngineNames {

    private EngineNames() {
    }

    /** The engine kind's name, e.g. in the engine list. */
    public static String of(EngineRegistry.Entry entry) {
        return of(entry.id(), entry.displayName());
    }

    /** The connected engine's name, with the chat template a forcing engine runs on (the status bar). */
    public static String of(ReasoningEngine engine) {
        if (engine instanceof ForcingReasoningEngine forcing) {
            return Messages.get("status.engineTemplate", of(forcing.id(), forcing.name()), words(forcing.templates()));
        }
        return of(engine.id(), engine.displayName());
    }

    /**
     * The engine's name without what its brackets add, for a short note ("OpenAI-compatible" for "OpenAI-compatible
     * (llama.cpp server, vLLM, LM Studio, DeepSeek)").
     */
    public static String shortOf(ReasoningEngine engine) {
        String name = of(engine.id(), engine.displayName());
        int bracket = name.indexOf(" (");
        return bracket > 0 ? name.substring(0, bracket) : name;
    }

    /** The name of engine {@code id} where the bundle words it, else {@code registryName} (e.g. a saved session's). */
    public static String of(String id, String registryName) {
        String key = "engine.name." + id;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : registryName;
    }

    private static String words(TemplateChooser templates) {
        String fallback = templates.fallback().name();
        return templates.perModel() ? Messages.get("status.templatePerModel", fallback) : fallback;
    }
}
