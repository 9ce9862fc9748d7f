package dev.thinkbench.core;

/** Where a run stands. */
public enum RunStatus {
    PENDING, RUNNING, OK, FAILED, CANCELLED;

    public boolean terminal() {
        return this == OK || this == FAILED || this == CANCELLED;
    }

    /** The lower-case name used in JSON output ({@code ok}, {@code failed}, ...). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
