package dev.thinkbench.train;

/**
 * Shape of the micro model (llama architecture) and how long it may read.
 *
 * @param context the longest sequence trained and exported as {@code llama.context_length}
 */
record MicroConfig(int vocab, int dim, int layers, int heads, int feedForward, int context, float rmsEps) {

    /** d128, 5 layers, 4 heads of 32, SwiGLU 352: about 1.1M parameters. */
    static MicroConfig standard() {
        return new MicroConfig(MicroVocab.SIZE, 128, 5, 4, 352, 384, 1e-5f);
    }

    int headDim() {
        return dim / heads;
    }

    long parameterCount() {
        long perLayer = 4L * dim * dim + 3L * dim * feedForward + 2L * dim;
        return 2L * vocab * dim + layers * perLayer + dim;
    }
}
