package dev.thinkbench.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompt options: exactly one of {@code --prompt} and {@code --prompt-file}, and {@code --system}. A picocli
 * mixin; read on the command's thread.
 */
final class PromptOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt")
    private String system;

    /** Exactly one of --prompt and --prompt-file. */
    static final class Source {
        @Option(names = "--prompt", paramLabel = "TEXT", required = true)
        String text;

        @Option(names = "--prompt-file", paramLabel = "FILE", required = true)
        Path file;
    }

    /**
     * The prompt, from the option or read from the file.
     *
     * @throws picocli.CommandLine.ParameterException when the file cannot be read or the prompt is empty
     */
    String text() throws IOException {
        String text = source.file != null ? read(source.file) : source.text;
        if (text == null || text.isBlank()) {
            throw Arguments.error(command, "the prompt is empty");
        }
        return text;
    }

    private String read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw Arguments.error(command, "cannot read --prompt-file " + file);
        }
        return Files.readString(file);
    }

    /** The system prompt, null when none was given. */
    String system() {
        return system;
    }
}
