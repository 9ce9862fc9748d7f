package dev.thinkbench.engine.local.gguf;

/** The value types of GGUF metadata, with their on-disk ids (GGUF v3, {@code gguf_type}). */
public enum GgufValueType {
    UINT8(0, 1), INT8(1, 1), UINT16(2, 2), INT16(3, 2), UINT32(4, 4), INT32(5, 4), FLOAT32(6, 4), BOOL(7, 1),
    STRING(8, -1), ARRAY(9, -1), UINT64(10, 8), INT64(11, 8), FLOAT64(12, 8);

    private final int id;
    private final int size;

    GgufValueType(int id, int size) {
        this.id = id;
        this.size = size;
    }

    /** The id written to the file. */
    public int id() {
        return id;
    }

    /** Bytes one value takes on disk, or -1 for the variable-length STRING and ARRAY. */
    public int fixedSize() {
        return size;
    }

    /** The type with this on-disk id, or null when the id is not a GGUF value type. */
    public static GgufValueType byId(long id) {
        for (GgufValueType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }
}
