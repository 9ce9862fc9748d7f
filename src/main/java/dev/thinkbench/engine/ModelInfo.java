package dev.thinkbench.engine;

/**
 * A model an engine offers.
 *
 * @param name the name to put in a {@code RunSpec}
 * @param detail a short human description (size, quantization, family), may be empty
 * @param label how people know the model, where that is not its name (an Ollama model the built-in engine runs by
 *              its blob's path is {@code micro:latest (Ollama)}); the name itself otherwise
 */
public record ModelInfo(String name, String detail, String label) {

    public ModelInfo {
        label = label == null || label.isBlank() ? name : label;
    }

    /** A model known by its name. */
    public ModelInfo(String name, String detail) {
        this(name, detail, null);
    }
}
