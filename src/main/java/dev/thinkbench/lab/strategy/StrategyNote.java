package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.EnglishWording;

/**
 * How a strategy made its pick, with the English wording: the results files and the command line keep the English,
 * a window words the same note in its own language.
 */
public enum StrategyNote implements EnglishWording {
    VOTES("{0} of {1} votes for {2}"),
    TIED_VOTES("{0} of {1} votes for {2}, tied with {3}: the answer given first wins the tie"),
    UNSCORED_VOTES("the judge gave no score that reads as one (it said \u201c{3}\u201d), so the majority picked: {0} of "
            + "{1} votes for {2}"),
    SCORE("verifier score {0}"),
    SHARED_SCORE("verifier score {0} shared by {1} candidates; majority among them"),
    SHORTEST("shortest reasoning of {0} ({1} thinking tokens)"),
    LONGEST("longest reasoning of {0} ({1} thinking tokens)"),
    NO_READABLE_ANSWER("no candidate gave a readable answer"),
    EVERY_CANDIDATE_FAILED("every candidate failed"),
    JUDGE_FAILED("the judge failed on every candidate: {0}"),
    PROBES("answer probes: {0}, the last after {1} thinking tokens"),
    ROUTED_BY_DIFFICULTY("difficulty {0} of {1}: routed to {2}"),
    ROUTED_BY_RATING("rated {0} of {1}: routed to {2}"),
    ROUTED_UNRATED("the difficulty rating was unreadable: routed to {0}");

    private final String english;

    StrategyNote(String english) {
        this.english = english;
    }

    @Override
    public String english() {
        return english;
    }
}
