package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.StopStringMatcher;

import dev.thinkbench.engine.TokenLogprob;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One sequence's output on its way to the app: token bytes joined into whole UTF-8 characters, stop strings found
 * ({@link StopStringMatcher}), and text coalesced into few {@link HostEvent.Chunk}s. The first token goes at once;
 * after it, text waits until its batch {@link #flush flushes} every stream together, once per {@link #FLUSH_NANOS}
 * ({@link ContinuousBatch}), so a fast model sends about one line per half frame instead of one per token, a slow one
 * still streams token by token, and the sequences of one batch share one write to the app.
 *
 * <p>Not thread-safe: one per running completion, on the worker thread.
 */
final class SequenceStream {

    /**
     * How long text may wait for company before it is sent: half a frame at 60 Hz, so the window, which shows text
     * once a frame, still gets new text every frame. Each line wakes two of the app's threads (the reader, then the
     * caller), and on a machine whose cores all decode, each wake-up stalls a decode thread and its partner at ggml's
     * next barrier. At 3 ms a 300 tok/s model sent a line per token; at 8 ms it decoded 9-19% faster through the host
     * (alternated with 3 ms, same process, 2 cores), the micro model 11% faster. The sequences of one batch send on one
     * tick, so eight running at once wake the app's reader once an interval, not eight times.
     */
    static final long FLUSH_NANOS = 8_000_000;

    private final long id;
    private final StopStringMatcher matcher;
    private final Consumer<HostEvent> out;
    private final boolean withLogprobs;
    private final StringBuilder text = new StringBuilder();
    private final List<TokenLogprob> logprobs = new ArrayList<>();
    private byte[] partial = new byte[0];
    private int pendingTokens;
    private boolean sentAny;

    /** @param withLogprobs whether chunks carry their tokens' probabilities */
    SequenceStream(long id, List<String> stops, boolean withLogprobs, Consumer<HostEvent> out) {
        this.id = id;
        this.matcher = new StopStringMatcher(stops == null ? List.of() : stops);
        this.withLogprobs = withLogprobs;
        this.out = out;
    }

    /**
     * Takes one generated token's bytes; the first one with text is sent at once, the rest wait for {@link #flush}.
     *
     * @param probability its log-probability and alternatives, null when not asked for
     * @return true when this token completed a stop string (the stream then ignores further text)
     */
    boolean accept(byte[] piece, TokenLogprob probability) {
        pendingTokens++;
        if (probability != null) {
            logprobs.add(probability);
        }
        String decoded = decode(piece);
        text.append(matcher.feed(decoded));
        if (matcher.matched() != null) {
            return true;
        }
        if (!sentAny && !text.isEmpty()) {
            flush();
        }
        return false;
    }

    /** Counts a token that has no text (the end-of-generation token). */
    void acceptSilent(TokenLogprob probability) {
        pendingTokens++;
        if (probability != null) {
            logprobs.add(probability);
        }
    }

    /** The stop string that matched, or null. */
    String matched() {
        return matcher.matched();
    }

    /**
     * Sends what is pending, the held-back text, then the Done event.
     *
     * @param decodeSteps the decode steps the sequence took part in
     * @param sharedSteps of those, the ones shared with other sequences
     */
    void finish(String stop, int tokens, int promptTokens, int evaluated, int decodeSteps, int sharedSteps) {
        if (matcher.matched() == null) {
            if (partial.length > 0) {
                text.append(matcher.feed(new String(partial, StandardCharsets.UTF_8)));
                partial = new byte[0];
            }
            text.append(matcher.flush());
        }
        flush();
        out.accept(new HostEvent.Done(id, stop, matcher.matched() == null ? "" : matcher.matched(), tokens,
                promptTokens, evaluated, decodeSteps, sharedSteps));
    }

    /** Sends the text and tokens waiting since the last chunk, if any. */
    void flush() {
        if (pendingTokens == 0 && text.isEmpty()) {
            return;
        }
        sentAny = true;
        out.accept(new HostEvent.Chunk(id, text.toString(), pendingTokens,
                withLogprobs ? List.copyOf(logprobs) : null));
        text.setLength(0);
        logprobs.clear();
        pendingTokens = 0;
    }

    /** The bytes that form whole characters, the rest kept for the next piece. */
    private String decode(byte[] piece) {
        byte[] all = partial.length == 0 ? piece : concat(partial, piece);
        int whole = completeLength(all);
        partial = whole == all.length ? new byte[0] : Arrays.copyOfRange(all, whole, all.length);
        return whole == 0 ? "" : new String(all, 0, whole, StandardCharsets.UTF_8);
    }

    /** The length of the longest prefix that does not end inside a UTF-8 character. */
    static int completeLength(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = b[n - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for its lead
            }
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
