package dev.thinkbench.engine.local.gguf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Buffered little-endian primitives for the GGUF writer; counts the bytes written for offsets and padding. */
final class LittleEndianOutput {

    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    long position() {
        return position + buffer.position();
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    void u8(int v) throws IOException {
        room(1).put((byte) v);
    }

    void u16(int v) throws IOException {
        room(2).putShort((short) v);
    }

    void u32(long v) throws IOException {
        room(4).putInt((int) v);
    }

    void u64(long v) throws IOException {
        room(8).putLong(v);
    }

    void f32(float v) throws IOException {
        room(4).putFloat(v);
    }

    void f64(double v) throws IOException {
        room(8).putDouble(v);
    }

    void string(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        u64(bytes.length);
        bytes(bytes);
    }

    void bytes(byte[] bytes) throws IOException {
        int off = 0;
        while (off < bytes.length) {
            int n = Math.min(room(1).remaining(), bytes.length - off);
            buffer.put(bytes, off, n);
            off += n;
        }
    }

    void pad(int alignment) throws IOException {
        while (position() % alignment != 0) {
            u8(0);
        }
    }

    void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        position += buffer.position();
        buffer.clear();
    }
}
