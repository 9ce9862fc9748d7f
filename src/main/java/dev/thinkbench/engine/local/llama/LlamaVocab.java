package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's vocabulary ({@code llama_vocab}): tokenizing, token pieces, special tokens. Owned by its
 * {@link LlamaModel} and valid while it is loaded.
 *
 * <p>Special tokens: {@link #tokenize} parses special-token text (e.g. {@code <|im_end|>}) only when asked to, so user
 * text can be tokenized as plain text and template markup as markup.
 *
 * <p>Thread-safe (its scratch buffers are guarded), though the host uses it from one thread.
 */
public final class LlamaVocab {

    /** {@code LLAMA_TOKEN_ATTR_CONTROL}. */
    public static final int ATTR_CONTROL = 1 << 3;
    /** {@code LLAMA_TOKEN_ATTR_USER_DEFINED}. */
    public static final int ATTR_USER_DEFINED = 1 << 4;

    private final LlamaLibrary lib;
    private final MemorySegment vocab;
    private final int size;
    private final Arena scratchArena = Arena.ofAuto();
    private MemorySegment pieceBuffer;

    LlamaVocab(LlamaLibrary lib, MemorySegment vocab) {
        this.lib = lib;
        this.vocab = vocab;
        try {
            this.size = (int) lib.fn.vocabNTokens.invokeExact(vocab);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_n_tokens", t);
        }
        this.pieceBuffer = scratchArena.allocate(256);
    }

    /** The number of tokens. */
    public int size() {
        return size;
    }

    /**
     * Tokenizes text.
     *
     * @param addSpecial add BOS (and EOS) where the model asks for them
     * @param parseSpecial read special-token text as the special token; false reads it as plain text
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, in, ValueLayout.JAVA_BYTE, 0, utf8.length);
            int capacity = utf8.length + 4;
            MemorySegment out = arena.allocate(ValueLayout.JAVA_INT, capacity);
            int n = (int) lib.fn.tokenize.invokeExact(vocab, in, utf8.length, out, capacity, addSpecial,
                    parseSpecial);
            if (n == Integer.MIN_VALUE) {
                throw new LlamaException("the text is too long to tokenize (" + utf8.length + " bytes)", List.of());
            }
            if (n < 0) {
                capacity = -n;
                out = arena.allocate(ValueLayout.JAVA_INT, capacity);
                n = (int) lib.fn.tokenize.invokeExact(vocab, in, utf8.length, out, capacity, addSpecial,
                        parseSpecial);
                if (n < 0) {
                    throw new LlamaException("tokenizing failed (" + n + ")", List.of());
                }
            }
            return out.asSlice(0, (long) n * Integer.BYTES).toArray(ValueLayout.JAVA_INT);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_tokenize", t);
        }
    }

    /**
     * A token's bytes ({@code llama_token_to_piece}): may be part of a UTF-8 character.
     *
     * @param special render control tokens as their text (false renders them as nothing)
     */
    public synchronized byte[] piece(int token, boolean special) {
        try {
            int n = (int) lib.fn.tokenToPiece.invokeExact(vocab, token, pieceBuffer, (int) pieceBuffer.byteSize(), 0,
                    special);
            if (n < 0) {
                pieceBuffer = scratchArena.allocate(-n);
                n = (int) lib.fn.tokenToPiece.invokeExact(vocab, token, pieceBuffer, (int) pieceBuffer.byteSize(), 0,
                        special);
            }
            return n <= 0 ? new byte[0] : pieceBuffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_token_to_piece", t);
        }
    }

    /** A token's piece as text (invalid UTF-8 replaced); for display, e.g. probability alternatives. */
    public String pieceText(int token) {
        return new String(piece(token, true), StandardCharsets.UTF_8);
    }

    /** The token's vocabulary entry as stored in the model ({@code llama_vocab_get_text}), e.g. {@code ▁x}. */
    public String text(int token) {
        try {
            return LlamaLibrary.string((MemorySegment) lib.fn.vocabGetText.invokeExact(vocab, token));
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_get_text", t);
        }
    }

    /** {@code llama_token_attr} flags. */
    public int attributes(int token) {
        try {
            return (int) lib.fn.vocabGetAttr.invokeExact(vocab, token);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_get_attr", t);
        }
    }

    /** Whether the token ends generation (EOS, EOT, ...). */
    public boolean isEndOfGeneration(int token) {
        try {
            return (boolean) lib.fn.vocabIsEog.invokeExact(vocab, token);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_is_eog", t);
        }
    }

    /** Whether tokenizing with {@code addSpecial} puts a BOS first. */
    public boolean addsBos() {
        try {
            return (boolean) lib.fn.vocabGetAddBos.invokeExact(vocab);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_get_add_bos", t);
        }
    }

    public int eos() {
        try {
            return (int) lib.fn.vocabEos.invokeExact(vocab);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_eos", t);
        }
    }

    public int bos() {
        try {
            return (int) lib.fn.vocabBos.invokeExact(vocab);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_vocab_bos", t);
        }
    }

    /** The text of every control and user-defined token longer than one character (e.g. {@code <|im_end|>}). */
    public List<String> specialTokens() {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            if ((attributes(t) & (ATTR_CONTROL | ATTR_USER_DEFINED)) != 0) {
                String text = text(t);
                if (text.length() > 1) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
