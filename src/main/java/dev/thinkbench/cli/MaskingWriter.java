package dev.thinkbench.cli;

import dev.thinkbench.core.SecretScrubber;

import java.io.IOException;
import java.io.Writer;

/**
 * What the command line prints, line by line through {@link SecretScrubber}: a key a model repeated in its thinking or
 * answer, a key pasted where a variable name or URL goes, never reach the terminal or a CI log. A line is held until
 * its end (or a flush, for progress written without one), so a key printed in pieces is masked whole.
 *
 * <p>Not thread-safe on its own; the {@link java.io.PrintWriter} around it locks.
 */
final class MaskingWriter extends Writer {

    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    MaskingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            line.append(c);
            if (c == '\n') {
                emit();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (!line.isEmpty()) {
            out.write(SecretScrubber.scrub(line.toString()));
            line.setLength(0);
        }
    }
}
