package dev.thinkbench.engine.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds thinking that a server left in the answer text: a reply whose content opens with {@code <think>} and closes
 * it with {@code </think>} before the answer (llama-server with {@code --reasoning-format none}, LM Studio, vLLM
 * without a reasoning parser, many OpenAI-compatible proxies). Without this the whole trace would count as answer and
 * every thinking measure would read 0.
 *
 * <p>Text is taken piece by piece as it streams; a piece that may still become a tag ({@code "<thi"},
 * {@code "</thin"}) is held until the next one tells, and {@link #flush()} gives back whatever is held at the end. A
 * reply that does not open with the tag (after white space) is all answer, passed on as it comes, unless the prompt
 * opened the thinking ({@link #openedByPrompt}): then the reply starts as thinking and {@code </think>} ends it. The
 * white space between {@code </think>} and the answer is dropped.
 *
 * <p>Not thread-safe: one stream's text, in order.
 */
final class InlineThinking {

    static final String OPEN = "<think>";
    static final String CLOSE = "</think>";

    /** A stretch of text, thinking or answer. */
    record Piece(String text, boolean thinking) {
    }

    private enum Where { UNDECIDED, THINKING, ANSWER_START, ANSWER }

    private Where where = Where.UNDECIDED;
    private final StringBuilder held = new StringBuilder();
    /** Whether the thinking was opened by the prompt, not by the reply. */
    private boolean byPrompt;
    /** Whether any text has been passed on. */
    private boolean passedAny;

    /**
     * The prompt ends inside thinking: what comes is thinking until {@code </think>} (a {@code <think>} the model
     * writes again first is dropped). Before any text.
     */
    void openedByPrompt() {
        if (where == Where.UNDECIDED && held.isEmpty()) {
            byPrompt = true;
        }
    }

    /**
     * The server sends the thinking apart (a reasoning field): the text is then the answer, even where the prompt
     * opened the thinking.
     */
    void separatedByServer() {
        if (byPrompt && (where == Where.UNDECIDED || where == Where.THINKING) && !passedAny && held.isEmpty()) {
            where = Where.ANSWER;
        }
    }

    /** The pieces {@code text} completes, in order (none while it may still be part of a tag). */
    List<Piece> content(String text) {
        List<Piece> out = new ArrayList<>(2);
        if (where == Where.ANSWER) {
            add(out, text, false);
            return out;
        }
        held.append(text);
        if (where == Where.UNDECIDED) {
            String start = held.toString().stripLeading();
            if (start.length() < OPEN.length() && OPEN.startsWith(start)) {
                return out; // white space or the tag's beginning so far
            }
            if (start.startsWith(OPEN)) {
                held.setLength(0);
                held.append(start, OPEN.length(), start.length());
                where = Where.THINKING;
            } else if (byPrompt) {
                where = Where.THINKING; // the prompt opened it: the text is thinking as it came
            } else {
                where = Where.ANSWER;
                add(out, takeHeld(), false);
                return out;
            }
        }
        if (where == Where.THINKING) {
            int close = held.indexOf(CLOSE);
            if (close < 0) {
                int keep = partialTagAtEnd(held, CLOSE);
                add(out, held.substring(0, held.length() - keep), true);
                held.delete(0, held.length() - keep);
                return out;
            }
            add(out, held.substring(0, close), true);
            held.delete(0, close + CLOSE.length());
            where = Where.ANSWER_START;
        }
        String rest = takeHeld().stripLeading();
        if (!rest.isEmpty()) {
            where = Where.ANSWER;
            add(out, rest, false);
        }
        return out;
    }

    /** What is held, as what it would have been: at the end of the stream. */
    List<Piece> flush() {
        List<Piece> out = new ArrayList<>(1);
        add(out, takeHeld(), where == Where.THINKING || byPrompt && where == Where.UNDECIDED);
        return out;
    }

    private String takeHeld() {
        String s = held.toString();
        held.setLength(0);
        return s;
    }

    private void add(List<Piece> out, String text, boolean thinking) {
        if (!text.isEmpty()) {
            passedAny = true;
            out.add(new Piece(text, thinking));
        }
    }

    /** How many of the last characters of {@code text} begin {@code tag} (and may become it with the next piece). */
    private static int partialTagAtEnd(CharSequence text, String tag) {
        for (int n = Math.min(tag.length() - 1, text.length()); n > 0; n--) {
            boolean match = true;
            for (int i = 0; i < n && match; i++) {
                match = text.charAt(text.length() - n + i) == tag.charAt(i);
            }
            if (match) {
                return n;
            }
        }
        return 0;
    }
}
