package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.session.Autosaves;
import dev.thinkbench.lab.session.KnownAnswers;
import dev.thinkbench.lab.session.RecentSessions;
import dev.thinkbench.lab.session.RecordedColumn;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Saving and opening the workbench as session files: the Compare tab (prompt, engine, model, sampling, every column
 * with its timed events), the Stepper's branches, and a sweep's results when the Experiments tab adds them. Files are
 * read and written off the UI thread; what happened is told in {@link #messageProperty()} (a failed save says the
 * previous file is intact). Keeps the recent files, autosaves to the data folder after each run and when asked, and
 * after a crash offers the autosave that was left behind. An opened session is replayed through {@link #replay()}.
 * Never saves an API key: only the name of its variable. UI thread only.
 */
public final class SessionViewModel {

    private final CompareViewModel compare;
    private final SessionFile files;
    private final Autosaves autosaves;
    private final RecentSessions recentStore;
    private final BackgroundTasks tasks;
    private final Supplier<Instant> now;
    /** When the session shown was saved, while its columns are still its recording; null otherwise. */
    private Instant openedAt;
    /** The note of the session opened last (which model, settings and command made a recorded sample); "" for none. */
    private String openedNote = "";
    private final ReplayViewModel replay;
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>(this, "currentFile");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    /** Whether the message says to press Play: it goes once Play is pressed (it lay over the charts a while). */
    private boolean pressPlayTold;
    private final ReadOnlyObjectWrapper<Path> restoreOffer = new ReadOnlyObjectWrapper<>(this, "restoreOffer");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /**
     * One read-only view of {@link #recent}, kept: a view made anew per call listens to the list weakly, so a
     * listener added to it went quiet once the view was collected (Open recent stayed greyed until a restart).
     */
    private final ObservableList<Path> recentShown = FXCollections.unmodifiableObservableList(recent);
    private StepperSessions stepper;
    private DownloadsUnderWay downloads;
    private SweepSessions sweeps;
    private int lastAutosaved;
    /**
     * What each part of the workbench held when it was last saved or opened ({@link #parts}): the Compare columns,
     * the Stepper, the sweep; an unchanged part is in that file, a changed one is not.
     */
    private List<Integer> settled = List.of(0, 0, 0);

    /**
     * @param autosaves where autosaves go, null for none (tests)
     * @param recentStore the recent files list, null for none
     * @param clock monotonic nanoseconds for replays
     */
    public SessionViewModel(CompareViewModel compare, SessionFile files, Autosaves autosaves,
                            RecentSessions recentStore, BackgroundTasks tasks, Supplier<Instant> now,
                            LongSupplier clock) {
        this.compare = compare;
        this.files = files;
        this.autosaves = autosaves;
        this.recentStore = recentStore;
        this.tasks = tasks;
        this.now = now;
        this.replay = new ReplayViewModel(compare, clock);
        compare.setOnFrame(replay::tick);
        replay.playingProperty().addListener((obs, was, playing) -> {
            if (playing && pressPlayTold) {
                dismissMessage();
            }
        });
        compare.runningProperty().addListener((obs, was, running) -> {
            if (was && !running) {
                autosave();
            }
        });
        if (recentStore != null) {
            recent.setAll(recentStore.list());
        }
    }

    /** Where the Experiments tab's sweep results come from and go to; null leaves them out. */
    public void setSweeps(SweepSessions source) {
        sweeps = source;
    }

    /** Where the model downloads under way are read from (closing the window pauses them); null for none. */
    public void setDownloads(DownloadsUnderWay source) {
        downloads = source;
    }

    /** Where the Stepper tab's session comes from and goes to; null leaves it out. */
    public void setStepper(StepperSessions source) {
        stepper = source;
    }

    // ---- the workbench as a session ------------------------------------------------------------------------------

    /** The workbench now, as a session (a run still going is saved as cancelled, with what it had). */
    public Session snapshot() {
        PromptViewModel p = compare.prompt();
        ConnectionViewModel c = compare.connection();
        EngineRegistry.Entry entry = c.engineEntryProperty().get();
        String key = c.apiKeyVariableProperty().get();
        Sampling sampling = p.samplingValid() ? p.sampling() : Sampling.defaults();
        // the columns' runs keep the prompt they answered: one put in the box since (a lesson's, a new problem)
        // would grade them against another problem's answer when opened
        var answered = compare.shownRunPromptIfOther();
        String promptText = answered.map(CompareViewModel.AnsweredPrompt::prompt).orElse(p.promptProperty().get());
        String expected = answered.isPresent() ? answeredExpected(answered.get()) : expectedAnswer(p);
        RunSetup setup = new RunSetup(promptText, p.systemProperty().get(),
                entry == null ? "" : entry.id(), entry == null ? "" : entry.displayName(), c.modelProperty().get(),
                blankToNull(c.baseUrlProperty().get()), blankToNull(key), sampling, null, expected);
        List<RecordedColumn> columns = new ArrayList<>();
        boolean allRecorded = !compare.columns().isEmpty();
        for (ColumnViewModel column : compare.columns()) {
            String label = column.labelProperty().get() == null || column.labelProperty().get().isBlank()
                    ? Messages.get("column.defaultLabel", columns.size() + 1)
                    : column.labelProperty().get().strip();
            String budget = column.budgetTextProperty().get();
            LaneRun run = column.live().shownRun();
            RecordedColumn recording = replay.recordingOf(column);
            allRecorded &= recording != null;
            if (recording != null) {
                columns.add(recording);
            } else if (run != null) {
                columns.add(RecordedColumn.of(run));
            } else if (column.live().getState() == ColumnState.SKIPPED) {
                columns.add(RecordedColumn.skipped(label, budget, column.unsupportedProperty().get()));
            } else {
                columns.add(RecordedColumn.idle(label, budget));
            }
        }
        // a recording opened and saved again keeps the time it was made ("Recorded" showed the time of the save) and
        // its note (a sample saved again, or exported, lost how it was recorded); other columns are other runs
        Instant at = allRecorded && openedAt != null ? openedAt : now.get();
        String note = allRecorded && openedAt != null ? openedNote : "";
        // a recording shown keeps its round wherever its replay stands; live candidates give theirs
        var round = replay.activeProperty().get() ? replay.recordedRound() : compare.bestOfNRecord();
        return new Session(at, note, setup, columns, stepper == null ? null : stepper.record(),
                sweeps == null ? null : sweeps.record(), round);
    }

    /** The answer the prompt pane was told, else the one known for a sample prompt, else null. */
    private static String expectedAnswer(PromptViewModel p) {
        String told = p.expectedProperty().get();
        return told != null && !told.isBlank() ? told.strip() : KnownAnswers.forPrompt(p.promptProperty().get());
    }

    private static String answeredExpected(CompareViewModel.AnsweredPrompt answered) {
        return answered.expected() != null && !answered.expected().isBlank() ? answered.expected().strip()
                : KnownAnswers.forPrompt(answered.prompt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Shows {@code session}: its prompt and sampling, its columns replayable, its Stepper branches. */
    public void apply(Session session) {
        PromptViewModel p = compare.prompt();
        p.promptProperty().set(session.setup().prompt());
        p.systemProperty().set(session.setup().system());
        Sampling s = session.setup().sampling();
        p.temperatureProperty().set(s.temperature() == null ? "" : plain(s.temperature()));
        p.seedProperty().set(s.seed() == null ? "" : String.valueOf(s.seed()));
        p.expectedProperty().set(session.setup().expectedAnswer() == null ? "" : session.setup().expectedAnswer());
        openedAt = session.savedAt();
        openedNote = session.note();
        replay.open(session);
        if (stepper != null && session.stepper() != null && !session.stepper().branches().isEmpty()) {
            stepper.show(session.stepper());
        } else if (stepper != null) {
            stepper.clear(session.setup().prompt(), session.setup().expectedAnswer());
        }
        if (sweeps != null && session.sweep() != null && !session.sweep().rows().isEmpty()) {
            sweeps.show(session.sweep());
        } else if (sweeps != null) {
            sweeps.clear();
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    /** Saves to the file saved to or opened last; false when there is none yet (ask for one, then {@link #save}). */
    public boolean saveAgain() {
        Path file = currentFile.get();
        if (file == null) {
            return false;
        }
        save(file);
        return true;
    }

    /** Saves the workbench to {@code file} in the background; the message says how it went. */
    public void save(Path file) {
        save(file, () -> { });
    }

    /** As {@link #save(Path)}, then runs {@code then} once the file is written (not when it failed). */
    public void save(Path file, Runnable then) {
        Session session = snapshot();
        tasks.run(() -> {
            files.write(file, session);
            return file;
        }, saved -> {
            currentFile.set(saved);
            settled = parts(session);
            remember(saved);
            tell(Messages.get("session.saved", saved.getFileName()), false);
            then.run();
        }, error -> tell(error.getMessage(), true));
    }

    /**
     * Replaces the Compare columns with the engine's presets ({@link CompareViewModel#resetColumnsToPresets()}). Where
     * the columns replaced had runs and the window has a file, that file keeps those runs and stops being the
     * window's document: the new columns' runs are other runs, and Save wrote them over the file that kept the old
     * ones (a "save first" made just before the replacing is such an archive). The next Save asks for a file.
     */
    public void usePresets() {
        replaceColumns(compare::resetColumnsToPresets);
    }

    /**
     * Replaces the Compare columns by {@code replace} (a lesson's exercise), as {@link #usePresets()} does with the
     * presets: a file that kept the runs of the columns replaced stops being the window's document.
     */
    public void replaceColumns(Runnable replace) {
        boolean ran = snapshot().columns().stream().anyMatch(RecordedColumn::ran);
        replace.run();
        Path kept = currentFile.get();
        if (ran && kept != null) {
            currentFile.set(null);
            openedAt = null;
            tell(Messages.get("session.keptIn", kept.getFileName()), false);
        }
    }

    /**
     * What runs on screen are not in a file (saved or opened) as they stand: the Compare columns that ran, the
     * Stepper's branches, in words ("3 Compare columns, 2 Stepper branches"); empty when
     * there are none (a prompt alone is not worth asking about).
     */
    public String unsavedRuns() {
        return unsaved(false);
    }

    /** As {@link #unsavedRuns()}, the Compare columns alone (what replacing the columns would lose). */
    public String unsavedColumns() {
        return unsaved(true);
    }

    private String unsaved(boolean columnsOnly) {
        Session s = snapshot();
        List<Integer> now = parts(s);
        List<String> words = new ArrayList<>();
        long columns = s.columns().stream().filter(RecordedColumn::ran).count();
        if (columns > 0 && !now.get(0).equals(settled.get(0))) {
            words.add(Messages.get("session.unsaved.columns", columns));
        }
        if (columnsOnly) {
            return String.join(", ", words);
        }
        if (s.stepper() != null && !s.stepper().branches().isEmpty() && !now.get(1).equals(settled.get(1))) {
            words.add(Messages.get("session.unsaved.branches", s.stepper().branches().size()));
        }
        // a sweep's results are asked about only where they could not be written: each run is in its sweep's results
        // file as it ends (Past sweeps lists it, a closed window resumes it), a grade set by hand too
        int unwritten = sweeps == null ? 0 : sweeps.unwrittenResults();
        if (unwritten > 0) {
            words.add(Messages.get("session.unsaved.unwritten", unwritten));
        }
        return String.join(", ", words);
    }

    /** The Experiments tab's sweep charts as PNG images by caption, for a report; empty without a sweep. */
    public java.util.Map<String, byte[]> sweepChartPngs() {
        return sweeps == null ? java.util.Map.of() : sweeps.chartPngs();
    }

    /** The Experiments tab's sweep under way in words ("37 of 120 runs"), null when none is. */
    public String sweepUnderWay() {
        return sweeps == null ? null : sweeps.underWay();
    }

    /** The model downloads under way in words ("DeepSeek-R1-Distill-Qwen-1.5B, 42%"), null when none is. */
    public String downloadUnderWay() {
        return downloads == null ? null : downloads.underWay();
    }

    /**
     * The file that holds the Stepper's session as it stands (saved or opened, no step since), if any: a Run that
     * starts over loses nothing the file does not keep.
     */
    public java.util.Optional<Path> stepperSavedIn() {
        Session s = snapshot();
        Path file = currentFile.get();
        boolean kept = file != null && s.stepper() != null && !s.stepper().branches().isEmpty()
                && parts(s).get(1).equals(settled.get(1));
        return kept ? java.util.Optional.of(file) : java.util.Optional.empty();
    }

    /**
     * What each part of {@code s} holds, by content: the Compare columns with every event of their runs, the
     * Stepper's branches with every step (an undone step and a new one of the same length differ), the sweep's rows.
     */
    private static List<Integer> parts(Session s) {
        int columns = Objects.hash(s.columns().stream().map(c -> c.label() + "=" + c.budget()).toList(),
                s.columns().stream().map(RecordedColumn::events).toList());
        int stepper = s.stepper() == null ? 0 : Objects.hash(s.stepper().activeBranchId(),
                s.stepper().branches().stream().map(b -> List.of(b.steps(), b.thinking(), b.answers())).toList());
        int sweep = s.sweep() == null ? 0 : s.sweep().rows().hashCode();
        return List.of(columns, stepper, sweep);
    }

    /** The part of a session a window shows first when it opens one. */
    public enum Part { COMPARE, STEPPER, SWEEP }

    private java.util.function.Consumer<Part> onShown = part -> { };

    /** Called with the part to show once an opened session is shown (the window selects its tab). */
    public void setOnShown(java.util.function.Consumer<Part> onShown) {
        this.onShown = Objects.requireNonNull(onShown);
    }

    /**
     * The part to show first: Compare where it has recorded columns, else the Stepper or the sweep where the session
     * holds one (a session saved from the Stepper alone opened on an empty Compare tab).
     */
    static Part shownPart(Session session) {
        if (!session.columns().isEmpty()) {
            return Part.COMPARE;
        }
        if (session.stepper() != null && !session.stepper().branches().isEmpty()) {
            return Part.STEPPER;
        }
        return session.sweep() != null && !session.sweep().rows().isEmpty() ? Part.SWEEP : Part.COMPARE;
    }

    /** Opens {@code file} in the background and shows it; a file that cannot be read is told, and left as it is. */
    public void open(Path file) {
        open(file, () -> { });
    }

    /**
     * As {@link #open(Path)}, then runs {@code then} once the session is shown (not when the file could not be read:
     * its problem is what the user must see, e.g. before presenter mode folds the message away).
     */
    public void open(Path file, Runnable then) {
        tasks.run(() -> files.read(file), session -> {
            apply(session);
            onShown.accept(shownPart(session));
            settled = parts(session); // what the file holds: a part shown as it was read is unchanged
            currentFile.set(file);
            remember(file);
            // "press Play" only where there is a recording to play (a Stepper or sweep session has none)
            tell(Messages.get(replay.activeProperty().get() ? "session.opened" : "session.openedNoReplay",
                    file.getFileName()), false);
            pressPlayTold = replay.activeProperty().get();
            then.run();
        }, error -> {
            tell(openProblem(file, error), true);
            if (!Files.exists(file)) {
                forget(file);
            }
        });
    }

    private void remember(Path file) {
        if (recentStore == null) {
            return;
        }
        try {
            recent.setAll(recentStore.add(file));
        } catch (IOException e) {
            // the list is a convenience: the session itself was saved or opened
        }
    }

    private void forget(Path file) {
        if (recentStore == null) {
            return;
        }
        try {
            recent.setAll(recentStore.remove(file));
        } catch (IOException e) {
            recent.remove(file.toAbsolutePath().normalize());
        }
    }

    /**
     * Why {@code file} could not be opened: the reader's message (English: the command line shares it), led in a
     * window of another language by what is wrong in that language, the message kept as the detail.
     */
    static String openProblem(Path file, Throwable error) {
        if (!Messages.korean() || !(error instanceof dev.thinkbench.lab.session.SessionFileException e)) {
            return error.getMessage();
        }
        // the kind in the window's words, then only what it does not say (the whole English story repeated it)
        String kind = Messages.get("session.openProblem." + e.problem().name().toLowerCase(java.util.Locale.ROOT),
                file.getFileName());
        return e.detail().isEmpty() ? kind : kind + "\n" + Messages.get("session.openProblem.detail", e.detail());
    }

    private void tell(String text, boolean isProblem) {
        pressPlayTold = false;
        problem.set(isProblem);
        // the same words again (a second save to one file) are news too: cleared first, so they are told again
        message.set("");
        message.set(text);
    }

    /** Says that an export was written. */
    public void tellExported(Path file) {
        tell(Messages.get("session.exported", file.getFileName(), file.toAbsolutePath().getParent()), false);
    }

    /** Shows a problem above the columns. */
    public void tellProblem(String text) {
        tell(text == null || text.isBlank() ? Messages.get("session.problem") : text, true);
    }

    /** Clears the message. */
    public void dismissMessage() {
        tell("", false);
    }

    // ---- autosave and crash recovery ------------------------------------------------------------------------------

    /**
     * Writes the autosave in the background when the workbench changed since the last one and holds something worth
     * keeping (a prompt or a run). A failure is told once.
     */
    public void autosave() {
        if (autosaves == null) {
            return;
        }
        Session session = snapshot();
        int fingerprint = fingerprint(session);
        if (fingerprint == lastAutosaved || !worthKeeping(session)) {
            return;
        }
        lastAutosaved = fingerprint;
        tasks.run(() -> {
            autosaves.write(session);
            return session;
        }, done -> { }, error -> tell(Messages.get("session.autosaveFailed", error.getMessage()), true));
    }

    private static boolean worthKeeping(Session s) {
        return !s.setup().prompt().isBlank() || s.columns().stream().anyMatch(RecordedColumn::ran)
                || s.stepper() != null || s.sweep() != null && !s.sweep().rows().isEmpty();
    }

    /** Changes whenever what a session would hold changes (not its time of saving): its setup and its parts. */
    private static int fingerprint(Session s) {
        return Objects.hash(s.setup(), parts(s));
    }

    /** Looks for an autosave a crashed Thinkbench left behind, and offers it ({@link #restoreOfferProperty()}). */
    public void checkForLeftBehind() {
        if (autosaves != null) {
            List<Path> left = autosaves.leftBehind();
            restoreOffer.set(left.isEmpty() ? null : left.getFirst());
        }
    }

    /** Opens the autosave on offer and removes it (it becomes this window's autosave). */
    public void restore() {
        Path offered = restoreOffer.get();
        if (offered == null) {
            return;
        }
        restoreOffer.set(null);
        tasks.run(() -> files.read(offered), session -> {
            apply(session);
            // the autosave's runs are not the runs of the file saved to or opened before: Save asks for a file
            currentFile.set(null);
            tell(Messages.get("session.restored", session.savedAt().toString().replace('T', ' ')
                    .replaceAll("\\.\\d+", "").replace("Z", " UTC")), false);
            discardQuietly(offered);
            autosave();
        }, error -> tell(Messages.get("session.restoreFailed", error.getMessage(), offered), true));
    }

    /** Declines the autosave on offer and removes it. */
    public void discardRestore() {
        Path offered = restoreOffer.get();
        restoreOffer.set(null);
        if (offered != null) {
            discardQuietly(offered);
        }
    }

    private void discardQuietly(Path file) {
        try {
            autosaves.discard(file);
        } catch (IOException e) {
            tell(Messages.get("session.discardFailed", file, e.getMessage()), true);
        }
    }

    /** The window closes normally: this window's autosave is removed (nothing to restore next time). */
    public void closeCleanly() {
        if (autosaves != null) {
            try {
                autosaves.closeCleanly();
            } catch (IOException e) {
                // next start offers it: harmless
            }
        }
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public ReplayViewModel replay() {
        return replay;
    }

    public CompareViewModel compare() {
        return compare;
    }

    /** The file saved to or opened last, null when none. */
    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    /** What the last action did, or why it failed; empty when nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the message is a problem (a failed save or open). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** An autosave a crashed Thinkbench left behind, null when none. */
    public ReadOnlyObjectProperty<Path> restoreOfferProperty() {
        return restoreOffer.getReadOnlyProperty();
    }

    /** The session files used lately, newest first. */
    public ObservableList<Path> recent() {
        return recentShown;
    }
}
