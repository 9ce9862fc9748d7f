package dev.thinkbench.engine.local.gguf;

/**
 * What one parse of a GGUF header may spend, so a crafted file cannot make the reader run out of memory or time:
 * the estimated heap its kept keys, strings, array elements and tensor infos take, and the array elements it walks
 * (a skipped string array still costs a read per element). Limits are far above any real model's header (a 256k
 * vocabulary kept in full is about 15 MB) and far below the engine host's heap. Confined to one parse.
 */
final class ReadBudget {

    /** Estimated heap a parse may keep: well under the engine host's 256 MB heap, with room for what it reads. */
    static final long DEFAULT_BYTES = 64L << 20;
    /** Array elements a parse may walk in all arrays together (real models: about a million). */
    static final long DEFAULT_ELEMENTS = 1L << 26;

    private final long bytesLimit;
    private final long elementsLimit;
    private long bytesLeft;
    private long elementsLeft;

    ReadBudget(long bytes, long elements) {
        this.bytesLimit = bytes;
        this.elementsLimit = elements;
        this.bytesLeft = bytes;
        this.elementsLeft = elements;
    }

    static ReadBudget standard() {
        return new ReadBudget(DEFAULT_BYTES, DEFAULT_ELEMENTS);
    }

    /** Accounts for {@code bytes} of heap about to be kept for {@code what}; refuses when over the budget. */
    void keep(long bytes, String what) throws GgufFormatException {
        if (bytes < 0 || bytes > bytesLeft) {
            throw new GgufFormatException(GgufCheck.SIZE_LIMIT, "the header's metadata would need more than "
                    + (bytesLimit >> 20) + " MB of memory (reached at " + what + "); no real model needs this much, "
                    + "so the file is damaged or made to exhaust memory");
        }
        bytesLeft -= bytes;
    }

    /** Accounts for walking {@code count} array elements of {@code what}; refuses when over the budget. */
    void walk(long count, String what) throws GgufFormatException {
        if (count < 0 || count > elementsLeft) {
            throw new GgufFormatException(GgufCheck.SIZE_LIMIT, "the header's arrays hold more than "
                    + elementsLimit + " elements in all (reached at " + what + "); no real model has this many");
        }
        elementsLeft -= count;
    }

    /** Estimated heap of a kept string of {@code utf8Bytes} bytes (at worst two bytes per character, plus headers). */
    static long stringCost(long utf8Bytes) {
        return 48 + 2 * utf8Bytes;
    }
}
