package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.strategy.BestOfN;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepStoreTest {

    @TempDir
    Path dir;

    static SweepSetup setup() {
        return new SweepSetup("set \u00b7 2 problems", "My Set.jsonl", "builtin", null, "SOME_KEY_VAR",
                "micro.gguf", List.of("none=none", "cap8=tokens:8"), 2, List.of("fixed", "majority"), 3, 16, 2, 0.9,
                "judge.gguf", 1, 0.0, 7L, "", List.of());
    }

    static final List<BenchProblem> PROBLEMS = List.of(BenchProblem.of("p1", "1 + 1 = ?", "2"),
            new BenchProblem("p2", "2 + 2 = ?", "4", 2, List.of("t"), "src", "CC0-1.0"));

    @Test
    void aSavedSweepReadsBackWithItsProblemsAndIsInterruptedUntilMarkedFinished() throws Exception {
        SweepStore store = SweepStore.inDataDirectory(dir);
        SweepStore.Saved saved = store.create(setup(), PROBLEMS, Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(saved.folder().getFileName().toString()).isEqualTo("20260102-030405-my-set");
        assertThat(saved.problems().problems()).isEqualTo(PROBLEMS);
        assertThat(store.list()).singleElement().satisfies(s -> {
            assertThat(s.setup()).isEqualTo(setup());
            assertThat(s.status()).isEqualTo(SweepStore.Status.RUNNING);
            assertThat(s.problemCount()).isEqualTo(2);
        });
        assertThat(store.interrupted()).map(SweepStore.Saved::folder).contains(saved.folder());
        assertThat(Files.readString(saved.folder().resolve(SweepStore.SETUP))).contains("SOME_KEY_VAR")
                .contains("\"version\" : 1");

        store.mark(saved, SweepStore.Status.FINISHED);
        assertThat(store.interrupted()).isEmpty();
        assertThat(store.list()).singleElement().extracting(SweepStore.Saved::status)
                .isEqualTo(SweepStore.Status.FINISHED);
    }

    @Test
    void moreServersAreSavedAndASetupSavedBeforeThemReadsWithNone() throws Exception {
        SweepSetup fleet = new SweepSetup("t", "set.jsonl", "llama-server", null, null, "m", List.of("a=none"), 1,
                List.of("fixed"), 1, 16, 2, null, null, 4, null, null, "", List.of("http://gpu2:8080", "http://gpu3:8080"));
        assertThat(fleet.servers("http://127.0.0.1:8080")).containsExactly("http://127.0.0.1:8080",
                "http://gpu2:8080", "http://gpu3:8080");
        assertThat(setup().servers("http://127.0.0.1:8080")).as("no fleet: the engine's own default").isEmpty();

        SweepStore store = SweepStore.inDataDirectory(dir);
        SweepStore.Saved saved = store.create(fleet, PROBLEMS, Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.setup()).isEqualTo(fleet));

        Path file = saved.folder().resolve(SweepStore.SETUP);
        Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"moreBaseUrls\"\\s*:\\s*\\[[^\\]]*\\]", ""));
        assertThat(Files.readString(file)).doesNotContain("moreBaseUrls");
        assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.setup().moreBaseUrls()).isEmpty());

        Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"problemCount\"\\s*:\\s*\\d+", ""));
        assertThat(Files.readString(file)).doesNotContain("problemCount");
        assertThat(store.list()).as("a sweep saved before the count: its problems' lines").singleElement()
                .extracting(SweepStore.Saved::problemCount).isEqualTo(2);
    }

    @Test
    void theNewestInterruptedSweepIsOfferedAndABrokenFolderIsLeftAlone() throws Exception {
        SweepStore store = SweepStore.inDataDirectory(dir);
        store.create(setup(), PROBLEMS, Instant.parse("2026-01-01T00:00:00Z"));
        SweepStore.Saved newer = store.create(setup(), PROBLEMS, Instant.parse("2026-01-03T00:00:00Z"));
        SweepStore.Saved twin = store.create(setup(), PROBLEMS, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(twin.folder().getFileName().toString()).endsWith("-2");
        Path broken = Files.createDirectories(store.root().resolve("broken"));
        Files.writeString(broken.resolve(SweepStore.SETUP), "{ not json");

        assertThat(store.list()).hasSize(3);
        assertThat(store.interrupted()).map(SweepStore.Saved::folder).contains(newer.folder());
    }

    @Test
    void theSetupBuildsThePlanItDescribes() {
        SweepPlan plan = setup().plan(PROBLEMS);
        assertThat(plan.budgets()).extracting(l -> l.label()).containsExactly("none", "cap8");
        assertThat(plan.strategies().get(1)).isInstanceOfSatisfying(BestOfN.class,
                b -> assertThat(b.candidates()).isEqualTo(3));
        assertThat(plan.tasks()).hasSize(2 * 2 * 2 * 2);
        assertThat(plan.sampling().seed()).isEqualTo(7L);
        SweepSetup bad = new SweepSetup("", "x", "builtin", null, null, "m", List.of("cap8"), 1, List.of("fixed"),
                1, 16, 2, null, null, 1, null, null, null, null);
        assertThatThrownBy(() -> bad.plan(PROBLEMS)).hasMessageContaining("LABEL=SPEC");
    }

    @Test
    void slugsAreSafeFolderNames() {
        assertThat(SweepStore.slug("../Grade School (v2).csv")).isEqualTo("grade-school-v2");
        assertThat(SweepStore.slug("")).isEqualTo("sweep");
    }
}
