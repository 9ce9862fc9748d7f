package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.SweepResults;

/**
 * The Experiments tab as a session sees it: the sweep results to save, and how to show saved ones. Called on the UI
 * thread.
 */
public interface SweepSessions {

    /** The sweep's results to save, null when no sweep has results. */
    SweepResults record();

    /**
     * How many results or grades the Experiments tab holds that are in no file (their sweep's results file could not
     * be written): the only sweep results closing the window would lose.
     */
    default int unwrittenResults() {
        return 0;
    }

    /**
     * The sweep under way in words ("37 of 120 runs"), null when none is: closing the window stops it, so the window
     * asks first.
     */
    String underWay();

    /**
     * The charts of the sweep whose results {@link #record} gives, as PNG images by caption, for a report; empty when
     * there are none. UI thread (they are drawn there).
     */
    java.util.Map<String, byte[]> chartPngs();

    /** Puts the sweep shown away: a session without sweep results was opened. */
    void clear();

    /** Shows a session's sweep results in the Experiments tab. */
    void show(SweepResults results);
}
