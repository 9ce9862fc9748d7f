package dev.thinkbench.engine.local.gguf;

/**
 * A file failed one GGUF check. The message is written for the user and names the offending value, e.g.
 * {@code architecture: 'qwen3' is not supported by the built-in engine (llama.cpp v0.5.0)}; a damaged or incomplete
 * file's ({@link GgufCheck#damage()}) starts with {@link #DAMAGED}, so every one says so in plain words first.
 */
public final class GgufFormatException extends Exception {

    private final GgufCheck check;
    private final String detail;

    /** The lead of every damaged or incomplete file's message, before the failed check and its detail. */
    public static final String DAMAGED = "not a usable GGUF file: damaged or incomplete; ";

    public GgufFormatException(GgufCheck check, String detail) {
        super((check.damage() ? DAMAGED : "") + check.label() + ": " + detail);
        this.check = check;
        this.detail = detail;
    }

    /**
     * The one wording for a model file that is not there (moved, deleted, or a path typed wrong), wherever a missing
     * file is said: {@code /x/ghost.gguf does not exist (moved or deleted?)}.
     */
    public static String missing(java.nio.file.Path path) {
        return path + " does not exist (moved or deleted?)";
    }

    /** What is wrong, without the check's name: for a file that is no model at all the name adds nothing. */
    public String detail() {
        return detail;
    }

    /** Which check failed. */
    public GgufCheck check() {
        return check;
    }
}
