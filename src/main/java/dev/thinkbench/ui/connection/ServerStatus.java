package dev.thinkbench.ui.connection;

/**
 * What the connection bar says about the chosen engine: checking, fine, or a problem, in a few words, with the whole
 * message for when the user asks (a click on the badge).
 *
 * @param state where the check stands
 * @param summary a few words for the badge, empty when there is nothing to say
 * @param detail the whole message (the server's or the engine's), empty when there is none
 */
public record ServerStatus(State state, String summary, String detail) {

    /** Where the check of the chosen engine stands. */
    public enum State { NONE, CHECKING, OK, PROBLEM }

    public ServerStatus {
        summary = summary == null ? "" : summary;
        detail = detail == null ? "" : detail;
    }

    /** Nothing to say. */
    public static ServerStatus none() {
        return new ServerStatus(State.NONE, "", "");
    }
}
