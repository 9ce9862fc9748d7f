package dev.thinkbench.engine.local.gguf;

/** The checks a GGUF file must pass before native code may see it; each failure names one of these. */
public enum GgufCheck {
    /** The path exists, is a regular readable file, and is large enough for a header. */
    FILE("file"),
    MAGIC("magic"),
    VERSION("version"),
    /** Tensor and key counts fit in what is left of the file. */
    COUNTS("header counts"),
    STRING_LENGTH("string length"),
    VALUE_TYPE("value type"),
    ARRAY_LENGTH("array length"),
    DUPLICATE_KEY("duplicate key"),
    ALIGNMENT("alignment"),
    TENSOR_DIMENSIONS("tensor dimensions"),
    TENSOR_TYPE("tensor type"),
    TENSOR_SHAPE("tensor shape"),
    TENSOR_OFFSET("tensor offset"),
    TENSOR_BOUNDS("tensor bounds"),
    DUPLICATE_TENSOR("duplicate tensor"),
    /**
     * A count or size is possible within the file but beyond what this engine reads (no real model comes close):
     * the reader refuses it rather than spend memory or time on it.
     */
    SIZE_LIMIT("size limit"),
    /** The file ends inside the header. */
    TRUNCATED("truncated header"),
    ARCHITECTURE("architecture"),
    REQUIRED_KEY("required key"),
    KEY_TYPE("key type"),
    MISSING_TENSOR("missing tensor");

    private final String label;

    GgufCheck(String label) {
        this.label = label;
    }

    /** A short name for people, e.g. {@code tensor bounds}. */
    public String label() {
        return label;
    }
}
