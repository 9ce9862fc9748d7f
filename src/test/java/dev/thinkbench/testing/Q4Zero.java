package dev.thinkbench.testing;

/**
 * Test fixture: ggml's Q4_0 quantization (blocks of 32 values: an f16 scale {@code d = m / -8}, m the value of
 * largest magnitude with its sign, then 16 bytes of 4-bit codes {@code clamp((int) (x / d + 8.5), 0, 15)}, value j in
 * the low nibble of byte j and value j+16 in the high one), as {@code quantize_row_q4_0_ref} does.
 */
public final class Q4Zero {

    private Q4Zero() {
    }

    /** Encodes {@code data} (a multiple of 32 values, row by row). */
    public static byte[] quantize(float[] data) {
        if (data.length % 32 != 0) {
            throw new IllegalArgumentException("Q4_0 needs a multiple of 32 values, got " + data.length);
        }
        byte[] out = new byte[data.length / 32 * 18];
        for (int b = 0; b < data.length / 32; b++) {
            int base = b * 32;
            float max = 0;
            float amax = 0;
            for (int j = 0; j < 32; j++) {
                float v = data[base + j];
                if (Math.abs(v) > amax) {
                    amax = Math.abs(v);
                    max = v;
                }
            }
            float d = max / -8;
            float id = d == 0 ? 0 : 1 / d;
            short half = Float.floatToFloat16(d);
            int o = b * 18;
            out[o] = (byte) half;
            out[o + 1] = (byte) (half >> 8);
            for (int j = 0; j < 16; j++) {
                int lo = Math.min(15, (int) (data[base + j] * id + 8.5f));
                int hi = Math.min(15, (int) (data[base + j + 16] * id + 8.5f));
                out[o + 2 + j] = (byte) (Math.max(0, lo) | Math.max(0, hi) << 4);
            }
        }
        return out;
    }
}
