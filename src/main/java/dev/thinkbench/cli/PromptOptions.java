package dev.thinkbench.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompt options: exactly one of {@code --prompt} and {@code --prompt-file}, and {@code --system}. A picocli
 * mixin; read on the command's thread.
 */
final class PromptOptions {

    /** Larger than any prompt a model takes; keeps a wrong file (a model, a log) from filling the heap. */
    static final long MAX_PROMPT_FILE_BYTES = 8L * 1024 * 1024;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt")
    private String system;

    /** Exactly one of --prompt and --prompt-file. */
    static final class Source {
        @Option(names = "--prompt", paramLabel = "TEXT", required = true, description = "The prompt, as text")
        String text;

        @Option(names = "--prompt-file", paramLabel = "FILE", required = true,
                description = "The prompt, read from a UTF-8 text file")
        Path file;
    }

    /**
     * The prompt, from the option or read from the file.
     *
     * @throws picocli.CommandLine.ParameterException when the file is a folder, missing, too large, not UTF-8 or
     *         unreadable, or the prompt is empty
     */
    String text() {
        String text = source.file != null ? read(source.file) : source.text;
        if (text == null || text.isBlank()) {
            throw Arguments.usage(command, "the prompt is empty");
        }
        return text;
    }

    private String read(Path file) {
        if (Files.isDirectory(file)) {
            throw Arguments.error(command, "--prompt-file " + file + " is a folder; give a text file");
        }
        if (!Files.isRegularFile(file)) {
            throw Arguments.error(command, "--prompt-file " + file + " does not exist");
        }
        try {
            if (Files.size(file) > MAX_PROMPT_FILE_BYTES) {
                throw Arguments.error(command, "--prompt-file " + file + " is over "
                        + MAX_PROMPT_FILE_BYTES / (1024 * 1024) + " MB; a prompt is text");
            }
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw Arguments.error(command, "--prompt-file " + file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw Arguments.error(command, "cannot read --prompt-file " + file + ": " + dev.thinkbench.core.FileProblems.reason(e));
        }
    }

    /** The system prompt, null when none was given. */
    String system() {
        return system;
    }
}
