package dev.thinkbench.engine.local.gguf;

import java.util.Arrays;

/**
 * One tensor's header entry.
 *
 * @param ne the shape, innermost (row) dimension first
 * @param offset the data offset relative to the start of the data section
 * @param byteSize bytes of data, from the shape and type
 */
public record GgufTensorInfo(String name, long[] ne, GgmlType type, long offset, long byteSize) {

    public GgufTensorInfo {
        ne = ne.clone();
    }

    @Override
    public long[] ne() {
        return ne.clone();
    }

    /** The number of elements (parameters) in the tensor. */
    public long elements() {
        long n = 1;
        for (long d : ne) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && name.equals(t.name) && Arrays.equals(ne, t.ne) && type == t.type
                && offset == t.offset && byteSize == t.byteSize;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(ne);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(ne) + " @" + offset;
    }
}
