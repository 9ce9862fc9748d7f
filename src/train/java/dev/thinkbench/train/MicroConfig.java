package dev.thinkbench.train;

/**
 * Shape of the micro model (llama architecture) and how long it may read.
 *
 * @param context the longest sequence trained and exported as {@code llama.context_length}
 */
record MicroConfig(int vocab, int dim, int layers, int heads, int feedForward, int context, float rmsEps) {

    /** d128, 5 layers, 4 heads of 32, SwiGLU 352, context 512, for a vocabulary of {@code vocab} tokens. */
    static MicroConfig standard(int vocab) {
        return new MicroConfig(vocab, 128, 5, 4, 352, 512, 1e-5f);
    }

    /** The standard shape with another width, depth and feed-forward size. */
    MicroConfig resized(int newDim, int newLayers, int newFeedForward) {
        return new MicroConfig(vocab, newDim, newLayers, newDim / 32, newFeedForward, context, rmsEps);
    }

    int headDim() {
        return dim / heads;
    }

    long parameterCount() {
        long perLayer = 4L * dim * dim + 3L * dim * feedForward + 2L * dim;
        return 2L * vocab * dim + layers * perLayer + dim;
    }
}
