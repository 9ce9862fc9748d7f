package dev.thinkbench.engine.local.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads over a file that never trust a length: every read or skip first checks that the bytes exist,
 * so a corrupt count fails with a reason instead of an allocation of petabytes.
 */
final class GgufInput {

    private final SeekableByteChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    /** File offset of {@code buffer}'s index 0. */
    private long bufferStart;

    GgufInput(SeekableByteChannel channel, long size) {
        this.channel = channel;
        this.size = size;
        buffer.flip();
    }

    long position() {
        return bufferStart + buffer.position();
    }

    long remaining() {
        return size - position();
    }

    long size() {
        return size;
    }

    /** Fails with TRUNCATED unless {@code n} more bytes exist. */
    void need(long n, String what) throws GgufFormatException {
        if (n < 0 || n > remaining()) {
            throw new GgufFormatException(GgufCheck.TRUNCATED, "the file ends inside " + what + " at offset "
                    + position() + " (" + remaining() + " bytes left, " + Long.toUnsignedString(n) + " needed)");
        }
    }

    private ByteBuffer fill(int n, String what) throws GgufFormatException, IOException {
        need(n, what);
        if (buffer.remaining() < n) {
            bufferStart += buffer.position();
            buffer.compact();
            while (buffer.position() < n) {
                if (channel.position(bufferStart + buffer.position()).read(buffer) < 0) {
                    throw new GgufFormatException(GgufCheck.TRUNCATED, "the file shrank while reading " + what);
                }
            }
            buffer.flip();
        }
        return buffer;
    }

    int u8(String what) throws GgufFormatException, IOException {
        return fill(1, what).get() & 0xFF;
    }

    int u16(String what) throws GgufFormatException, IOException {
        return fill(2, what).getShort() & 0xFFFF;
    }

    long u32(String what) throws GgufFormatException, IOException {
        return fill(4, what).getInt() & 0xFFFF_FFFFL;
    }

    long u64(String what) throws GgufFormatException, IOException {
        return fill(8, what).getLong();
    }

    float f32(String what) throws GgufFormatException, IOException {
        return fill(4, what).getFloat();
    }

    double f64(String what) throws GgufFormatException, IOException {
        return fill(8, what).getDouble();
    }

    /**
     * Reads a string's u64 length prefix and checks it: it must fit in the rest of the file (else STRING_LENGTH) and
     * in {@code maxBytes} (else SIZE_LIMIT). The caller then reads the bytes with {@link #stringBytes}.
     */
    int stringLength(String what, int maxBytes) throws GgufFormatException, IOException {
        long length = u64("the length of " + what);
        if (length < 0 || length > remaining()) {
            throw new GgufFormatException(GgufCheck.STRING_LENGTH, what + " claims " + Long.toUnsignedString(length)
                    + " bytes, but only " + remaining() + " are left at offset " + position());
        }
        if (length > maxBytes) {
            throw new GgufFormatException(GgufCheck.SIZE_LIMIT, what + " is " + length + " bytes long; this engine "
                    + "reads strings of up to " + maxBytes + " bytes here");
        }
        return (int) length;
    }

    /** The next {@code length} bytes as UTF-8 text (the length already checked by {@link #stringLength}). */
    String stringBytes(int length, String what) throws GgufFormatException, IOException {
        need(length, what);
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < bytes.length) {
            int n = Math.min(bytes.length - done, buffer.capacity());
            fill(n, what).get(bytes, done, n);
            done += n;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Skips a string without keeping it, checking its length. */
    void skipString(String what) throws GgufFormatException, IOException {
        long length = u64("the length of " + what);
        if (length < 0 || length > remaining()) {
            throw new GgufFormatException(GgufCheck.STRING_LENGTH, what + " claims " + Long.toUnsignedString(length)
                    + " bytes, but only " + remaining() + " are left at offset " + position());
        }
        skip(length, what);
    }

    /** Skips {@code n} bytes, which must exist. */
    void skip(long n, String what) throws GgufFormatException {
        need(n, what);
        if (n <= buffer.remaining()) {
            buffer.position(buffer.position() + (int) n);
        } else {
            bufferStart = position() + n;
            buffer.clear().flip();
        }
    }
}
