package dev.thinkbench.lab.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a result line's {@code ranWith} names ({@link SweepPlan#ranWith()}: {@code "m.gguf, temperature 0,
 * seed 3, context 4096, system prompt 1a2b3c4d"}), read back by name: the model first, then those of
 * {@link #SETTINGS} it names (one it leaves out maps to null). Pure; any thread.
 */
public final class RanWith {

    /** The settings after the model, in the order a line names them. */
    public static final List<String> SETTINGS = List.of("temperature", "top-p", "seed", "answer cap", "context",
            "system prompt");
    /** The key of the model in {@link #parts}. */
    public static final String MODEL = "model";
    /**
     * The key of the context size in tokens: named only by the built-in engine's runs (an engine with a server sets
     * its own, which a sweep cannot see), and not by lines written before results said it.
     */
    public static final String CONTEXT = "context";

    private RanWith() {
    }

    /** The model and each setting of {@code ranWith}, in order; values null where it names none. */
    public static Map<String, String> parts(String ranWith) {
        Map<String, String> found = new LinkedHashMap<>();
        found.put(MODEL, null);
        SETTINGS.forEach(name -> found.put(name, null));
        StringBuilder model = new StringBuilder();
        for (String part : ranWith.split(", ")) {
            String name = SETTINGS.stream().filter(n -> part.startsWith(n + " ")).findFirst().orElse(null);
            if (name == null) {
                model.append(model.isEmpty() ? "" : ", ").append(part); // a model name with a comma in it
            } else {
                found.put(name, part.substring(name.length() + 1));
            }
        }
        found.put(MODEL, model.isEmpty() ? null : model.toString());
        return Collections.unmodifiableMap(found);
    }
}
