package dev.thinkbench.train;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The micro model's vocabulary, laid out like llama.cpp's SPM ("llama") tokenizer expects so that it tokenizes any
 * text exactly as this class does: 0 {@code <unk>}, 1 {@code <s>}, 2 {@code </s>}, 3..258 byte tokens
 * {@code <0x00>..<0xFF>} (newline is {@code <0x0A>}; any character not in the vocabulary falls back to its UTF-8
 * bytes), 259 {@code <|im_start|>}, 260 {@code <|im_end|>} (EOS), 261 {@code <think>}, 262 {@code </think>},
 * 263 {@code ▁} (space), 264..357 printable ASCII {@code !..~}. Immutable; any thread.
 */
final class MicroVocab {

    static final int UNK = 0;
    static final int BOS = 1;
    static final int BYTE_BASE = 3;
    static final int IM_START = 259;
    static final int IM_END = 260;
    static final int THINK = 261;
    static final int END_THINK = 262;
    static final int SPACE = 263;
    static final int ASCII_BASE = 264;
    static final int SIZE = 358;
    /** llama.cpp token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 6 byte. */
    static final int NORMAL = 1;
    static final int UNKNOWN = 2;
    static final int CONTROL = 3;
    static final int USER_DEFINED = 4;
    static final int BYTE = 6;

    private static final Map<String, Integer> SPECIAL = Map.of("<|im_start|>", IM_START, "<|im_end|>", IM_END,
            "<think>", THINK, "</think>", END_THINK);

    private MicroVocab() {
    }

    static List<String> tokens() {
        List<String> t = new ArrayList<>(SIZE);
        t.add("<unk>");
        t.add("<s>");
        t.add("</s>");
        for (int b = 0; b < 256; b++) {
            t.add("<0x%02X>".formatted(b));
        }
        t.addAll(List.of("<|im_start|>", "<|im_end|>", "<think>", "</think>", "\u2581"));
        for (char c = '!'; c <= '~'; c++) {
            t.add(Character.toString(c));
        }
        return t;
    }

    static List<Integer> types() {
        List<Integer> t = new ArrayList<>(SIZE);
        t.addAll(List.of(UNKNOWN, CONTROL, CONTROL));
        for (int b = 0; b < 256; b++) {
            t.add(BYTE);
        }
        t.addAll(List.of(CONTROL, CONTROL, USER_DEFINED, USER_DEFINED, NORMAL));
        for (char c = '!'; c <= '~'; c++) {
            t.add(NORMAL);
        }
        return t;
    }

    /** Token ids of {@code text}, special tokens parsed, as llama.cpp's SPM tokenizer gives them for this vocab. */
    static int[] encode(String text) {
        List<Integer> out = new ArrayList<>(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            if (text.charAt(i) == '<') {
                for (var e : SPECIAL.entrySet()) {
                    if (text.startsWith(e.getKey(), i)) {
                        out.add(e.getValue());
                        i += e.getKey().length();
                        continue outer;
                    }
                }
            }
            int cp = text.codePointAt(i);
            if (cp == ' ') {
                out.add(SPACE);
            } else if (cp >= '!' && cp <= '~') {
                out.add(ASCII_BASE + cp - '!');
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.add(BYTE_BASE + (b & 0xFF));
                }
            }
            i += Character.charCount(cp);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text of token ids; byte tokens are joined back into UTF-8. */
    static String decode(int[] ids) {
        var bytes = new java.io.ByteArrayOutputStream();
        List<String> tokens = tokens();
        for (int id : ids) {
            if (id >= BYTE_BASE && id < BYTE_BASE + 256) {
                bytes.write(id - BYTE_BASE);
            } else if (id == SPACE) {
                bytes.write(' ');
            } else if (id >= 0 && id < SIZE) {
                bytes.writeBytes(tokens.get(id).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
