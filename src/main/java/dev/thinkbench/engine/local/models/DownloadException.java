package dev.thinkbench.engine.local.models;

import dev.thinkbench.core.Worded;

/** A download that did not produce a model file, with a message for the user and whether it can resume. */
public final class DownloadException extends Exception {

    /** Why a download stopped. */
    public enum Reason {
        /** The user cancelled or paused; the partial file is kept. */
        CANCELLED,
        /** The connection dropped or the server failed, again after retries; the partial file is kept. */
        CONNECTION,
        /**
         * The server's name did not resolve or nothing answered at its address before a byte came: this computer
         * looks offline (or a proxy or firewall is in the way). Not retried: waiting would only delay the news.
         */
        OFFLINE,
        /** The server refused the request (404, 403, ...). */
        HTTP,
        /** Not enough free disk space; the partial file is kept. */
        DISK_FULL,
        /** The file's SHA-256 differs from the published one; the file was deleted. */
        CHECKSUM,
        /** The downloaded bytes are not a GGUF model; the file was deleted. */
        NOT_A_MODEL,
        /** A local file error. */
        IO,
        /** The file name from the URL is not a plain {@code .gguf} name (a folder, {@code ..}, odd characters). */
        UNSAFE_NAME,
        /** The server sent, or announced, far more than the catalog's size for the model; the file was deleted. */
        TOO_LARGE
    }

    private final Reason reason;
    private final Worded worded;

    public DownloadException(Reason reason, String message) {
        this(reason, message, null);
    }

    public DownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.worded = Worded.plain(message);
    }

    /** A download stopped for {@code reason}, its message {@code words} in English (a window words it itself). */
    public DownloadException(Reason reason, Worded words, Throwable cause) {
        super(words.english(), cause);
        this.reason = reason;
        this.worded = words;
    }

    /** The message by its reason and values ({@link DownloadWording}), or as plain English text. */
    public Worded worded() {
        return worded;
    }

    public Reason reason() {
        return reason;
    }

    /** True when a later download of the same file continues from the bytes already on disk. */
    public boolean resumable() {
        return reason == Reason.CANCELLED || reason == Reason.CONNECTION || reason == Reason.DISK_FULL;
    }
}
