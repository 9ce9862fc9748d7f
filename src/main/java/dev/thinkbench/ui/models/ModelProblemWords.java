package dev.thinkbench.ui.models;

import dev.thinkbench.ui.common.KnownSentences;

/**
 * Why a file cannot run, in the window's language, for the reasons a learner meets (a file that is no model, an empty
 * file): the engine words them in English, as the command line prints them ({@link KnownSentences}). Any other reason
 * shows as it is (a model's own check names its keys and values). Any thread.
 */
final class ModelProblemWords {

    private static final KnownSentences KNOWN = KnownSentences.builder()
            .add("this is not a GGUF model file \\(it starts with (0x[0-9A-F]+), not 'GGUF'\\)",
                    "models.problem.notGguf")
            .add("the file is empty", "models.problem.empty")
            .build();

    private ModelProblemWords() {
    }

    static String say(String problem) {
        return KNOWN.say(problem);
    }
}
