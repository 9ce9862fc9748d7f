package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.ui.common.KnownSentences;

import java.util.regex.Pattern;

/**
 * Why a file cannot run, in the window's language (a file that is no model, an empty or cut-off one, an architecture
 * the engine does not know, a damaged header): the engine words them in English, as the command line prints them
 * ({@link KnownSentences}); in another language the English sentence follows as the detail where it names keys and
 * values. A reason the list does not know shows as it is. Any thread.
 */
final class ModelProblemWords {

    private static final KnownSentences KNOWN = KnownSentences.builder()
            .add("this is not a GGUF model file \\(it starts with (0x[0-9A-F]+), not 'GGUF'\\)",
                    "models.problem.notGguf")
            .add("the file is empty", "models.problem.empty")
            .add("the file has (\\d+) bytes, too small for a GGUF model \\(its header alone takes (\\d+)\\)",
                    "models.problem.tooSmall")
            .add("(.+) does not exist \\(moved or deleted\\?\\)", "models.problem.missing")
            .add("(.+ is not a file)", "models.problem.notAFile")
            .add("(.+ cannot be read \\(permissions\\))", "models.problem.permissions")
            .add("architecture: '(.+?)' is not supported by the built-in engine \\((.+?)\\); it knows (.*)",
                    "models.problem.architecture")
            .add("architecture: '(.+?)' is an encoder or audio model and cannot continue text", "models.problem.encoder")
            .add("(version: .*)", "models.problem.version")
            .add(Pattern.quote(GgufFormatException.DAMAGED) + "(truncated header: .*)", "models.problem.truncated")
            .add("(cannot read the file: .*)", "models.problem.unreadable")
            // any other check of the header: the file is damaged (or not written as llama.cpp writes them)
            .add(Pattern.quote(GgufFormatException.DAMAGED) + "(.*)", "models.problem.damaged")
            .build();

    private ModelProblemWords() {
    }

    static String say(String problem) {
        return KNOWN.say(problem);
    }
}
