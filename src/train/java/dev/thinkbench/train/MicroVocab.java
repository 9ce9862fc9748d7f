package dev.thinkbench.train;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The micro model's vocabulary, laid out for llama.cpp's SPM ("llama") tokenizer so that it tokenizes any text
 * exactly as {@link #encode} does: 0 {@code <unk>}, 1 {@code <s>}, 2 {@code </s>}, 3..258 byte tokens
 * {@code <0x00>..<0xFF>} (newline is {@code <0x0A>}; a character not in the vocabulary falls back to its UTF-8
 * bytes), 259 {@code <|im_start|>}, 260 {@code <|im_end|>} (EOS), 261 {@code <think>}, 262 {@code </think>},
 * 263 {@code ▁} (space), 264..357 printable ASCII {@code !..~}; then word pieces learned by byte-pair merges on the
 * training text ({@link #learn}): letters only with an optional leading {@code ▁}, so digits, signs and
 * punctuation stay one character each and the arithmetic is written digit by digit. A piece's score is minus its
 * merge rank; SPM merges the highest-scoring adjacent pair first, leftmost on ties, which {@link #encode}
 * reproduces. Immutable; any thread.
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
    static final int BASE_SIZE = 358;
    static final String SPACE_MARK = "\u2581";
    /** llama.cpp token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 6 byte. */
    static final int NORMAL = 1;
    static final int UNKNOWN = 2;
    static final int CONTROL = 3;
    static final int USER_DEFINED = 4;
    static final int BYTE = 6;

    private static final Map<String, Integer> SPECIAL = Map.of("<|im_start|>", IM_START, "<|im_end|>", IM_END,
            "<think>", THINK, "</think>", END_THINK);
    private static final Pattern WORD = Pattern.compile(SPACE_MARK + "?[A-Za-z]+");

    private final List<String> tokens;
    private final float[] scores;
    private final Map<String, Integer> ids = new HashMap<>();

    private MicroVocab(List<String> tokens, float[] scores) {
        this.tokens = List.copyOf(tokens);
        this.scores = scores.clone();
        for (int i = 0; i < tokens.size(); i++) {
            ids.putIfAbsent(tokens.get(i), i);
        }
    }

    /** The 358 base tokens only: every text is written character by character. */
    static MicroVocab characters() {
        return new MicroVocab(baseTokens(), new float[BASE_SIZE]);
    }

    /** A vocabulary read back from a GGUF's token list and scores. */
    static MicroVocab of(List<String> tokens, float[] scores) {
        if (tokens.size() < BASE_SIZE || !tokens.subList(0, BASE_SIZE).equals(baseTokens())) {
            throw new IllegalArgumentException("not a micro vocabulary: the first " + BASE_SIZE + " tokens differ");
        }
        return new MicroVocab(tokens, scores);
    }

    /**
     * Learns up to {@code merges} word pieces from {@code texts} by byte-pair merging (most frequent adjacent pair
     * first, ties by the pair's text; pairs seen fewer than {@code minCount} times are not merged). Deterministic.
     */
    static MicroVocab learn(List<String> texts, int merges, int minCount) {
        Map<String, Integer> wordCounts = new HashMap<>();
        for (String text : texts) {
            for (String fragment : fragments(text)) {
                Matcher m = WORD.matcher(fragment.replace(" ", SPACE_MARK));
                while (m.find()) {
                    wordCounts.merge(m.group(), 1, Integer::sum);
                }
            }
        }
        List<List<String>> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        wordCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<String> symbols = new ArrayList<>();
            e.getKey().codePoints().forEach(cp -> symbols.add(Character.toString(cp)));
            words.add(symbols);
            counts.add(e.getValue());
        });
        List<String> tokens = new ArrayList<>(baseTokens());
        List<Float> scores = new ArrayList<>();
        for (int r = 1; r <= merges; r++) {
            Map<String, Integer> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                List<String> s = words.get(w);
                for (int i = 0; i + 1 < s.size(); i++) {
                    pairs.merge(s.get(i) + "\u0000" + s.get(i + 1), counts.get(w), Integer::sum);
                }
            }
            var best = pairs.entrySet().stream().max(Comparator.<Map.Entry<String, Integer>>comparingInt(
                    Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
            if (best.isEmpty() || best.get().getValue() < minCount) {
                break;
            }
            String[] pair = best.get().getKey().split("\u0000");
            String merged = pair[0] + pair[1];
            for (List<String> s : words) {
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.get(i).equals(pair[0]) && s.get(i + 1).equals(pair[1])) {
                        s.set(i, merged);
                        s.remove(i + 1);
                    }
                }
            }
            if (!tokens.contains(merged)) {
                tokens.add(merged);
                scores.add((float) -r);
            }
        }
        float[] all = new float[tokens.size()];
        for (int i = 0; i < scores.size(); i++) {
            all[BASE_SIZE + i] = scores.get(i);
        }
        return new MicroVocab(tokens, all);
    }

    int size() {
        return tokens.size();
    }

    List<String> tokens() {
        return tokens;
    }

    float[] scores() {
        return scores.clone();
    }

    List<Integer> types() {
        List<Integer> t = new ArrayList<>(tokens.size());
        t.addAll(List.of(UNKNOWN, CONTROL, CONTROL));
        for (int b = 0; b < 256; b++) {
            t.add(BYTE);
        }
        t.addAll(List.of(CONTROL, CONTROL, USER_DEFINED, USER_DEFINED));
        while (t.size() < tokens.size()) {
            t.add(NORMAL);
        }
        return t;
    }

    /** The base (character) token ids a learned piece is spelled with. */
    int[] characterIds(int id) {
        return tokens.get(id).codePoints().map(cp -> {
            Integer base = ids.get(Character.toString(cp));
            return base == null || base >= BASE_SIZE ? UNK : base;
        }).toArray();
    }

    /** Token ids of {@code text}, special tokens parsed, as llama.cpp's SPM tokenizer gives them for this vocab. */
    int[] encode(String text) {
        List<Integer> out = new ArrayList<>(text.length());
        int i = 0;
        int from = 0;
        while (i < text.length()) {
            String special = text.charAt(i) == '<' ? special(text, i) : null;
            if (special == null) {
                i++;
                continue;
            }
            spm(text.substring(from, i), out);
            out.add(SPECIAL.get(special));
            i += special.length();
            from = i;
        }
        spm(text.substring(from), out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text of token ids; byte tokens are joined back into UTF-8. */
    String decode(int[] ids) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (int id : ids) {
            if (id >= BYTE_BASE && id < BYTE_BASE + 256) {
                bytes.write(id - BYTE_BASE);
            } else if (id >= 0 && id < tokens.size()) {
                bytes.writeBytes(tokens.get(id).replace(SPACE_MARK, " ").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String special(String text, int at) {
        for (String s : SPECIAL.keySet()) {
            if (text.startsWith(s, at)) {
                return s;
            }
        }
        return null;
    }

    /** The text between special tokens, as the word-learning sees it. */
    private static List<String> fragments(String text) {
        return List.of(text.split("<\\|im_start\\|>|<\\|im_end\\|>|</think>|<think>"));
    }

    private record Bigram(int left, int right, float score, int size) {
    }

    /** llama.cpp's {@code llm_tokenizer_spm_session::tokenize} on one fragment without special tokens. */
    private void spm(String fragment, List<Integer> out) {
        if (fragment.isEmpty()) {
            return;
        }
        String text = fragment.replace(" ", SPACE_MARK);
        int[] cps = text.codePoints().toArray();
        int n = cps.length;
        String[] sym = new String[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        int[] len = new int[n];
        for (int i = 0; i < n; i++) {
            sym[i] = Character.toString(cps[i]);
            len[i] = 1;
            prev[i] = i - 1;
            next[i] = i == n - 1 ? -1 : i + 1;
        }
        String[] merged = sym.clone();
        PriorityQueue<Bigram> queue = new PriorityQueue<>(Comparator.comparingDouble((Bigram b) -> -b.score())
                .thenComparingInt(Bigram::left));
        for (int i = 1; i < n; i++) {
            addBigram(queue, merged, len, i - 1, i);
        }
        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            if (len[b.left()] == 0 || len[b.right()] == 0 || len[b.left()] + len[b.right()] != b.size()) {
                continue;
            }
            merged[b.left()] = merged[b.left()] + merged[b.right()];
            len[b.left()] += len[b.right()];
            len[b.right()] = 0;
            next[b.left()] = next[b.right()];
            if (next[b.right()] >= 0) {
                prev[next[b.right()]] = b.left();
            }
            addBigram(queue, merged, len, prev[b.left()], b.left());
            addBigram(queue, merged, len, b.left(), next[b.left()]);
        }
        for (int i = 0; i != -1; i = next[i]) {
            Integer id = ids.get(merged[i]);
            if (id != null) {
                out.add(id);
            } else {
                for (byte x : merged[i].getBytes(StandardCharsets.UTF_8)) {
                    out.add(BYTE_BASE + (x & 0xFF));
                }
            }
        }
    }

    private void addBigram(PriorityQueue<Bigram> queue, String[] merged, int[] len, int left, int right) {
        if (left == -1 || right == -1) {
            return;
        }
        Integer id = ids.get(merged[left] + merged[right]);
        if (id == null) {
            return;
        }
        queue.add(new Bigram(left, right, scores[id], len[left] + len[right]));
    }

    private static List<String> baseTokens() {
        List<String> t = new ArrayList<>(BASE_SIZE);
        t.add("<unk>");
        t.add("<s>");
        t.add("</s>");
        for (int b = 0; b < 256; b++) {
            t.add("<0x%02X>".formatted(b));
        }
        t.addAll(List.of("<|im_start|>", "<|im_end|>", "<think>", "</think>", SPACE_MARK));
        for (char c = '!'; c <= '~'; c++) {
            t.add(Character.toString(c));
        }
        return t;
    }

    /** Token counts by piece, for logs: how many of the learned pieces a sample uses. */
    static Map<String, Integer> histogram(MicroVocab v, List<String> texts) {
        Map<String, Integer> h = new LinkedHashMap<>();
        for (String t : texts) {
            for (int id : v.encode(t)) {
                h.merge(v.tokens.get(id), 1, Integer::sum);
            }
        }
        return h;
    }
}
