package dev.thinkbench.ui.models;

import dev.thinkbench.ui.common.Messages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a file cannot run, in the window's language, for the reasons a learner meets (a file that is no model, an empty
 * file): the engine words them in English, as the command line prints them, and each known sentence is said again
 * through a bundle key. Any other reason shows as it is (a model's own check names its keys and values). Any thread.
 */
final class ModelProblemWords {

    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("this is not a GGUF model file \\(it starts with (0x[0-9A-F]+), not 'GGUF'\\)"),
                    "models.problem.notGguf"),
            new Known(Pattern.compile("the file is empty"), "models.problem.empty"));

    private ModelProblemWords() {
    }

    static String say(String problem) {
        if (problem == null) {
            return null;
        }
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(problem);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Messages.get(k.key(), args);
            }
        }
        return problem;
    }
}
