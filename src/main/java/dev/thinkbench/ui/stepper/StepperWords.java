package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.KnownSentences;

/**
 * The Stepper's own sentences in the user's language. The forcing layer says why the session is where it is, why each
 * step ended and what a branch is called in English words (it knows no bundles); each known sentence is said again
 * through a bundle key ({@link KnownSentences}), its numbers and stop words kept as arguments. Any thread.
 */
final class StepperWords {

    /** First match wins: the longer forms of a sentence come before the shorter ones. */
    private static final KnownSentences KNOWN = KnownSentences.builder("stepper.words.")
            .add("thinking reached its cap of (\\d+) tokens: force the answer, or undo", "thinkingCap")
            .add("stopped to force the answer", "stoppedToForce")
            .add("stopped", "stopped")
            .add("the model ended its turn without closing its thinking \\((\\d+) tokens\\)", "endedTurn")
            .add("the model wants to stop thinking \\((\\d+) tokens so far\\); the server ignored the stop string",
                    "wantsToStopIgnored")
            .add("the model wants to stop thinking \\((\\d+) tokens so far, ([<>]?\\d+)% sure\\)", "wantsToStopSure")
            .add("the model wants to stop thinking \\((\\d+) tokens so far\\)", "wantsToStop")
            .add("the answer reached its cap of (\\d+) tokens", "answerCap")
            .add("the answer was stopped before its end", "answerStopped")
            .add("answer written \\(forced; its least sure token at ([<>]?\\d+)%\\)", "answerForcedSure")
            .add("answer written \\(forced\\)", "answerForced")
            .add("answer written \\(you closed the thinking the model had left open; its least sure token at "
                    + "([<>]?\\d+)%\\)", "answerClosedOpenSure")
            .add("answer written \\(you closed the thinking the model had left open\\)", "answerClosedOpen")
            .add("answer written \\(you closed the thinking; its least sure token at ([<>]?\\d+)%\\)",
                    "answerClosedSure")
            .add("answer written \\(you closed the thinking\\)", "answerClosed")
            .add("answer written after the model ended its thinking \\(its least sure token at ([<>]?\\d+)%\\)",
                    "answerWrittenSure")
            .add("answer written after the model ended its thinking", "answerWritten")
            .add("thinking\u2026", "thinking")
            .add("answering\u2026", "answering")
            .add("you added a Wait", "addedWait")
            .add("you inserted text", "insertedText")
            .add("you edited the thinking", "editedThinking")
            .add("you let the model answer", "letAnswer")
            .add("you forced the answer", "forcedAnswer")
            .add("trace edited: continue, wait, insert or force the answer", "traceEdited")
            .add("model ended thinking \\((.+); the server ignored the stop string, cut here\\)", "note.thinkingCut")
            .add("model ended thinking \\((.+)\\)", "note.thinkingAt")
            .add("model ended thinking", "note.thinking")
            .add("model ended its answer \\((.+); the server ignored the stop string, cut here\\)", "note.answerCut")
            .add("model ended its answer \\((.+)\\)", "note.answerAt")
            .add("model ended its answer", "note.answer")
            .add("model ended its turn without closing thinking", "note.turn")
            .add("cut at the cap of (\\d+) tokens \\(the server ignored the cap\\)", "note.capIgnored")
            .add("reached the cap of (\\d+) tokens", "note.cap")
            .add("stopped by the user", "note.byUser")
            .add("edited by you", "note.edited")
            .add("branch (\\d+)", "branch")
            .build();

    private StepperWords() {
    }

    /** {@code text} in the user's language when it is a known sentence, else as it is; null stays null. */
    static String say(String text) {
        return KNOWN.say(text);
    }
}
