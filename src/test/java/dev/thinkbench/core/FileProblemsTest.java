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

    @Test
    void aJsonParsersOwnLocationNotesAreLeftOut() {
        assertThat(FileProblems.jsonReason("Unexpected end-of-input: expected close marker for Object (start marker at"
                + " [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(FileProblems.jsonReason("Unrecognized token 'garbage': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false')"))
                .isEqualTo("Unrecognized token 'garbage': was expecting (JSON String, Number, Array, Object or token"
                        + " 'null', 'true' or 'false')");
        assertThat(FileProblems.jsonReason(null)).isEmpty();
    }
}
