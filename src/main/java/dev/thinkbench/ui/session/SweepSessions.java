package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.SweepResults;

/**
 * The Experiments tab as a session sees it: the sweep results to save, and how to show saved ones. Called on the UI
 * thread.
 */
public interface SweepSessions {

    /** The sweep's results to save, null when no sweep has results. */
    SweepResults record();

    /** Shows a session's sweep results in the Experiments tab. */
    void show(SweepResults results);
}
