package dev.thinkbench.engine.local.gguf;

/** The checks a GGUF file must pass before native code may see it; each failure names one of these. */
public enum GgufCheck {
    /** The path exists, is a regular readable file, and is large enough for a header. */
    FILE("file", false),
    MAGIC("magic", false),
    VERSION("version", false),
    /** Tensor and key counts fit in what is left of the file. */
    COUNTS("header counts", true),
    STRING_LENGTH("string length", true),
    VALUE_TYPE("value type", true),
    ARRAY_LENGTH("array length", true),
    DUPLICATE_KEY("duplicate key", true),
    ALIGNMENT("alignment", true),
    TENSOR_DIMENSIONS("tensor dimensions", true),
    TENSOR_TYPE("tensor type", true),
    TENSOR_SHAPE("tensor shape", true),
    TENSOR_OFFSET("tensor offset", true),
    TENSOR_BOUNDS("tensor bounds", true),
    DUPLICATE_TENSOR("duplicate tensor", true),
    /**
     * A count or size is possible within the file but beyond what this engine reads (no real model comes close):
     * the reader refuses it rather than spend memory or time on it.
     */
    SIZE_LIMIT("size limit", true),
    /** The file ends inside the header. */
    TRUNCATED("truncated header", true),
    ARCHITECTURE("architecture", false),
    REQUIRED_KEY("required key", true),
    KEY_TYPE("key type", true),
    MISSING_TENSOR("missing tensor", true);

    private final String label;
    private final boolean damage;

    GgufCheck(String label, boolean damage) {
        this.label = label;
        this.damage = damage;
    }

    /**
     * Whether failing this check means the file is damaged or incomplete (a count, length, type or offset no
     * writer of GGUF files produces, or the file ends early), rather than a file of another kind, version or
     * architecture.
     */
    public boolean damage() {
        return damage;
    }

    /** A short name for people, e.g. {@code tensor bounds}. */
    public String label() {
        return label;
    }
}
