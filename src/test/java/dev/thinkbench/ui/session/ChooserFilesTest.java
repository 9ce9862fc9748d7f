package dev.thinkbench.ui.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the file dialogs start: Save in the user's folder, never in the app's samples; then where the user went. */
class ChooserFilesTest {

    @Test
    void saveStartsInTheUsersFolderAndOpenInTheSamplesUntilAFolderIsUsed(@TempDir Path dir) {
        Path samples = dir.resolve("samples");
        Path mine = dir.resolve("data/saved-sessions");
        ChooserFiles files = new ChooserFiles(null, samples, () -> mine);

        assertThat(files.start(false)).isEqualTo(samples);
        assertThat(files.start(true)).isEqualTo(mine);
        assertThat(mine).as("made for the dialog").isDirectory();

        files.used(dir.resolve("talks/demo.json"));
        assertThat(files.start(true)).isEqualTo(dir.resolve("talks"));
        assertThat(files.start(false)).isEqualTo(dir.resolve("talks"));
    }

    @Test
    void aSaveFolderThatCannotBeMadeLeavesTheChoiceToThePlatform(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        ChooserFiles files = new ChooserFiles(null, null, () -> file.resolve("below-a-file"));
        assertThat(files.start(true)).isNull();
    }

    @Test
    void aSavedFileEndsInItsExtensionOnce(@TempDir Path dir) {
        assertThat(ChooserFiles.withExtension(dir.resolve("mine"), "json")).isEqualTo(dir.resolve("mine.json"));
        assertThat(ChooserFiles.withExtension(dir.resolve("mine.json"), "json")).isEqualTo(dir.resolve("mine.json"));
        assertThat(ChooserFiles.withExtension(dir.resolve("mine.json.json"), "json")).as("typed over the stem")
                .isEqualTo(dir.resolve("mine.json"));
        assertThat(ChooserFiles.withExtension(dir.resolve("Mine.JSON"), "json")).isEqualTo(dir.resolve("Mine.JSON"));
    }
}
