package dev.thinkbench.core;

/**
 * A token count and where it came from. An unknown count has a null value and is shown as a dash.
 */
public record TokenCount(Integer value, Source source) {

    /** Where a count came from. */
    public enum Source {
        /** The server or engine reported it. */
        REPORTED,
        /** Counted here from the streamed chunks or decoded tokens. */
        COUNTED,
        UNKNOWN
    }

    public static TokenCount unknown() {
        return new TokenCount(null, Source.UNKNOWN);
    }

    public static TokenCount reported(int value) {
        return new TokenCount(value, Source.REPORTED);
    }

    public static TokenCount counted(int value) {
        return new TokenCount(value, Source.COUNTED);
    }

    public boolean known() {
        return value != null;
    }

    /** The value, or the dash the UI shows for unknown. */
    public String display() {
        return value == null ? "\u2013" : String.format("%,d", value);
    }
}
