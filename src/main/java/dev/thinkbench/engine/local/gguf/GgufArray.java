package dev.thinkbench.engine.local.gguf;

import java.util.List;

/**
 * A GGUF metadata array: its element type, its length and its elements. Elements are boxed the way
 * {@link GgufReader} returns scalars ({@code Long} for integers, {@code Float}/{@code Double}, {@code Boolean},
 * {@code String}, nested {@code GgufArray}).
 *
 * @param count the declared element count; equal to {@code values.size()} unless the reader skipped the elements of
 *              a long array (then {@code values} is empty and {@link #elided()} is true)
 */
public record GgufArray(GgufValueType elementType, long count, List<?> values) {

    public GgufArray {
        if (elementType == null) {
            throw new IllegalArgumentException("array element type is required");
        }
        values = List.copyOf(values);
        if (count < values.size()) {
            throw new IllegalArgumentException("array count " + count + " is below its " + values.size() + " values");
        }
    }

    /** An array holding all of its values. */
    public static GgufArray of(GgufValueType elementType, List<?> values) {
        return new GgufArray(elementType, values.size(), values);
    }

    /** True when the elements were not kept (only the count is known). */
    public boolean elided() {
        return values.size() < count;
    }

    @Override
    public String toString() {
        return "GgufArray[" + elementType + " x " + count + (elided() ? ", elided" : "") + "]";
    }
}
