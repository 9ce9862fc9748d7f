package dev.thinkbench.ui.connection;

/**
 * What a {@linkplain ConnectionViewModel#setModelPreloader model preloader} throws for a model whose file does not
 * exist (moved, deleted, or a path typed wrong): the model badge then says so in its own words, with what to do,
 * before any run fails on it.
 */
public final class ModelFileMissingException extends Exception {

    private final String file;

    /** @param file the missing file, as a path */
    public ModelFileMissingException(String file) {
        super(file + " does not exist");
        this.file = file;
    }

    /** The missing file, as a path. */
    public String file() {
        return file;
    }
}
