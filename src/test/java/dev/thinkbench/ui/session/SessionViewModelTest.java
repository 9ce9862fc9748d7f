package dev.thinkbench.ui.session;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.session.Autosaves;
import dev.thinkbench.lab.session.RecentSessions;
import dev.thinkbench.lab.session.RecordedColumn;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.ScriptedTestEngine.Script;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.text.TextChunk;
import dev.thinkbench.ui.text.TextStreamListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions in the workbench's view models, frame by frame without a toolkit, replays on a test clock. */
class SessionViewModelTest {

    private static final long SECOND = 1_000_000_000L;
    private static final List<String> THINK = List.of("six ", "sevens ", "are ", "forty-two");

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1000 * SECOND);

    private static Function<RunSpec, Script> scripts() {
        return spec -> switch (spec.budget().spec()) {
            case "none" -> Script.of(List.of(), List.of("42")).reporting(new Usage(10, 1, 0));
            case "effort:low" -> Script.of(THINK.subList(0, 2), List.of("41"));
            default -> Script.of(THINK, List.of("The answer is ", "42.")).paced(400);
        };
    }

    /** A Compare tab over two engine kinds ("scripted" first, "other" second), with the scripted engine's presets. */
    private static CompareViewModel compare() {
        ScriptedTestEngine engine = new ScriptedTestEngine("scripted", scripts(), List.of(new ModelInfo("m1", "")));
        ScriptedTestEngine other = new ScriptedTestEngine("other", scripts(), List.of(new ModelInfo("o1", "")));
        EngineRegistry registry = new EngineRegistry()
                .register(new EngineRegistry.Entry("scripted", "Scripted", "http://127.0.0.1:1", c -> engine))
                .register(new EngineRegistry.Entry("other", "Other", "http://127.0.0.1:2", c -> other));
        BudgetPresets presets = new BudgetPresets(Map.of(
                "scripted", List.of(new BudgetPresets.Preset("small", new Budget.None(), "off"),
                        new BudgetPresets.Preset("medium", BudgetSpec.parse("effort:low"), "low"),
                        new BudgetPresets.Preset("large", BudgetSpec.parse("effort:high"), "high")),
                "other", List.of(new BudgetPresets.Preset("only", BudgetSpec.parse("effort:medium"), "medium")),
                "scripted:special*", List.of(new BudgetPresets.Preset("tiny", BudgetSpec.parse("tokens:8"), "8"))));
        WorkbenchServices services = WorkbenchFixture.services(registry, presets);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.refreshModels();
        PromptViewModel prompt = new PromptViewModel(services.samples());
        prompt.promptProperty().set("What is 6 x 7?");
        return new CompareViewModel(connection, prompt, services.presets(), PriceTable.empty());
    }

    private SessionViewModel sessions(CompareViewModel compare, Autosaves autosaves) {
        return new SessionViewModel(compare, new SessionFile(), autosaves,
                new RecentSessions(dir.resolve("recent.json")), new WorkbenchFixture.SameThreadTasks(),
                () -> Instant.parse("2026-05-01T09:00:00Z"), clock::get);
    }

    private static void runToEnd(CompareViewModel vm) throws InterruptedException {
        vm.run();
        long now = 0;
        for (int frame = 1; frame <= 3000; frame++) {
            vm.tick(now += 16_000_000L);
            if (!vm.runningProperty().get()) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the comparison did not end");
    }

    /** Frames on the test clock: nothing sleeps; the replay moves only as the clock does. */
    private void frames(CompareViewModel vm, int n, long step) {
        for (int i = 0; i < n; i++) {
            clock.addAndGet(step);
            vm.tick(clock.get());
        }
    }

    /** What each column's listener was handed, to compare what a replay shows with what the live run showed. */
    private static final class Shown implements TextStreamListener {
        final StringBuilder thinking = new StringBuilder();
        final StringBuilder answer = new StringBuilder();

        @Override
        public void append(List<TextChunk> chunks) {
            for (TextChunk c : chunks) {
                (c.part() == TextChunk.Part.ANSWER ? answer : thinking).append(c.text());
            }
        }

        @Override
        public void reset() {
            thinking.setLength(0);
            answer.setLength(0);
        }
    }

    private static List<Shown> listen(CompareViewModel vm) {
        return vm.columns().stream().map(c -> {
            Shown s = new Shown();
            c.live().addListener(s);
            return s;
        }).toList();
    }

    @Test
    void aSavedComparisonOpensAtItsEndAndReplaysThroughTheColumnsOnTheClock() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        SessionViewModel saving = sessions(live, null);
        Path file = dir.resolve("talk.json");
        saving.save(file);
        assertThat(saving.messageProperty().get()).startsWith("Saved to talk.json");
        assertThat(saving.recent()).containsExactly(file.toAbsolutePath());

        CompareViewModel shown = compare();
        shown.prompt().promptProperty().set("");
        SessionViewModel opening = sessions(shown, null);
        opening.open(file);

        assertThat(shown.prompt().promptProperty().get()).isEqualTo("What is 6 x 7?");
        assertThat(opening.replay().activeProperty().get()).isTrue();
        assertThat(opening.replay().playingProperty().get()).isFalse();
        List<Shown> text = listen(shown);
        frames(shown, 2, 16_000_000L);
        assertThat(shown.columns()).extracting(c -> c.labelProperty().get())
                .containsExactly("small", "medium", "large");
        assertThat(shown.columns()).allMatch(c -> c.live().getState() == ColumnState.DONE);
        assertThat(text.get(2).thinking).hasToString("six sevens are forty-two");
        assertThat(text.get(2).answer).hasToString("The answer is 42.");
        assertThat(shown.columns().get(0).live().getMetrics().promptTokens().value()).isEqualTo(10);
        assertThat(shown.columns().get(2).live().getMetrics().totalMs())
                .isEqualTo(live.columns().get(2).live().getMetrics().totalMs());

        // Play from the end starts over: the columns are cleared and stream again as the clock moves
        opening.replay().playPause();
        frames(shown, 1, 0);
        assertThat(shown.columns().get(2).live().getState().active()).isTrue();
        assertThat(text.get(2).answer).isEmpty();
        double length = opening.replay().durationProperty().get();
        frames(shown, 200, (long) (length * SECOND / 100));
        assertThat(shown.columns()).allMatch(c -> c.live().getState() == ColumnState.DONE);
        assertThat(text.get(2).answer).hasToString("The answer is 42.");
        assertThat(opening.replay().positionProperty().get()).isEqualTo(length);
    }

    @Test
    void aSessionWithNothingRecordedShowsNoReplayAndOtherColumnsPutInPlaceEndTheReplay() throws Exception {
        CompareViewModel idle = compare();
        SessionViewModel saving = sessions(idle, null);
        Path empty = dir.resolve("nothing-ran.json");
        saving.save(empty);
        CompareViewModel live = compare();
        runToEnd(live);
        Path ran = dir.resolve("ran.json");
        sessions(live, null).save(ran);

        CompareViewModel shown = compare();
        SessionViewModel opening = sessions(shown, null);
        opening.open(empty);
        assertThat(opening.replay().activeProperty().get()).as("no bar whose Play does nothing").isFalse();
        assertThat(opening.messageProperty().get()).as("and no Play to press").isEqualTo("Opened nothing-ran.json");

        opening.open(ran);
        assertThat(opening.replay().activeProperty().get()).isTrue();
        assertThat(opening.messageProperty().get()).isEqualTo("Opened ran.json: press Play to replay it as recorded");
        shown.restoreColumns(List.of("a=none", "b=effort:low"));
        assertThat(opening.replay().activeProperty().get()).as("the columns are no longer the recording").isFalse();
    }

    @Test
    void playEndsThePressPlayMessageButNoOtherMessage() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        Path ran = dir.resolve("played.json");
        sessions(live, null).save(ran);

        SessionViewModel opening = sessions(compare(), null);
        opening.open(ran);
        assertThat(opening.messageProperty().get()).isEqualTo("Opened played.json: press Play to replay it as recorded");
        opening.replay().playPause();
        assertThat(opening.replay().playingProperty().get()).isTrue();
        assertThat(opening.messageProperty().get()).as("Play was pressed: the message says nothing more").isEmpty();

        // a message told since is news of its own: Play leaves it
        opening.replay().playPause();
        opening.tellProblem("The disk is full");
        opening.replay().playPause();
        assertThat(opening.replay().playingProperty().get()).isTrue();
        assertThat(opening.messageProperty().get()).isEqualTo("The disk is full");
    }

    @Test
    void runsAreSavedWithThePromptTheyAnsweredNotOneTypedSince() throws Exception {
        CompareViewModel live = compare();
        live.prompt().expectedProperty().set("42");
        runToEnd(live);
        live.prompt().promptProperty().set("A bus has 49 people. 24 more board. 7 get off. How many now?");
        live.prompt().expectedProperty().set("66");
        Path file = dir.resolve("answered.json");

        sessions(live, null).save(file);

        var setup = new SessionFile().read(file).setup();
        assertThat(setup.prompt()).isEqualTo("What is 6 x 7?");
        assertThat(setup.expectedAnswer()).isEqualTo("42");

        live.prompt().promptProperty().set("What is 6 x 7?"); // back to the runs' own prompt: saved as typed
        live.prompt().expectedProperty().set("forty-two");
        sessions(live, null).save(file);
        assertThat(new SessionFile().read(file).setup().expectedAnswer()).isEqualTo("forty-two");
    }

    @Test
    void theExpectedAnswerIsSavedAndReplayedAnswersAreGradedAgainstIt() throws Exception {
        CompareViewModel live = compare();
        live.prompt().expectedProperty().set("42");
        runToEnd(live);
        Path file = dir.resolve("graded.json");
        sessions(live, null).save(file);
        assertThat(new SessionFile().read(file).setup().expectedAnswer()).isEqualTo("42");

        CompareViewModel shown = compare();
        SessionViewModel opening = sessions(shown, null);
        opening.open(file);
        frames(shown, 2, 16_000_000L);

        assertThat(shown.prompt().expectedProperty().get()).isEqualTo("42");
        assertThat(shown.columns()).extracting(c -> c.live().gradeProperty().get().verdict())
                .containsExactly(Grade.Verdict.CORRECT, Grade.Verdict.WRONG, Grade.Verdict.CORRECT);
        assertThat(shown.columns()).extracting(c -> c.live().gradeProperty().get().verdict())
                .isEqualTo(live.columns().stream().map(c -> c.live().gradeProperty().get().verdict()).toList());
    }

    @Test
    void savingAPausedReplayKeepsTheWholeRecording() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        Path file = dir.resolve("a.json");
        sessions(live, null).save(file);
        CompareViewModel shown = compare();
        SessionViewModel replaying = new SessionViewModel(shown, new SessionFile(), null,
                new RecentSessions(dir.resolve("recent.json")), new WorkbenchFixture.SameThreadTasks(),
                () -> Instant.parse("2026-12-04T19:00:00Z"), clock::get);
        replaying.open(file);
        replaying.replay().seek(0);
        frames(shown, 1, 0);

        Session saved = replaying.snapshot();

        assertThat(saved.columns()).extracting(RecordedColumn::events)
                .isEqualTo(new SessionFile().read(file).columns().stream().map(RecordedColumn::events).toList());
        assertThat(saved.savedAt()).as("the recording keeps the time it was made")
                .isEqualTo(Instant.parse("2026-05-01T09:00:00Z"));
    }

    @Test
    void anOpenedRecordingSavedAgainKeepsItsNoteUntilItsColumnsAreReplaced() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        Path file = dir.resolve("noted.json");
        Session recorded = sessions(live, null).snapshot().withNote("Recorded with: bin/thinkbench compare ...");
        new SessionFile().write(file, recorded);
        CompareViewModel shown = compare();
        SessionViewModel replaying = sessions(shown, null);
        replaying.open(file);
        frames(shown, 1, 0);

        assertThat(replaying.snapshot().note()).as("the sample's note, saved again or exported")
                .isEqualTo("Recorded with: bin/thinkbench compare ...");

        replaying.usePresets();

        assertThat(replaying.snapshot().note()).as("other columns are not the recording the note tells of").isEmpty();
    }

    /** The Experiments tab as sessions see it, for tests: hands out set results, keeps what it is shown. */
    private static final class SweepSessionsTestDouble implements SweepSessions {
        @Override
        public java.util.Map<String, byte[]> chartPngs() {
            return java.util.Map.of();
        }

        dev.thinkbench.lab.session.SweepResults held;
        int unwritten;

        @Override
        public int unwrittenResults() {
            return unwritten;
        }

        final List<dev.thinkbench.lab.session.SweepResults> shown = new java.util.ArrayList<>();
        int cleared;

        @Override
        public String underWay() {
            return null;
        }

        @Override
        public void clear() {
            cleared++;
            held = null;
        }

        @Override
        public dev.thinkbench.lab.session.SweepResults record() {
            return held;
        }

        @Override
        public void show(dev.thinkbench.lab.session.SweepResults results) {
            shown.add(results);
        }
    }

    @Test
    void aSweepsResultsAreSavedWithTheComparisonAndHandedBackWhenOpened() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        SweepSessionsTestDouble tab = new SweepSessionsTestDouble();
        var result = new dev.thinkbench.lab.sweep.SweepRecord("p1", "small", "none", "fixed", 0, "ok", "4", "4", true,
                12, 1, 300L, null, "scripted", null);
        tab.held = dev.thinkbench.lab.session.SweepResults.of("/sweeps/a/results.jsonl", List.of(result));
        SessionViewModel saving = sessions(live, null);
        saving.setSweeps(tab);
        assertThat(saving.unsavedRuns()).as("the sweep's results are in its results file already; the columns are not")
                .isEqualTo("3 Compare columns");
        tab.unwritten = 2;
        assertThat(saving.unsavedRuns()).as("unless the file could not take them")
                .isEqualTo("3 Compare columns, 2 sweep results their file could not take");
        tab.unwritten = 0;
        Path file = dir.resolve("with-sweep.json");

        saving.save(file);

        assertThat(new SessionFile().read(file).sweep().records()).containsExactly(result);
        SweepSessionsTestDouble other = new SweepSessionsTestDouble();
        SessionViewModel opening = sessions(compare(), null);
        opening.setSweeps(other);
        opening.open(file);
        assertThat(opening.problemProperty().get()).as(opening.messageProperty().get()).isFalse();
        assertThat(other.shown).singleElement().satisfies(r -> {
            assertThat(r.resultsFile()).isEqualTo("/sweeps/a/results.jsonl");
            assertThat(r.records()).containsExactly(result);
        });
        assertThat(other.cleared).isZero();

        Path without = dir.resolve("without-sweep.json");
        sessions(live, null).save(without);
        opening.open(without);
        assertThat(other.cleared).as("a session without a sweep puts the sweep shown away").isEqualTo(1);
        assertThat(opening.snapshot().sweep()).isNull();
    }

    @Test
    void aFileThatCannotBeReadIsToldAndLeftAsItIs() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        Path file = dir.resolve("cut.json");
        sessions(live, null).save(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 3));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        CompareViewModel other = compare();
        List<ColumnViewModel> before = List.copyOf(other.columns());

        SessionViewModel opening = sessions(other, null);
        boolean[] thenRan = {false};
        opening.open(file, () -> thenRan[0] = true);

        assertThat(thenRan[0]).as("nothing follows an open that failed (presenter mode would hide why)").isFalse();
        assertThat(opening.problemProperty().get()).isTrue();
        assertThat(opening.messageProperty().get()).contains("cut short", "left as it is");
        assertThat(other.columns()).containsExactlyElementsOf(before);
        assertThat(Files.readAllBytes(file)).isEqualTo(Arrays.copyOf(whole, whole.length / 3));
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(FileTime.fromMillis(1_000_000_000_000L));
    }

    @Test
    void aSaveThatFailsSaysSo() throws Exception {
        CompareViewModel live = compare();
        runToEnd(live);
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(folder.resolve("keep.txt"), "mine");
        SessionViewModel saving = sessions(live, null);

        saving.save(folder);

        assertThat(saving.problemProperty().get()).isTrue();
        assertThat(saving.messageProperty().get()).contains("was not saved to " + folder);
        assertThat(Files.readString(folder.resolve("keep.txt"))).isEqualTo("mine");
        assertThat(saving.currentFileProperty().get()).isNull();
    }

    @Test
    void afterACrashTheAutosaveLeftBehindIsOfferedAndRestored() throws Exception {
        // the window that crashed: it autosaved after its run, and never closed cleanly
        Path sessionsFolder = dir.resolve("data/sessions");
        CompareViewModel crashed = compare();
        SessionViewModel before = sessions(crashed, new Autosaves(sessionsFolder, 4242, pid -> pid == 4242,
                new SessionFile()));
        runToEnd(crashed);
        Path autosave = sessionsFolder.resolve("autosave-4242.json");
        assertThat(autosave).exists();
        assertThat(new SessionFile().read(autosave).columns()).allMatch(RecordedColumn::ran);

        // the next start: process 4242 is gone
        CompareViewModel next = compare();
        next.prompt().promptProperty().set("");
        SessionViewModel after = sessions(next, new Autosaves(sessionsFolder, 5151, Set.of(5151L)::contains,
                new SessionFile()));
        after.checkForLeftBehind();
        assertThat(after.restoreOfferProperty().get()).isEqualTo(autosave);

        after.restore();
        frames(next, 2, 16_000_000L);

        assertThat(after.restoreOfferProperty().get()).isNull();
        assertThat(next.prompt().promptProperty().get()).isEqualTo("What is 6 x 7?");
        assertThat(next.columns()).allMatch(c -> c.live().getState() == ColumnState.DONE);
        assertThat(autosave).doesNotExist();
        assertThat(sessionsFolder.resolve("autosave-5151.json")).exists();
        after.closeCleanly();
        assertThat(sessionsFolder.resolve("autosave-5151.json")).doesNotExist();
    }

    @Test
    void declinedAutosavesAreRemovedAndACleanCloseLeavesNoneBehind() throws Exception {
        Path folder = dir.resolve("s");
        new Autosaves(folder, 7, pid -> false, new SessionFile()).write(new Session(Instant.EPOCH, "", 
                new dev.thinkbench.lab.session.RunSetup("p", "", "", "", "", null, null, null, null, null),
                List.of(), null, null));
        SessionViewModel vm = sessions(compare(), new Autosaves(folder, 8, pid -> pid == 8, new SessionFile()));
        vm.checkForLeftBehind();
        assertThat(vm.restoreOfferProperty().get()).isNotNull();

        vm.discardRestore();

        assertThat(vm.restoreOfferProperty().get()).isNull();
        assertThat(folder.resolve("autosave-7.json")).doesNotExist();
    }

    @Test
    void columnsWithResultsSurviveAnEngineSwitchUntilThePresetsAreAskedFor() throws Exception {
        CompareViewModel vm = compare();
        List<Shown> text = listen(vm);
        runToEnd(vm);
        ConnectionViewModel connection = vm.connection();

        connection.engineEntryProperty().set(connection.engines().get(1));

        assertThat(vm.columns()).extracting(c -> c.labelProperty().get()).containsExactly("small", "medium", "large");
        assertThat(vm.columns()).allMatch(c -> c.live().getState() == ColumnState.DONE);
        assertThat(text.get(2).answer).hasToString("The answer is 42.");
        assertThat(vm.keptColumnsProperty().get()).isTrue();
        assertThat(vm.keptOverModelProperty().get()).as("kept over another engine").isFalse();

        runToEnd(vm);
        assertThat(vm.keptColumnsProperty().get()).as("run on this engine: no longer the comparison made before")
                .isFalse();

        vm.resetColumnsToPresets();

        assertThat(vm.columns()).extracting(c -> c.labelProperty().get()).containsExactly("only");
        assertThat(vm.keptColumnsProperty().get()).isFalse();
    }

    @Test
    void aFileThatKeptTheRunsThePresetsReplacedIsNoLongerSavedOverByTheNextRuns() throws Exception {
        CompareViewModel vm = compare();
        runToEnd(vm);
        SessionViewModel sessions = sessions(vm, null);
        Path archive = dir.resolve("anthropic-sonnet.json");
        sessions.save(archive); // "Save the runs first?" answered with Save
        String kept = Files.readString(archive);
        vm.connection().engineEntryProperty().set(vm.connection().engines().get(1));

        sessions.usePresets();

        assertThat(sessions.currentFileProperty().get()).as("no longer the window's document").isNull();
        assertThat(sessions.messageProperty().get()).startsWith("anthropic-sonnet.json keeps the runs the presets "
                + "replaced").contains("Save asks for a new one");
        runToEnd(vm);
        assertThat(sessions.unsavedColumns()).isEqualTo("1 Compare column");
        assertThat(sessions.saveAgain()).as("Ctrl+S asks for a name").isFalse();
        assertThat(Files.readString(archive)).isEqualTo(kept);
        assertThat(new SessionFile().read(archive).setup().engineId()).isEqualTo("scripted");
    }

    @Test
    void presetsOverColumnsThatNeverRanLeaveTheFileTheWindowsDocument() throws Exception {
        CompareViewModel vm = compare();
        SessionViewModel sessions = sessions(vm, null);
        Path file = dir.resolve("prompt-only.json");
        sessions.save(file);

        sessions.usePresets();

        assertThat(sessions.currentFileProperty().get()).isEqualTo(file);
        assertThat(sessions.saveAgain()).isTrue();
    }

    @Test
    void columnsKeptOverAModelWithPresetsOfItsOwnSaySoInOneNote() throws Exception {
        CompareViewModel vm = compare();
        runToEnd(vm);

        vm.connection().modelProperty().set("special-1");

        assertThat(vm.keptColumnsProperty().get()).isTrue();
        assertThat(vm.keptOverModelProperty().get()).as("the same engine, another model").isTrue();
        assertThat(vm.staleNoteProperty().get()).as("the model changed after the run").contains("the model");
        assertThat(vm.staleNoteShown().get()).as("said by the kept columns' note: one note, not two").isFalse();
        vm.resetColumnsToPresets();
        assertThat(vm.columns()).extracting(c -> c.labelProperty().get()).containsExactly("tiny");
    }

    @Test
    void anEngineSwitchBeforeAnyRunStillBringsThePresets() {
        CompareViewModel vm = compare();
        vm.connection().engineEntryProperty().set(vm.connection().engines().get(1));

        assertThat(vm.columns()).extracting(c -> c.labelProperty().get()).containsExactly("only");
        assertThat(vm.keptColumnsProperty().get()).isFalse();
    }

    @Test
    void theKeysVariableNameIsSavedNeverTheKey() throws Exception {
        String key = "sk-session-vm-canary-0123456789abcdef";
        dev.thinkbench.core.SecretScrubber.register(key);
        CompareViewModel vm = compare();
        vm.connection().apiKeyVariableProperty().set("THINKBENCH_TEST_KEY");
        runToEnd(vm);
        Path file = dir.resolve("k.json");

        sessions(vm, null).save(file);

        assertThat(Files.readString(file)).contains("\"apiKeyEnv\" : \"THINKBENCH_TEST_KEY\"").doesNotContain(key);
    }

    @Test
    void aSessionThatCannotBeOpenedIsToldInTheWindowsLanguageWithTheReadersWordsAsDetail() throws IOException {
        Path cut = dir.resolve("cut.thinkbench.json");
        Files.writeString(cut, "{\"schemaVersion\": 3, \"columns\": [");
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new SessionFile().read(cut));
        try {
            dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.ENGLISH);
            assertThat(SessionViewModel.openProblem(cut, error)).isEqualTo(error.getMessage()).contains("cut short");
            dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.KOREAN);
            String korean = SessionViewModel.openProblem(cut, error);
            assertThat(korean).startsWith("cut.thinkbench.json")
                    .contains("\uc911\uac04\uc5d0 \ub04a\uaca8").endsWith("it ends at line 1")
                    .as("the English story is not told again").doesNotContain("left as it is");
            Path notSession = Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
            Exception other = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> new SessionFile().read(notSession));
            assertThat(SessionViewModel.openProblem(notSession, other)).as("nothing the kind does not say")
                    .doesNotContain("\n");
        } finally {
            dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void aSessionWithoutStepperWorkEmptiesTheStepperSoItsBranchesAreNotSavedIntoThatFile() throws Exception {
        var full = dev.thinkbench.lab.session.SessionSamples.full();
        Path withSteps = dir.resolve("stepper.json");
        Path compareOnly = dir.resolve("compare.json");
        new SessionFile().write(withSteps, full);
        new SessionFile().write(compareOnly, new dev.thinkbench.lab.session.Session(full.savedAt(), "", full.setup(),
                full.columns(), null, null));
        SessionViewModel vm = sessions(compare(), null);
        StepperTabDouble stepper = new StepperTabDouble();
        vm.setStepper(stepper);

        boolean[] thenRan = {false};
        vm.open(withSteps, () -> thenRan[0] = true);
        assertThat(stepper.shown).isNotNull();
        assertThat(thenRan[0]).as("what follows an open runs once the session is shown").isTrue();
        vm.open(compareOnly);

        assertThat(stepper.cleared).isEqualTo(1);
        assertThat(stepper.clearedFor).as("the Stepper is given the session's prompt, not the last file's")
                .isEqualTo(full.setup().prompt() + " / " + full.setup().expectedAnswer());
        assertThat(vm.snapshot().stepper()).as("what Ctrl+S would write").isNull();
    }

    @Test
    void theStepperSessionIsKeptInItsFileUntilAStepChangesIt() throws Exception {
        Path file = dir.resolve("stepper.json");
        new SessionFile().write(file, dev.thinkbench.lab.session.SessionSamples.full());
        SessionViewModel vm = sessions(compare(), null);
        StepperTabDouble stepper = new StepperTabDouble();
        vm.setStepper(stepper);
        assertThat(vm.stepperSavedIn()).as("nothing opened").isEmpty();

        vm.open(file);
        assertThat(vm.stepperSavedIn()).as("as the file holds it").contains(file);

        dev.thinkbench.lab.session.StepperRecord r = stepper.shown;
        stepper.shown = new dev.thinkbench.lab.session.StepperRecord(r.prompt(), r.system(), r.template(), r.expected(),
                1, r.branches().subList(0, 1));
        assertThat(vm.stepperSavedIn()).as("a branch gone since").isEmpty();
    }

    /** Test double of the Stepper tab: keeps what it was shown, and counts how often it was emptied and for what. */
    private static final class StepperTabDouble implements StepperSessions {
        dev.thinkbench.lab.session.StepperRecord shown;
        int cleared;
        String clearedFor;

        @Override
        public dev.thinkbench.lab.session.StepperRecord record() {
            return shown;
        }

        @Override
        public void show(dev.thinkbench.lab.session.StepperRecord record) {
            shown = record;
        }

        @Override
        public void clear(String prompt, String expected) {
            cleared++;
            shown = null;
            clearedFor = prompt + " / " + expected;
        }
    }
}
