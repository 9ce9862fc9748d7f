package dev.thinkbench.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A file problem in words, not just its path. */
class FileProblemsTest {

    @Test
    void aMissingFileAFolderAndAPlainErrorAreSaidInWords(@TempDir Path dir) {
        IOException missing = catchThrowableOfType(IOException.class,
                () -> Files.readString(dir.resolve("nope.jsonl")));
        assertThat(FileProblems.reason(missing)).isEqualTo("no such file");
        IOException folder = catchThrowableOfType(IOException.class, () -> Files.readString(dir));
        assertThat(FileProblems.reason(folder)).isEqualToIgnoringCase("is a directory");
        assertThat(FileProblems.reason(new IOException("disk full"))).isEqualTo("disk full");
        assertThat(FileProblems.reason(new IOException())).isEqualTo("IOException");
    }
}
