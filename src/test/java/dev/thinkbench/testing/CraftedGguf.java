package dev.thinkbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture for hostile GGUF files: raw little-endian pieces and <em>holes</em>, runs of zero bytes that are not
 * written (a sparse file), so a test can claim a 100M-element array or a 3 GB header in a file that costs no disk
 * and no time to write. Build, then {@link #write}.
 */
public final class CraftedGguf {

    private final List<Object> pieces = new ArrayList<>();
    private ByteArrayOutputStream current = new ByteArrayOutputStream();

    /** Starts a GGUF v3 header with these counts. */
    public static CraftedGguf header(long tensors, long metadata) {
        return new CraftedGguf().u32(0x46554747).u32(3).u64(tensors).u64(metadata);
    }

    public CraftedGguf u32(long v) {
        return put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    }

    public CraftedGguf u64(long v) {
        return put(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    /** A u64-length-prefixed UTF-8 string. */
    public CraftedGguf string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u64(b.length).put(b);
    }

    public CraftedGguf put(byte[] bytes) {
        current.writeBytes(bytes);
        return this;
    }

    /** {@code n} zero bytes, left as a hole in the file. */
    public CraftedGguf hole(long n) {
        pieces.add(current.toByteArray());
        pieces.add(n);
        current = new ByteArrayOutputStream();
        return this;
    }

    /** Writes the pieces; holes stay sparse. Returns {@code path}. */
    public Path write(Path path) throws IOException {
        pieces.add(current.toByteArray());
        current = new ByteArrayOutputStream();
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long position = 0;
            for (Object piece : pieces) {
                if (piece instanceof byte[] bytes) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        position += out.write(buffer, position);
                    }
                } else {
                    position += (Long) piece;
                }
            }
            if (out.size() < position) {
                // a trailing hole: one zero byte at the end makes the file that long
                out.write(ByteBuffer.wrap(new byte[1]), position - 1);
            }
        }
        return path;
    }

    /**
     * The tiny reference model with one more metadata entry, {@code zz.junk}: an array of {@code count} u8 zeros,
     * written sparse. {@code count - 1} must be a multiple of 32 so the tensor data stays aligned.
     */
    public static Path tinyWithHugeByteArray(Path path, long count) throws IOException {
        if ((count - 1) % 32 != 0) {
            throw new IllegalArgumentException("count - 1 must be a multiple of 32");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 42)
                .putArray("zz.junk", dev.thinkbench.engine.local.gguf.GgufValueType.UINT8, List.of(0))
                .writeTo(bytes);
        byte[] all = bytes.toByteArray();
        byte[] key = new CraftedGguf().string("zz.junk").current.toByteArray();
        int at = indexOf(all, key);
        int countAt = at + key.length + 8;
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(countAt, count);
        int split = countAt + 8 + 1;
        byte[] head = java.util.Arrays.copyOfRange(all, 0, split);
        byte[] tail = java.util.Arrays.copyOfRange(all, split, all.length);
        return new CraftedGguf().put(head).hole(count - 1).put(tail).write(path);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
