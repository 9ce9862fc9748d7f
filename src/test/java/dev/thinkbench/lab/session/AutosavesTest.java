package dev.thinkbench.lab.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AutosavesTest {

    @TempDir
    Path dir;

    /** Processes 100 and 200 are running; anything else has ended. */
    private Autosaves of(long pid) {
        return new Autosaves(dir, pid, Set.of(100L, 200L)::contains, new SessionFile());
    }

    @Test
    void aCrashedProcesssAutosaveIsOfferedAndARunningOnesIsNot() throws IOException {
        Autosaves crashed = of(300);
        crashed.write(SessionSamples.full());
        of(200).write(SessionSamples.full().withNote("another window, still open"));
        Files.setLastModifiedTime(crashed.file(), FileTime.fromMillis(1_000_000));
        Autosaves older = of(301);
        older.write(SessionSamples.full());
        Files.setLastModifiedTime(older.file(), FileTime.fromMillis(500_000));

        Autosaves now = of(100);

        assertThat(now.leftBehind()).containsExactly(crashed.file(), older.file());
        assertThat(new SessionFile().read(now.leftBehind().getFirst())).isEqualTo(SessionSamples.full());
        now.discard(crashed.file());
        assertThat(now.leftBehind()).containsExactly(older.file());
    }

    @Test
    void aCleanCloseLeavesNothingToRestore() throws IOException {
        Autosaves first = of(300);
        first.write(SessionSamples.full());
        first.closeCleanly();

        assertThat(of(100).leftBehind()).isEmpty();
        assertThat(of(100).leftBehind()).isEmpty();
    }

    @Test
    void noFolderYetMeansNothingToRestore() {
        assertThat(new Autosaves(dir.resolve("none"), 1, pid -> false, new SessionFile()).leftBehind()).isEmpty();
    }

    @Test
    void recentSessionsKeepTheNewestFirstWithoutDuplicates() throws IOException {
        RecentSessions recent = new RecentSessions(dir.resolve("recent.json"));
        for (int i = 0; i < 10; i++) {
            recent.add(dir.resolve("s" + i + ".json"));
        }
        recent.add(dir.resolve("s5.json"));

        assertThat(recent.list()).hasSize(RecentSessions.MAX).first().isEqualTo(dir.resolve("s5.json"));
        assertThat(recent.list()).doesNotHaveDuplicates().doesNotContain(dir.resolve("s1.json"));
        recent.remove(dir.resolve("s5.json"));
        assertThat(recent.list()).first().isEqualTo(dir.resolve("s9.json"));

        Files.writeString(dir.resolve("recent.json"), "{broken");
        assertThat(recent.list()).isEmpty();
        assertThat(recent.add(dir.resolve("again.json"))).containsExactly(dir.resolve("again.json"));
    }
}
