package dev.thinkbench.ui.session;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.CandidateRound;
import dev.thinkbench.lab.export.ComparisonReport;
import dev.thinkbench.lab.export.HtmlReport;
import dev.thinkbench.lab.export.MarkdownReport;
import dev.thinkbench.lab.session.BestOfNRecord;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.ScriptedTestEngine.Script;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A best-of-N round saved with its session: the mode, the selection, the pick and each candidate's seed are in the
 * file; opened and replayed, the count and the "picked" mark come back; the reports tell the vote and the seeds.
 */
class BestOfNSessionTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1000 * SECOND);

    /** Seed 7 answers 41; seeds 8 and 9 answer 42: a majority of 2 for 42, picked in #2. */
    private static Script script(RunSpec spec) {
        return spec.sampling().seed() != null && spec.sampling().seed() == 7
                ? Script.of(List.of("quick "), List.of("Final Answer: 41"))
                : Script.of(List.of("let ", "me ", "think "), List.of("Final Answer: 42"));
    }

    private static CompareViewModel compare() {
        ScriptedTestEngine engine = new ScriptedTestEngine("scripted", BestOfNSessionTest::script,
                List.of(new ModelInfo("m", "")));
        WorkbenchServices services = WorkbenchFixture.services("scripted", "Scripted", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.refreshModels();
        CompareViewModel vm = new CompareViewModel(connection, new PromptViewModel(services.samples()),
                services.presets(), PriceTable.empty());
        vm.prompt().promptProperty().set("What is 6 x 7?");
        vm.prompt().expectedProperty().set("42");
        vm.prompt().temperatureProperty().set("0.8");
        vm.prompt().seedProperty().set("7");
        return vm;
    }

    private SessionViewModel sessions(CompareViewModel compare) {
        return new SessionViewModel(compare, new SessionFile(), null, null, new WorkbenchFixture.SameThreadTasks(),
                () -> Instant.parse("2026-12-05T12:25:00Z"), clock::get);
    }

    /** Runs three candidates by majority vote until the pick is shown (bounded). */
    private static void runRound(CompareViewModel vm) throws InterruptedException {
        vm.bestOfN().enabledProperty().set(true);
        vm.bestOfN().candidatesProperty().set(3);
        vm.bestOfN().budgetProperty().set("effort:low");
        vm.run();
        long now = 0;
        for (int frame = 1; frame <= 3000; frame++) {
            vm.tick(now += 16_000_000L);
            if (!vm.runningProperty().get() && vm.bestOfN().outcomeProperty().get().startsWith("#")) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no pick: " + vm.bestOfN().outcomeProperty().get());
    }

    private void frames(CompareViewModel vm, int n, long step) {
        for (int i = 0; i < n; i++) {
            vm.tick(clock.addAndGet(step));
        }
    }

    private static List<String> marks(CompareViewModel vm) {
        return vm.columns().stream().map(c -> c.candidateMarkProperty().get()).toList();
    }

    @Test
    void theRoundIsSavedAndOpensWithItsCountAndPickAndReplaysToThem() throws Exception {
        CompareViewModel live = compare();
        runRound(live);
        assertThat(live.bestOfN().outcomeProperty().get()).isEqualTo("#2 picked by majority vote: 2 of 3 votes for 42");
        String liveTally = live.tallyProperty().get();
        assertThat(liveTally).startsWith("3 samples: 42 \u00d72 \u00b7 41 \u00d71 \u2014 majority 42 (2 votes)");
        List<String> liveMarks = marks(live);
        Path file = dir.resolve("deepseek-bon.json");

        sessions(live).save(file);

        BestOfNRecord saved = new SessionFile().read(file).bestOfN();
        assertThat(saved).isNotNull();
        assertThat(saved.selection()).isEqualTo(CandidateRound.Selection.MAJORITY);
        assertThat(saved.candidates()).extracting(BestOfNRecord.Candidate::seed).containsExactly(7L, 8L, 9L);
        assertThat(saved.picked()).isEqualTo("#2");
        assertThat(saved.why().english()).isEqualTo("2 of 3 votes for 42");
        assertThat(Files.readString(file)).contains("\"selection\" : \"majority\"");

        CompareViewModel opened = compare();
        SessionViewModel reopening = sessions(opened);
        reopening.open(file);
        frames(opened, 3, 16_000_000L);

        assertThat(opened.tallyProperty().get()).as("the count, as it was live").isEqualTo(liveTally);
        assertThat(marks(opened)).isEqualTo(liveMarks);
        assertThat(opened.columns()).extracting(c -> c.pickedProperty().get()).containsExactly(false, true, false);

        reopening.replay().restart();
        frames(opened, 1, 1_000L);
        assertThat(opened.columns()).as("played again, the pick waits for the end").noneMatch(
                c -> c.pickedProperty().get());
        assertThat(opened.tallyProperty().get()).isEmpty();
        frames(opened, 5, 10 * SECOND);
        assertThat(opened.columns().get(1).pickedProperty().get()).isTrue();
        assertThat(opened.tallyProperty().get()).isEqualTo(liveTally);

        Path again = dir.resolve("again.json");
        reopening.save(again);
        assertThat(new SessionFile().read(again).bestOfN()).as("saved again from the recording").isEqualTo(saved);
    }

    /**
     * A reopened round closed: the Best-of-N switch is off (the recorded candidates came back as budget columns), so
     * the round's count and pick go with the replay; the count stayed above columns that no switch said were a round.
     */
    @Test
    void aRoundSwitchedOffAndOnAgainIsSavedWithItsPick() throws Exception {
        CompareViewModel live = compare();
        runRound(live);
        BestOfNRecord before = live.bestOfNRecord();
        assertThat(before.picked()).isEqualTo("#2");

        live.bestOfN().enabledProperty().set(false);
        live.bestOfN().enabledProperty().set(true);
        frames(live, 3, 16_000_000L);

        assertThat(live.columns()).extracting(c -> c.pickedProperty().get()).as("the candidates come back marked")
                .containsExactly(false, true, false);
        assertThat(live.bestOfNRecord()).as("and are saved as they show: the pick and why too").isEqualTo(before);
    }

    @Test
    void closingAReplayedRoundLeavesNoCountOrPickBesideTheSwitchOff() throws Exception {
        Path file = savedRound("bon.json");
        CompareViewModel opened = compare();
        SessionViewModel reopening = sessions(opened);
        reopening.open(file);
        frames(opened, 3, 16_000_000L);
        assertThat(opened.tallyProperty().get()).as("shown while the recording is").isNotEmpty();
        assertThat(opened.bestOfN().enabledProperty().get()).isFalse();

        reopening.replay().close();
        frames(opened, 3, 16_000_000L);

        assertThat(reopening.replay().activeProperty().get()).isFalse();
        assertThat(opened.bestOfN().enabledProperty().get()).isFalse();
        assertThat(opened.tallyProperty().get()).as("no round's count beside the switch off").isEmpty();
        assertThat(marks(opened)).allMatch(String::isEmpty);
        assertThat(opened.columns()).noneMatch(c -> c.pickedProperty().get());
        assertThat(opened.columns()).as("the columns keep their runs, as they ended")
                .allMatch(c -> c.live().getState() == dev.thinkbench.ui.compare.ColumnState.DONE);
        assertThat(opened.bestOfNRecord()).as("nothing shows a round: none is saved").isNull();
    }

    /**
     * Columns put in place over a reopened round (a lesson's exercise, at the recording's end or while it plays
     * again; the presets): the replay ends as closed, with no round, count or pick left for a later Save to write
     * beside columns it was not of; a round the new columns then run is counted and saved as their own.
     */
    @Test
    void columnsReplacedOverAReplayedRoundEndItAndTheirOwnRoundIsKept() throws Exception {
        Path file = savedRound("bon.json");
        BestOfNRecord recorded = new SessionFile().read(file).bestOfN();
        for (String how : List.of("exercise at the end", "exercise while it plays", "presets")) {
            CompareViewModel opened = compare();
            SessionViewModel reopening = sessions(opened);
            reopening.open(file);
            frames(opened, 3, 16_000_000L);
            assertThat(opened.bestOfNRecord()).as(how + ": shown").isEqualTo(recorded);
            if (how.endsWith("plays")) {
                reopening.replay().restart();
                frames(opened, 1, 1_000L);
            }

            if (how.equals("presets")) {
                reopening.usePresets();
            } else {
                reopening.replaceColumns(() -> opened.showNamedColumns(List.of("a=effort:low", "b=effort:high")));
            }
            frames(opened, 5, 10 * SECOND);

            assertThat(reopening.replay().activeProperty().get()).as(how).isFalse();
            assertThat(reopening.replay().recordedRound()).as(how).isNull();
            assertThat(opened.bestOfNRecord()).as(how + ": no round kept").isNull();
            assertThat(opened.tallyProperty().get()).as(how + ": no stale count").isEmpty();
            assertThat(marks(opened)).as(how).allMatch(String::isEmpty);
            assertThat(opened.columns()).as(how).noneMatch(c -> c.pickedProperty().get());
            Path saved = dir.resolve("after-" + how.replace(' ', '-') + ".json");
            reopening.save(saved);
            assertThat(new SessionFile().read(saved).bestOfN()).as(how + ": saved beside the new columns")
                    .isNull();

            runRound(opened);
            assertThat(opened.tallyProperty().get()).as(how + ": the new round's own count")
                    .startsWith("3 samples: 42 \u00d72 \u00b7 41 \u00d71");
            Path theirs = dir.resolve("theirs-" + how.replace(' ', '-') + ".json");
            reopening.save(theirs);
            BestOfNRecord own = new SessionFile().read(theirs).bestOfN();
            assertThat(own).as(how + ": their own round").isNotNull();
            assertThat(own.picked()).isEqualTo("#2");
        }
    }

    @Test
    void theReportsTellTheVoteAndEachCandidatesSeed() throws Exception {
        CompareViewModel live = compare();
        runRound(live);

        ComparisonReport report = ComparisonReport.of(sessions(live).snapshot());
        String markdown = MarkdownReport.write(report, Map.of());
        String html = HtmlReport.write(report, Map.of());

        assertThat(markdown).contains("## Best-of-N", "3 candidates at effort:low, seeds 7 to 9; picked by majority "
                + "vote: \\#2 (2 of 3 votes for 42).", "Votes: 42 \u00d72 \u00b7 41 \u00d71",
                "| \\#1 | 7 | 41 | \u2013 |  |", "| \\#2 | 8 | 42 | \u2013 | picked |",
                "| Seed | 7 to 9 (one per candidate) |").doesNotContain("| Seed | 7 |");
        assertThat(html).contains("<h2>Best-of-N</h2>", "seeds 7 to 9; picked by majority vote: #2 (2 of 3 votes "
                + "for 42).", "Votes: 42 \u00d72 \u00b7 41 \u00d71", "<td>7 to 9 (one per candidate)</td>");
    }

    @Test
    void budgetColumnsSaveNoRoundAndASessionWithoutOneOpensAsBefore() throws Exception {
        CompareViewModel live = compare();
        Session s = sessions(live).snapshot();
        assertThat(s.bestOfN()).isNull();
        Path file = dir.resolve("plain.json");
        new SessionFile().write(file, s);
        assertThat(Files.readString(file)).doesNotContain("bestOfN");
        assertThat(new SessionFile().read(file).bestOfN()).isNull();
    }

    /** A live best-of-N round run and saved as {@code name}. */
    private Path savedRound(String name) throws Exception {
        CompareViewModel live = compare();
        runRound(live);
        Path file = dir.resolve(name);
        sessions(live).save(file);
        return file;
    }
}
