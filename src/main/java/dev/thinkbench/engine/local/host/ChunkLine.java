package dev.thinkbench.engine.local.host;

import java.nio.charset.StandardCharsets;

/**
 * A {@link HostEvent.Chunk} without log-probabilities as its protocol line, written by hand: the same JSON that
 * Jackson writes ({@code {"type":"chunk","id":..,"text":"..","tokens":..}}), which the app reads with Jackson as any
 * other event. The chunk is the host's one event per few tokens; Jackson took about 180 us to write each one in the
 * host (whose JVM runs the quick compiler only), on the thread that decodes, against a few microseconds here.
 */
final class ChunkLine {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ChunkLine() {
    }

    /** The chunk's line, without the newline, in UTF-8. */
    static byte[] encode(HostEvent.Chunk chunk) {
        if (chunk.logprobs() != null) {
            throw new IllegalArgumentException("a chunk with log-probabilities goes through Jackson");
        }
        String text = chunk.text();
        StringBuilder sb = new StringBuilder(text.length() + 64);
        sb.append("{\"type\":\"chunk\",\"id\":").append(chunk.id()).append(",\"text\":");
        if (text == null) {
            sb.append("null");
        } else {
            quote(text, sb);
        }
        sb.append(",\"tokens\":").append(chunk.tokens()).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code s} as a JSON string: quotes, backslashes and control characters escaped, everything else as it is. */
    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !wellFormedSurrogate(s, i)) {
                        // a control character, or half of a pair (UTF-8 could not carry it): escaped
                        sb.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            sb.append(HEX[c >> shift & 0xF]);
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean wellFormedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
