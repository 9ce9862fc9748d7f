package dev.thinkbench.engine.local.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a GGUF header (v2 or v3) with every length bounded by the file size, the structural checks of llama.cpp's
 * {@code gguf.cpp}: magic, version, counts, string and array lengths, value and tensor types, duplicate names,
 * alignment, tensor offsets laid out in order, and every tensor's bytes inside the file. It does not judge the model
 * (architecture, required keys): {@link GgufValidator} does.
 *
 * <p>Every allocation driven by the file's contents is bounded twice: by what the rest of the file could hold, and
 * by limits no real model comes near (strings, entries, tensors, elements per array, and the heap one parse may keep,
 * see {@link ReadBudget}). A file past a limit is refused with {@link GgufCheck#SIZE_LIMIT}, so a crafted header
 * costs at most tens of megabytes and a bounded number of reads, never an {@link OutOfMemoryError}. Long arrays are
 * skipped (only their count kept) unless asked for.
 *
 * <p>Stateless and thread-safe; reading blocks on file I/O.
 */
public final class GgufReader {

    /** Arrays longer than this keep only their count unless read with {@link #readAll}; vocabularies are huge. */
    public static final int DEFAULT_KEPT_ARRAY_ELEMENTS = 256;
    static final int MAX_KEY_BYTES = 1 << 16;
    /** Longest string value kept (chat templates are kilobytes; an embedded tokenizer.json a few megabytes). */
    static final int MAX_STRING_BYTES = 16 << 20;
    /** Most metadata entries (real models: about 20 to 60). */
    static final long MAX_METADATA_ENTRIES = 1 << 16;
    /** Most tensors (real models: hundreds to a few thousand). */
    static final long MAX_TENSORS = 1 << 17;
    /** Most elements in one array (the largest real arrays, vocabularies and merges, have under a million). */
    static final long MAX_ARRAY_ELEMENTS = 1 << 24;
    /** Estimated heap of one kept tensor info besides its name. */
    private static final long TENSOR_INFO_BYTES = 160;
    /** Estimated heap of one kept boxed array element (object and reference). */
    private static final long BOXED_ELEMENT_BYTES = 24;
    private static final long HEADER_BYTES = 24;
    /** Smallest possible tensor info: empty name (8), n_dims (4), one dim (8), type (4), offset (8). */
    private static final long MIN_TENSOR_INFO_BYTES = 32;
    /** Smallest possible key/value: empty key (8), type (4), one-byte value. */
    private static final long MIN_KV_BYTES = 13;

    private final long keptArrayElements;
    private final Set<String> fullArrays;
    private final ReadBudget budget;

    GgufReader(long keptArrayElements, Set<String> fullArrays, ReadBudget budget) {
        this.keptArrayElements = keptArrayElements;
        this.fullArrays = Set.copyOf(fullArrays);
        this.budget = budget;
    }

    /** Reads the header, keeping the elements of arrays up to {@value #DEFAULT_KEPT_ARRAY_ELEMENTS} long. */
    public static GgufFile read(Path path) throws GgufFormatException, IOException {
        return read(path, Set.of());
    }

    /**
     * Reads the header keeping the arrays named in {@code fullArrays} whole (e.g. {@code tokenizer.ggml.tokens} to
     * list a vocabulary's special tokens) and other arrays up to {@value #DEFAULT_KEPT_ARRAY_ELEMENTS} long.
     */
    public static GgufFile read(Path path, Set<String> fullArrays) throws GgufFormatException, IOException {
        return new GgufReader(DEFAULT_KEPT_ARRAY_ELEMENTS, fullArrays, ReadBudget.standard()).parse(path);
    }

    /** Reads the header keeping every array element, within the same memory limits (tests, inspection). */
    public static GgufFile readAll(Path path) throws GgufFormatException, IOException {
        return new GgufReader(Long.MAX_VALUE, Set.of(), ReadBudget.standard()).parse(path);
    }

    /**
     * Parses a header from any seekable source of {@code size} bytes ({@code path} only names it in the result), as
     * {@link #read(Path)} does; the fuzz tests feed it bytes from memory.
     */
    GgufFile parse(Path path, SeekableByteChannel channel, long size) throws GgufFormatException, IOException {
        if (size < HEADER_BYTES) {
            throw new GgufFormatException(GgufCheck.FILE, size == 0 ? "the file is empty"
                    : "the file has " + size + " bytes, too small for a GGUF model (its header alone takes 24)");
        }
        return parse(path, new GgufInput(channel, size));
    }

    private GgufFile parse(Path path) throws GgufFormatException, IOException {
        if (Files.notExists(path)) {
            throw new GgufFormatException(GgufCheck.FILE, GgufFormatException.missing(path));
        }
        if (!Files.isRegularFile(path)) {
            throw new GgufFormatException(GgufCheck.FILE, path + " is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new GgufFormatException(GgufCheck.FILE, path + " cannot be read (permissions)");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return parse(path, channel, channel.size());
        }
    }

    private GgufFile parse(Path path, GgufInput in) throws GgufFormatException, IOException {
        long magic = in.u32("the magic");
        if (magic != (GgufWriter.MAGIC & 0xFFFF_FFFFL)) {
            throw new GgufFormatException(GgufCheck.MAGIC, String.format(
                    "this is not a GGUF model file (it starts with 0x%08X, not 'GGUF')", magic));
        }
        int version = checkVersion(in.u32("the version"));
        long tensorCount = in.u64("the tensor count");
        long kvCount = in.u64("the metadata count");
        checkCount("tensor", tensorCount, in, MIN_TENSOR_INFO_BYTES, MAX_TENSORS);
        checkCount("metadata", kvCount, in, MIN_KV_BYTES, MAX_METADATA_ENTRIES);
        Map<String, Object> metadata = readMetadata(in, kvCount);
        int alignment = alignment(metadata);
        List<GgufTensorInfo> tensors = readTensorInfos(in, tensorCount, alignment);
        long dataOffset = (in.position() + alignment - 1) / alignment * alignment;
        checkTensorBounds(tensors, dataOffset, in.size());
        return new GgufFile(path, in.size(), version, alignment, metadata, tensors, dataOffset);
    }

    private static int checkVersion(long version) throws GgufFormatException {
        if (version == 2 || version == 3) {
            return (int) version;
        }
        if ((version & 0xFFFF) == 0) {
            throw new GgufFormatException(GgufCheck.VERSION, "version " + version
                    + " looks byte-swapped: big-endian GGUF files are not supported");
        }
        if (version == 1) {
            throw new GgufFormatException(GgufCheck.VERSION, "GGUF version 1 is too old for llama.cpp; "
                    + "convert the model again");
        }
        throw new GgufFormatException(GgufCheck.VERSION, "GGUF version " + version
                + " is not supported (this engine reads versions 2 and 3)");
    }

    private static void checkCount(String what, long count, GgufInput in, long minBytesEach, long limit)
            throws GgufFormatException {
        if (count < 0 || count > in.remaining() / minBytesEach) {
            throw new GgufFormatException(GgufCheck.COUNTS, "the header claims " + Long.toUnsignedString(count)
                    + " " + what + " entries, more than the " + in.remaining() + " bytes left could hold");
        }
        if (count > limit) {
            throw new GgufFormatException(GgufCheck.SIZE_LIMIT, "the header claims " + count + " " + what
                    + " entries; this engine reads at most " + limit + " (real models have far fewer)");
        }
    }

    /** A string whose heap is charged to the budget before it is allocated. */
    private String keptString(GgufInput in, String what, int maxBytes) throws GgufFormatException, IOException {
        int length = in.stringLength(what, maxBytes);
        budget.keep(ReadBudget.stringCost(length), what);
        return in.stringBytes(length, what);
    }

    private Map<String, Object> readMetadata(GgufInput in, long kvCount) throws GgufFormatException, IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = keptString(in, "key #" + i, MAX_KEY_BYTES);
            long typeId = in.u32("the type of " + key);
            GgufValueType type = GgufValueType.byId(typeId);
            if (type == null) {
                throw new GgufFormatException(GgufCheck.VALUE_TYPE, "key '" + key + "' has unknown type " + typeId);
            }
            if (metadata.containsKey(key)) {
                throw new GgufFormatException(GgufCheck.DUPLICATE_KEY, "key '" + key + "' appears twice");
            }
            metadata.put(key, type == GgufValueType.ARRAY ? readArray(in, key) : readScalar(in, type, key));
        }
        return metadata;
    }

    private Object readScalar(GgufInput in, GgufValueType type, String key) throws GgufFormatException, IOException {
        return switch (type) {
            case UINT8 -> (long) in.u8(key);
            case INT8 -> (long) (byte) in.u8(key);
            case UINT16 -> (long) in.u16(key);
            case INT16 -> (long) (short) in.u16(key);
            case UINT32 -> in.u32(key);
            case INT32 -> (long) (int) in.u32(key);
            case UINT64, INT64 -> in.u64(key);
            case FLOAT32 -> in.f32(key);
            case FLOAT64 -> in.f64(key);
            case BOOL -> in.u8(key) != 0;
            case STRING -> keptString(in, "the value of '" + key + "'", MAX_STRING_BYTES);
            case ARRAY -> throw new IllegalStateException("arrays are read by readArray");
        };
    }

    private GgufArray readArray(GgufInput in, String key) throws GgufFormatException, IOException {
        long typeId = in.u32("the element type of " + key);
        GgufValueType type = GgufValueType.byId(typeId);
        if (type == null || type == GgufValueType.ARRAY) {
            throw new GgufFormatException(GgufCheck.VALUE_TYPE, "array '" + key + "' has element type "
                    + (type == null ? typeId : "array") + ", which llama.cpp cannot read");
        }
        long count = in.u64("the length of " + key);
        long minBytes = type == GgufValueType.STRING ? 8 : type.fixedSize();
        if (count < 0 || count > in.remaining() / minBytes) {
            throw new GgufFormatException(GgufCheck.ARRAY_LENGTH, "array '" + key + "' claims "
                    + Long.toUnsignedString(count) + " elements, more than the " + in.remaining()
                    + " bytes left could hold");
        }
        if (count > MAX_ARRAY_ELEMENTS) {
            throw new GgufFormatException(GgufCheck.SIZE_LIMIT, "array '" + key + "' has " + count + " elements; "
                    + "this engine reads at most " + MAX_ARRAY_ELEMENTS + " per array (real models have under a "
                    + "million)");
        }
        budget.walk(count, "array '" + key + "'");
        if (count > keptArrayElements && !fullArrays.contains(key)) {
            if (type == GgufValueType.STRING) {
                for (long i = 0; i < count; i++) {
                    in.skipString("element " + i + " of '" + key + "'");
                }
            } else {
                in.skip(count * minBytes, "array '" + key + "'");
            }
            return new GgufArray(type, count, List.of());
        }
        if (type != GgufValueType.STRING) {
            // fixed-size elements: the whole array's heap is known before the first one is read
            budget.keep(count * BOXED_ELEMENT_BYTES, "array '" + key + "'");
        }
        // never sized from the file: the list grows only as elements are actually read
        List<Object> values = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
            values.add(readScalar(in, type, key + "[" + i + "]"));
        }
        return new GgufArray(type, count, values);
    }

    private static int alignment(Map<String, Object> metadata) throws GgufFormatException {
        Object value = metadata.get("general.alignment");
        if (value == null) {
            return GgufWriter.DEFAULT_ALIGNMENT;
        }
        if (!(value instanceof Long a) || a <= 0 || a > (1 << 30) || Long.bitCount(a) != 1) {
            throw new GgufFormatException(GgufCheck.ALIGNMENT, "general.alignment is " + value
                    + ", not a power of two");
        }
        return (int) (long) a;
    }

    private List<GgufTensorInfo> readTensorInfos(GgufInput in, long count, int alignment)
            throws GgufFormatException, IOException {
        List<GgufTensorInfo> tensors = new ArrayList<>((int) Math.min(count, 1024));
        Set<String> names = new HashSet<>();
        long expectedOffset = 0;
        for (long i = 0; i < count; i++) {
            GgufTensorInfo t = readTensorInfo(in, i);
            if (!names.add(t.name())) {
                throw new GgufFormatException(GgufCheck.DUPLICATE_TENSOR, "tensor '" + t.name() + "' appears twice");
            }
            if (t.offset() != expectedOffset) {
                throw new GgufFormatException(GgufCheck.TENSOR_OFFSET, "tensor '" + t.name() + "' starts at data "
                        + "offset " + Long.toUnsignedString(t.offset()) + ", expected " + expectedOffset);
            }
            try {
                expectedOffset = Math.addExact(expectedOffset, Math.addExact(t.byteSize(), alignment - 1L)
                        / alignment * alignment);
            } catch (ArithmeticException overflow) {
                throw new GgufFormatException(GgufCheck.TENSOR_BOUNDS, "tensor '" + t.name()
                        + "' is larger than any file");
            }
            tensors.add(t);
        }
        return tensors;
    }

    private GgufTensorInfo readTensorInfo(GgufInput in, long index) throws GgufFormatException, IOException {
        budget.keep(TENSOR_INFO_BYTES, "tensor #" + index);
        String name = keptString(in, "the name of tensor #" + index, MAX_KEY_BYTES);
        long dims = in.u32("the dimensions of " + name);
        if (dims < 1 || dims > 4) {
            throw new GgufFormatException(GgufCheck.TENSOR_DIMENSIONS, "tensor '" + name + "' has " + dims
                    + " dimensions; ggml allows 1 to 4");
        }
        long[] ne = new long[(int) dims];
        for (int d = 0; d < dims; d++) {
            ne[d] = in.u64("the shape of " + name);
            if (ne[d] < 0) {
                throw new GgufFormatException(GgufCheck.TENSOR_SHAPE, "tensor '" + name + "' has dimension "
                        + Long.toUnsignedString(ne[d]));
            }
        }
        long typeId = in.u32("the type of " + name);
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw new GgufFormatException(GgufCheck.TENSOR_TYPE, "tensor '" + name + "' has type " + typeId
                    + ", which llama.cpp " + LlamaCppArchitectures.BUILD
                    + " does not know (made by a newer or older converter?)");
        }
        long byteSize = type.byteSize(ne);
        if (byteSize < 0) {
            throw new GgufFormatException(GgufCheck.TENSOR_SHAPE, "tensor '" + name + "' of " + type + " has shape "
                    + GgufWriter.shape(ne) + ": its rows are not whole blocks of " + type.blockSize()
                    + " or its size overflows");
        }
        long offset = in.u64("the offset of " + name);
        return new GgufTensorInfo(name, ne, type, offset, byteSize);
    }

    private static void checkTensorBounds(List<GgufTensorInfo> tensors, long dataOffset, long fileSize)
            throws GgufFormatException {
        for (GgufTensorInfo t : tensors) {
            long end = dataOffset + t.offset() + t.byteSize();
            if (end < 0 || end > fileSize) {
                throw new GgufFormatException(GgufCheck.TENSOR_BOUNDS, "tensor '" + t.name() + "' ends at byte "
                        + Long.toUnsignedString(end) + " but the file has only " + fileSize
                        + " bytes (an incomplete download?)");
            }
        }
    }
}
