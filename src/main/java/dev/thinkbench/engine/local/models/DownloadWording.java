package dev.thinkbench.engine.local.models;

import dev.thinkbench.core.EnglishWording;

/**
 * What a stopped download says, in English (the command line's wording); a window in another language words the same
 * reason from its bundle ({@code download.error.<NAME>}) over the same values. The values: a host name, a size such as
 * {@code 1.2 MB}, a number of seconds, and the network library's own (English) words about the failure.
 */
public enum DownloadWording implements EnglishWording {
    /** {0} the host. */
    OFFLINE("cannot reach {0}: this computer seems to be offline, or a proxy or firewall blocks it. Try again once it "
            + "is connected"),
    /** {0} the host, {1} the bytes kept, {2} the network's words. */
    UNREACHABLE("cannot reach {0} after {1} ({2}); the download can resume"),
    /** {0} the host, {1} seconds without an answer, {2} the bytes kept. */
    NO_ANSWER("{0} did not answer for {1} s (after {2}); the download can resume"),
    /** {0} seconds without a byte, {1} the bytes kept, {2} the network's words. */
    STALLED("the server stopped sending for {0} s after {1} ({2}); the download can resume"),
    /** {0} the bytes kept, {1} the network's words. */
    DROPPED("the connection dropped after {0} ({1}); the download can resume"),
    /** {0} the folder, {1} the bytes still to download, {2} the room kept free beside them, {3} the free space. */
    NO_SPACE("not enough disk space in {0}: {1} still to download and {2} kept free beside it, but only {3} free"),
    /** {0} the bytes kept. */
    DISK_FULL("the disk is full after {0}; free some space and resume"),
    /** {0} the bytes kept. */
    PAUSED("download paused; {0} kept, it continues from there next time"),
    /** No value: paused before the first byte came. */
    PAUSED_BEFORE_DATA("download paused before any data came; it starts from the beginning next time");

    private final String english;

    DownloadWording(String english) {
        this.english = english;
    }

    @Override
    public String english() {
        return english;
    }
}
