package dev.thinkbench.engine.stream;

import java.util.List;

/**
 * Keeps thinking ahead of answer text that arrived in the same stream chunk.
 *
 * <p>Why: when one chunk carries both answer and thinking text (the boundary chunk of DeepSeek, Ollama and vLLM
 * streams), langchain4j's OpenAI and Ollama modules call {@code onPartialResponse} before {@code onPartialThinking}
 * (langchain4j issue 6489), which would show the answer's first words before the last words of thinking. So answer
 * text is held until the chunk has been handled completely ({@link #endOfChunk()}) or until thinking of the same chunk
 * arrives; thinking is never held. Held text is released within the handling of its own chunk, so nothing waits for
 * the network.
 *
 * <p>Thinking a server leaves in the answer text between {@code <think>} tags is taken out as thinking
 * ({@link InlineThinking}).
 *
 * <p>Token counts: by default one token per stream callback, the usual granularity of local servers (one sampled token
 * per chunk). Hosted APIs that send text in batches count nothing per callback (0, "cannot tell"), so that only the
 * counts they report are shown.
 *
 * <p>Threading: thread-safe; normally called from the stream's thread, and {@link #flush()} also from whoever ends the
 * run.
 */
public final class ThinkingFirst {

    private final RunEvents events;
    private final int tokensPerCallback;
    private final boolean summary;
    private final StringBuilder heldAnswer = new StringBuilder();
    private int heldTokens;
    private final InlineThinking inline = new InlineThinking();
    /** Tokens of callbacks whose text is still held as a possible tag. */
    private int untold;

    /** One token per callback; thinking is the model's own. */
    public ThinkingFirst(RunEvents events) {
        this(events, true, false);
    }

    /**
     * @param oneTokenPerCallback whether each callback is one token (else deltas carry 0: "cannot tell")
     * @param summary whether the thinking text is the provider's summary of the thinking
     */
    public ThinkingFirst(RunEvents events, boolean oneTokenPerCallback, boolean summary) {
        this.events = events;
        this.tokensPerCallback = oneTokenPerCallback ? 1 : 0;
        this.summary = summary;
    }

    public synchronized void thinking(String text) {
        inline.separatedByServer();
        events.thinking(text, tokensPerCallback, summary);
        releaseAnswer();
    }

    /**
     * The prompt opened the thinking ({@link ChatProtocol#promptOpensThinking}): the reply's text is thinking until
     * {@code </think>}, unless the server sends the thinking apart. Call before the stream starts.
     */
    public synchronized void promptOpenedThinking() {
        inline.openedByPrompt();
    }

    /**
     * Answer text as the server sent it; thinking the server left in it between {@code <think>} tags is taken out
     * as thinking ({@link InlineThinking}). A callback's token goes with the first text it completes.
     */
    public synchronized void answer(String text) {
        untold += tokensPerCallback;
        pass(inline.content(text));
    }

    private void pass(List<InlineThinking.Piece> pieces) {
        for (InlineThinking.Piece p : pieces) {
            if (p.thinking()) {
                events.thinking(p.text(), untold, summary);
                releaseAnswer();
            } else {
                heldAnswer.append(p.text());
                heldTokens += untold;
            }
            untold = 0;
        }
    }

    /** The chunk has been handled: release its answer text. */
    public synchronized void endOfChunk() {
        releaseAnswer();
    }

    /**
     * Releases held text now (before the run's terminal event, so nothing received is lost), a tag's beginning
     * held by {@link InlineThinking} included.
     */
    public synchronized void flush() {
        pass(inline.flush());
        releaseAnswer();
    }

    private void releaseAnswer() {
        if (heldAnswer.isEmpty()) {
            return;
        }
        events.answer(heldAnswer.toString(), heldTokens);
        heldAnswer.setLength(0);
        heldTokens = 0;
    }
}
