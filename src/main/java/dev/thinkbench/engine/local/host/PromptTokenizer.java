package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.SpecialTokens;
import dev.thinkbench.engine.local.llama.LlamaVocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tokenizes a prompt so that template markup becomes special tokens and user text never does. Chat templates escape
 * every special-token string in user text by putting {@link SpecialTokens#BREAK} after its first character
 * ({@code core.SpecialTokens}); here such an escaped string is cut out, the break removed, and tokenized as plain text
 * ({@code parse_special=false}, and in two pieces, since llama.cpp matches user-defined tokens such as
 * {@code </think>} even in plain text), so the model reads the characters the user typed; the rest of the prompt is
 * tokenized with special tokens parsed. (With a SentencePiece vocabulary that adds a space prefix, each piece gets
 * one: the price of keeping a typed marker out of the token stream.) A break that escapes nothing the vocabulary knows is dropped when it
 * follows {@code <} (the generic escape), and kept otherwise (text of the user's own).
 *
 * <p>Stateless apart from the vocabulary's special tokens; used by the host's worker thread.
 */
final class PromptTokenizer {

    private final LlamaVocab vocab;
    /** Longest first, so the longest escaped marker wins. */
    private final List<String> specials;

    PromptTokenizer(LlamaVocab vocab, List<String> specials) {
        this.vocab = vocab;
        this.specials = specials.stream().filter(s -> s.length() > 1)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A stretch of the prompt and whether special tokens are parsed in it. */
    record Segment(String text, boolean markup) {
    }

    /** The prompt's tokens, BOS first when {@code addBos} and the model wants one. */
    int[] tokenize(String prompt, boolean addBos) {
        List<Segment> segments = segments(prompt);
        List<int[]> parts = new ArrayList<>(segments.size());
        int total = 0;
        boolean first = true;
        for (Segment s : segments) {
            if (s.markup()) {
                parts.add(vocab.tokenize(s.text(), first && addBos, true));
            } else {
                // llama.cpp matches user-defined tokens (e.g. </think>) even as plain text: cut the marker after its
                // first character so no part of it spells the token
                parts.add(vocab.tokenize(s.text().substring(0, 1), first && addBos, false));
                parts.add(vocab.tokenize(s.text().substring(1), false, false));
            }
            first = false;
        }
        for (int[] t : parts) {
            total += t.length;
        }
        if (segments.isEmpty() && addBos) {
            parts.add(vocab.tokenize("", true, true));
            total = parts.getFirst().length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Splits the prompt at escaped special-token strings. */
    List<Segment> segments(String prompt) {
        List<Segment> out = new ArrayList<>();
        StringBuilder markup = new StringBuilder();
        int i = 0;
        while (i < prompt.length()) {
            int brk = prompt.indexOf(SpecialTokens.BREAK, i);
            if (brk < 0) {
                markup.append(prompt, i, prompt.length());
                break;
            }
            if (brk == i) {
                // nothing before it in this stretch to have been escaped: the user's own character
                markup.append(SpecialTokens.BREAK);
                i = brk + 1;
                continue;
            }
            markup.append(prompt, i, brk - 1);
            String escaped = escapedSpecial(prompt, brk);
            if (escaped != null) {
                if (!markup.isEmpty()) {
                    out.add(new Segment(markup.toString(), true));
                    markup.setLength(0);
                }
                out.add(new Segment(escaped, false));
                i = brk + escaped.length();
            } else {
                markup.append(prompt.charAt(brk - 1));
                if (prompt.charAt(brk - 1) != '<') {
                    markup.append(SpecialTokens.BREAK);
                }
                i = brk + 1;
            }
        }
        if (!markup.isEmpty()) {
            out.add(new Segment(markup.toString(), true));
        }
        return out;
    }

    /** The special token whose text, with the break at {@code brk} removed, starts at {@code brk - 1}. */
    private String escapedSpecial(String prompt, int brk) {
        char first = prompt.charAt(brk - 1);
        for (String s : specials) {
            if (s.charAt(0) == first && prompt.startsWith(s.substring(1), brk + 1)) {
                return s;
            }
        }
        return null;
    }
}
