package dev.thinkbench.engine.local.gguf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed GGUF header: metadata in file order and tensor infos. Metadata values are {@code Long} (every integer
 * type; u64 values of 2^63 and above appear negative), {@code Float}, {@code Double}, {@code Boolean}, {@code String}
 * or {@link GgufArray}.
 *
 * @param dataOffset absolute file offset where tensor data starts
 */
public record GgufFile(Path path, long fileSize, int version, int alignment, Map<String, Object> metadata,
                       List<GgufTensorInfo> tensors, long dataOffset) {

    public GgufFile {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** The string value of {@code key}, or null when absent or not a string. */
    public String string(String key) {
        return metadata.get(key) instanceof String s ? s : null;
    }

    /** The integer value of {@code key}, or null when absent or not an integer. */
    public Long integer(String key) {
        return metadata.get(key) instanceof Long l ? l : null;
    }

    /** The array value of {@code key}, or null when absent or not an array. */
    public GgufArray array(String key) {
        return metadata.get(key) instanceof GgufArray a ? a : null;
    }

    /** {@code general.architecture}, or null. */
    public String architecture() {
        return string("general.architecture");
    }

    /** The sum of all tensors' elements. */
    public long parameterCount() {
        return tensors.stream().mapToLong(GgufTensorInfo::elements).sum();
    }
}
