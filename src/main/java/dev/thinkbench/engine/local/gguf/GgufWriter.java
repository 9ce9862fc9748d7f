package dev.thinkbench.engine.local.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF v3 file: metadata key/values in insertion order, then tensor infos, then tensor data, each tensor
 * aligned to {@code general.alignment} (32 unless put explicitly). Tensors are F32, F16 or pre-encoded bytes of any
 * {@link GgmlType}. Shapes are given as GGUF {@code ne}: {@code ne[0]} is the innermost (row) length, so a numpy
 * matrix of shape (rows, cols) has {@code ne = {cols, rows}}.
 *
 * <pre>{@code
 * new GgufWriter().put("general.architecture", "llama").putU32("llama.block_count", 2)
 *         .putArray("tokenizer.ggml.tokens", GgufValueType.STRING, tokens)
 *         .addTensorF32("output_norm.weight", new long[] {64}, ones)
 *         .write(path);
 * }</pre>
 *
 * <p>Not thread-safe; build and write on one thread. {@link #write(Path)} writes a sibling temporary file and moves
 * it into place, so a reader never sees half a model.
 */
public final class GgufWriter {

    /** GGUF's magic, "GGUF" read as a little-endian u32. */
    public static final int MAGIC = 0x46554747;
    public static final int VERSION = 3;
    public static final int DEFAULT_ALIGNMENT = 32;

    private record Value(GgufValueType type, Object value) {
    }

    private sealed interface Data {
        long bytes();
    }

    private record F32Data(float[] values) implements Data {
        public long bytes() {
            return 4L * values.length;
        }
    }

    private record F16Data(float[] values) implements Data {
        public long bytes() {
            return 2L * values.length;
        }
    }

    private record RawData(byte[] values) implements Data {
        public long bytes() {
            return values.length;
        }
    }

    private record Tensor(String name, long[] ne, GgmlType type, Data data) {
    }

    private final Map<String, Value> metadata = new LinkedHashMap<>();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    public GgufWriter put(String key, String value) {
        return putValue(key, GgufValueType.STRING, requireNonNull(value, key));
    }

    public GgufWriter putBool(String key, boolean value) {
        return putValue(key, GgufValueType.BOOL, value);
    }

    public GgufWriter putU8(String key, int value) {
        return putValue(key, GgufValueType.UINT8, checkRange(key, value, 0, 0xFF));
    }

    public GgufWriter putI8(String key, int value) {
        return putValue(key, GgufValueType.INT8, checkRange(key, value, Byte.MIN_VALUE, Byte.MAX_VALUE));
    }

    public GgufWriter putU16(String key, int value) {
        return putValue(key, GgufValueType.UINT16, checkRange(key, value, 0, 0xFFFF));
    }

    public GgufWriter putI16(String key, int value) {
        return putValue(key, GgufValueType.INT16, checkRange(key, value, Short.MIN_VALUE, Short.MAX_VALUE));
    }

    public GgufWriter putU32(String key, long value) {
        return putValue(key, GgufValueType.UINT32, checkRange(key, value, 0, 0xFFFF_FFFFL));
    }

    public GgufWriter putI32(String key, int value) {
        return putValue(key, GgufValueType.INT32, (long) value);
    }

    /** An unsigned 64-bit value; Java's negative longs stand for values of 2^63 and above. */
    public GgufWriter putU64(String key, long value) {
        return putValue(key, GgufValueType.UINT64, value);
    }

    public GgufWriter putI64(String key, long value) {
        return putValue(key, GgufValueType.INT64, value);
    }

    public GgufWriter putF32(String key, float value) {
        return putValue(key, GgufValueType.FLOAT32, value);
    }

    public GgufWriter putF64(String key, double value) {
        return putValue(key, GgufValueType.FLOAT64, value);
    }

    /**
     * An array of {@code elementType}; elements are Numbers for numeric types, Booleans, Strings, or
     * {@link GgufArray}s for nested arrays.
     */
    public GgufWriter putArray(String key, GgufValueType elementType, List<?> values) {
        GgufArray array = GgufArray.of(elementType, values);
        checkArray(key, array);
        return putValue(key, GgufValueType.ARRAY, array);
    }

    public GgufWriter putStringArray(String key, List<String> values) {
        return putArray(key, GgufValueType.STRING, values);
    }

    public GgufWriter putF32Array(String key, float[] values) {
        List<Float> boxed = new ArrayList<>(values.length);
        for (float v : values) {
            boxed.add(v);
        }
        return putArray(key, GgufValueType.FLOAT32, boxed);
    }

    public GgufWriter putI32Array(String key, int[] values) {
        List<Integer> boxed = new ArrayList<>(values.length);
        for (int v : values) {
            boxed.add(v);
        }
        return putArray(key, GgufValueType.INT32, boxed);
    }

    /** Adds an F32 tensor; {@code data.length} must equal the product of {@code ne}. The array is not copied. */
    public GgufWriter addTensorF32(String name, long[] ne, float[] data) {
        checkElements(name, ne, data.length);
        return addTensor(new Tensor(name, ne.clone(), GgmlType.F32, new F32Data(data)));
    }

    /** Adds a tensor stored as F16 (rounded from {@code data}). The array is not copied. */
    public GgufWriter addTensorF16(String name, long[] ne, float[] data) {
        checkElements(name, ne, data.length);
        return addTensor(new Tensor(name, ne.clone(), GgmlType.F16, new F16Data(data)));
    }

    /** Adds a tensor whose bytes are already encoded in {@code type} (e.g. Q8_0 blocks). The array is not copied. */
    public GgufWriter addTensorRaw(String name, long[] ne, GgmlType type, byte[] data) {
        long expected = type.byteSize(ne);
        if (expected != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": " + type + " of shape " + shape(ne) + " takes "
                    + expected + " bytes, got " + data.length);
        }
        return addTensor(new Tensor(name, ne.clone(), type, new RawData(data)));
    }

    /** Drops a metadata key if present (to derive a variant of a model). */
    public GgufWriter remove(String key) {
        metadata.remove(key);
        return this;
    }

    /** Drops a tensor if present. */
    public GgufWriter removeTensor(String name) {
        tensors.remove(name);
        return this;
    }

    /** Writes the file atomically: to a temporary sibling, then moved over {@code path}. */
    public void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writeTo(out);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the whole file to {@code stream} (not closed). */
    public void writeTo(OutputStream stream) throws IOException {
        int alignment = alignment();
        LittleEndianOutput out = new LittleEndianOutput(stream);
        out.u32(MAGIC);
        out.u32(VERSION);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, Value> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            out.u32(kv.getValue().type().id());
            writeValue(out, kv.getValue().type(), kv.getValue().value());
        }
        long offset = 0;
        for (Tensor t : tensors.values()) {
            out.string(t.name());
            out.u32(t.ne().length);
            for (long n : t.ne()) {
                out.u64(n);
            }
            out.u32(t.type().id());
            out.u64(offset);
            offset = alignUp(offset + t.data().bytes(), alignment);
        }
        out.pad(alignment);
        for (Tensor t : tensors.values()) {
            writeData(out, t.data());
            out.pad(alignment);
        }
        out.flush();
    }

    private int alignment() {
        Value v = metadata.get("general.alignment");
        if (v == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (v.type() != GgufValueType.UINT32) {
            throw new IllegalStateException("general.alignment must be a u32, is " + v.type());
        }
        return (int) (long) (Long) v.value();
    }

    private static long alignUp(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }

    private static void writeData(LittleEndianOutput out, Data data) throws IOException {
        switch (data) {
            case F32Data(float[] values) -> {
                for (float f : values) {
                    out.f32(f);
                }
            }
            case F16Data(float[] values) -> {
                for (float f : values) {
                    out.u16(Float.floatToFloat16(f));
                }
            }
            case RawData(byte[] values) -> out.bytes(values);
        }
    }

    private static void writeValue(LittleEndianOutput out, GgufValueType type, Object v) throws IOException {
        switch (type) {
            case UINT8, INT8 -> out.u8(((Number) v).intValue());
            case UINT16, INT16 -> out.u16(((Number) v).intValue());
            case UINT32, INT32 -> out.u32(((Number) v).longValue());
            case UINT64, INT64 -> out.u64(((Number) v).longValue());
            case FLOAT32 -> out.f32(((Number) v).floatValue());
            case FLOAT64 -> out.f64(((Number) v).doubleValue());
            case BOOL -> out.u8((Boolean) v ? 1 : 0);
            case STRING -> out.string((String) v);
            case ARRAY -> {
                GgufArray array = (GgufArray) v;
                out.u32(array.elementType().id());
                out.u64(array.values().size());
                for (Object element : array.values()) {
                    writeValue(out, array.elementType(), element);
                }
            }
        }
    }

    private GgufWriter putValue(String key, GgufValueType type, Object value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("metadata key must not be empty");
        }
        if (key.equals("general.alignment")) {
            long a = type == GgufValueType.UINT32 ? (Long) value : -1;
            if (a <= 0 || Long.bitCount(a) != 1) {
                throw new IllegalArgumentException("general.alignment must be a u32 power of two, was " + value);
            }
        }
        metadata.put(key, new Value(type, value));
        return this;
    }

    private GgufWriter addTensor(Tensor tensor) {
        if (tensors.containsKey(tensor.name())) {
            throw new IllegalArgumentException("tensor " + tensor.name() + " was already added");
        }
        if (tensor.ne().length < 1 || tensor.ne().length > 4) {
            throw new IllegalArgumentException("tensor " + tensor.name() + " needs 1 to 4 dimensions, has "
                    + tensor.ne().length);
        }
        tensors.put(tensor.name(), tensor);
        return this;
    }

    private static void checkElements(String name, long[] ne, int length) {
        long n = 1;
        for (long d : ne) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor " + name + " has a non-positive dimension: " + shape(ne));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + shape(ne) + " needs " + n
                    + " values, got " + length);
        }
    }

    private static void checkArray(String key, GgufArray array) {
        for (Object element : array.values()) {
            boolean ok = switch (array.elementType()) {
                case STRING -> element instanceof String;
                case BOOL -> element instanceof Boolean;
                case ARRAY -> element instanceof GgufArray nested && checkedNested(key, nested);
                default -> element instanceof Number;
            };
            if (!ok) {
                throw new IllegalArgumentException("array " + key + " of " + array.elementType()
                        + " holds a " + (element == null ? "null" : element.getClass().getSimpleName()));
            }
        }
    }

    private static boolean checkedNested(String key, GgufArray nested) {
        checkArray(key, nested);
        return true;
    }

    private static long checkRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " = " + value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }

    private static String requireNonNull(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(key + " must not be null");
        }
        return value;
    }

    static String shape(long[] ne) {
        return java.util.Arrays.toString(ne);
    }
}
