package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.Messages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Stepper's own sentences in the user's language. The forcing layer says why the session is where it is, why each
 * step ended and what a branch is called in English words (it knows no bundles); each known sentence is matched here
 * and said again through a bundle key, its numbers and stop words kept as arguments. A sentence this list does not
 * know shows as it is, so a new reason in the forcing layer is never lost, only untranslated. Any thread.
 */
final class StepperWords {

    private record Known(Pattern pattern, String key) {
    }

    /** First match wins: the longer forms of a sentence come before the shorter ones. */
    private static final List<Known> KNOWN = List.of(
            known("thinking reached its cap of (\\d+) tokens: force the answer, or undo", "thinkingCap"),
            known("stopped to force the answer", "stoppedToForce"),
            known("stopped", "stopped"),
            known("the model ended its turn without closing its thinking \\((\\d+) tokens\\)", "endedTurn"),
            known("the model wants to stop thinking \\((\\d+) tokens so far\\); the server ignored the stop string",
                    "wantsToStopIgnored"),
            known("the model wants to stop thinking \\((\\d+) tokens so far, (\\d+)% sure\\)", "wantsToStopSure"),
            known("the model wants to stop thinking \\((\\d+) tokens so far\\)", "wantsToStop"),
            known("the answer reached its cap of (\\d+) tokens", "answerCap"),
            known("the answer was stopped before its end", "answerStopped"),
            known("answer written \\(forced; its least sure token at (\\d+)%\\)", "answerForcedSure"),
            known("answer written \\(forced\\)", "answerForced"),
            known("answer written after the model ended its thinking \\(its least sure token at (\\d+)%\\)",
                    "answerWrittenSure"),
            known("answer written after the model ended its thinking", "answerWritten"),
            known("thinking\u2026", "thinking"),
            known("answering\u2026", "answering"),
            known("you added a Wait", "addedWait"),
            known("you inserted text", "insertedText"),
            known("you edited the thinking", "editedThinking"),
            known("you let the model answer", "letAnswer"),
            known("you forced the answer", "forcedAnswer"),
            known("trace edited: continue, wait, insert or force the answer", "traceEdited"),
            known("model ended thinking \\((.+); the server ignored the stop string, cut here\\)", "note.thinkingCut"),
            known("model ended thinking \\((.+)\\)", "note.thinkingAt"),
            known("model ended thinking", "note.thinking"),
            known("model ended its answer \\((.+); the server ignored the stop string, cut here\\)", "note.answerCut"),
            known("model ended its answer \\((.+)\\)", "note.answerAt"),
            known("model ended its answer", "note.answer"),
            known("model ended its turn without closing thinking", "note.turn"),
            known("cut at the cap of (\\d+) tokens \\(the server ignored the cap\\)", "note.capIgnored"),
            known("reached the cap of (\\d+) tokens", "note.cap"),
            known("stopped by the user", "note.byUser"),
            known("edited by you", "note.edited"),
            known("branch (\\d+)", "branch"));

    private StepperWords() {
    }

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex), "stepper.words." + key);
    }

    /** {@code text} in the user's language when it is a known sentence, else as it is; null stays null. */
    static String say(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(text);
            if (m.matches()) {
                // groups as strings: a token count reads as the forcing layer wrote it, without grouping
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Messages.get(k.key(), args);
            }
        }
        return text;
    }
}
