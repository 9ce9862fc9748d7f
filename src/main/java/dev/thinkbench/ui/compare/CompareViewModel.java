package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.CandidateRound;
import dev.thinkbench.lab.Comparison;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.PricedAs;
import dev.thinkbench.lab.samples.ModelFit;
import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.connection.ServerStatus;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The Compare tab: one prompt, several budget columns, run side by side. Starts a {@link Comparison} over the columns
 * the engine can run, cancels and retries, and on every frame ({@link #tick}) lets each column drain its run and
 * refreshes the chart figures at most {@value #CHART_HZ} times a second. Says why Run is disabled. Grades each
 * finished column against the prompt's expected answer, costs free runs at a hosted model's rates when asked
 * ({@link #pricedAsProperty()}), and says when the prompt is outside the built-in micro model's world instead of
 * running it there. In best-of-N mode ({@link #bestOfN()}) the columns are N live candidates of one budget with
 * different seeds, and the candidate that best-of-N's selection picks is marked once they have finished. UI thread
 * only.
 */
public final class CompareViewModel {

    static final int CHART_HZ = 4;
    /** Each column shows its new text every this many frames, the columns taking turns (about 20 times a second). */
    static final int TEXT_EVERY_FRAMES = 3;
    private static final int MAX_COLUMNS = 8;

    private final ConnectionViewModel connection;
    private final PromptViewModel prompt;
    private final BudgetPresets presets;
    private final PriceTable prices;
    private final ObservableList<ColumnViewModel> columns = FXCollections.observableArrayList();
    private final ObservableList<ColumnViewModel> readOnlyColumns = FXCollections.unmodifiableObservableList(columns);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyStringWrapper runHint = new ReadOnlyStringWrapper(this, "runHint", "");
    private final ReadOnlyBooleanWrapper keptColumns = new ReadOnlyBooleanWrapper(this, "keptColumns");
    /** Whether the chosen engine bills its runs itself (a hosted one): "Priced as" then has nothing to price. */
    private final ReadOnlyBooleanWrapper pricedByEngine = new ReadOnlyBooleanWrapper(this, "pricedByEngine");
    /** Whether some column's budget is one the chosen engine and model cannot run (its presets can). */
    private final ReadOnlyBooleanWrapper budgetsRefused = new ReadOnlyBooleanWrapper(this, "budgetsRefused");
    /** Whether the columns were kept over another model of the same engine (not another engine). */
    private final ReadOnlyBooleanWrapper keptOverModel = new ReadOnlyBooleanWrapper(this, "keptOverModel");
    private final ReadOnlyObjectWrapper<List<ColumnFigures>> figures =
            new ReadOnlyObjectWrapper<>(this, "figures", List.of());
    private final ReadOnlyStringWrapper figuresNote = new ReadOnlyStringWrapper(this, "figuresNote", "");
    private final ReadOnlyStringWrapper tally = new ReadOnlyStringWrapper(this, "tally", "");
    private final ReadOnlyStringWrapper staleNote = new ReadOnlyStringWrapper(this, "staleNote", "");
    private final ReadOnlyStringWrapper shownPrompt = new ReadOnlyStringWrapper(this, "shownPrompt", "");
    /** Each run column's budget text and the model when the comparison shown started: edits after it make it stale. */
    private final Map<ColumnViewModel, String> runBudgets = new IdentityHashMap<>();
    private String runModel;
    /** The temperature and seed as typed when the comparison shown started ("t|seed"); null before a run. */
    private String runSampling;
    private final ObjectProperty<Price> pricedAs = new SimpleObjectProperty<>(this, "pricedAs");
    private java.util.function.BooleanSupplier escapeFirst = () -> false;
    private final ReadOnlyStringWrapper promptWarning = new ReadOnlyStringWrapper(this, "promptWarning", "");
    private final InvalidationListener recheck = obs -> updateRunState();
    private final Map<ColumnViewModel, Integer> laneOf = new IdentityHashMap<>();
    private Comparison comparison;
    private long lastChartNanos;
    private long frame;
    private boolean chartDirty;
    private String engineId;
    private String presetKey;
    private BooleanSupplier onFrame = () -> false;
    /** Asks the view for frames again once they have stopped (its frame driver); set by the view. */
    private Runnable wake = () -> { };
    /** The expected answer of the last run, for its retries. */
    private String runExpected;
    /** The prompt the last run answered: a changed expected answer regrades only answers to it. */
    private String runPrompt;
    /** The rates the last run's free columns were costed at, null for none. */
    private Price runPricedAs;
    private final BestOfNViewModel bestOfN = new BestOfNViewModel();
    private final BooleanProperty confidenceShown = new SimpleBooleanProperty(this, "confidenceShown");
    private String confidenceUnavailableShort = "";
    private final ReadOnlyStringWrapper confidenceUnavailable = new ReadOnlyStringWrapper(this,
            "confidenceUnavailable", "");
    /** The budget columns the user set up, kept while best-of-N shows candidate columns instead. */
    private List<ColumnViewModel> budgetColumns = List.of();
    private CandidateRound round;
    /** A recorded best-of-N round the columns show (a session opened), null when none. */
    private dev.thinkbench.lab.session.BestOfNRecord recordedRound;
    /** Set when the recorded round's marks and count are due once the columns have drained their runs. */
    private boolean recordedDue;
    private CompletableFuture<CandidateRound.Outcome> picking;
    private boolean pickDue;

    public CompareViewModel(ConnectionViewModel connection, PromptViewModel prompt, BudgetPresets presets,
                            PriceTable prices) {
        this.connection = connection;
        this.prompt = prompt;
        this.presets = presets;
        this.prices = prices;
        columns.addListener((ListChangeListener<ColumnViewModel>) change -> onColumnsChanged(change));
        for (Observable o : List.of(prompt.promptProperty(), prompt.temperatureErrorProperty(),
                prompt.seedErrorProperty(), connection.modelProperty(), connection.engineProperty(),
                connection.connectionErrorProperty(), connection.statusProperty(), running)) {
            o.addListener(recheck);
        }
        connection.engineProperty().addListener((obs, old, now) -> onEngineChanged(now));
        // another engine kind whose engine is not set up either (no key): the engine stays null, the words change
        connection.engineEntryProperty().addListener((obs, old, now) -> describeColumns());
        // A model with presets of its own (a tiny model beside 7B ones on one engine) brings its own columns.
        connection.modelProperty().addListener((obs, old, now) -> onEngineChanged(connection.engineProperty().get()));
        onEngineChanged(connection.engineProperty().get());
        for (Observable o : List.of(prompt.promptProperty(), connection.modelProperty(),
                connection.engineProperty())) {
            o.addListener(obs -> checkModelFit());
        }
        checkModelFit();
        installBestOfN();
        prompt.expectedProperty().addListener((obs, old, now) -> onExpectedChanged(now));
        pricedAs.addListener((obs, old, now) -> repriceShown(now));
        for (Observable o : List.of(prompt.promptProperty(), connection.modelProperty(), running,
                prompt.temperatureProperty(), prompt.seedProperty())) {
            o.addListener(obs -> checkStale());
        }
        installConfidence();
        checkStale();
    }

    private final javafx.beans.InvalidationListener staleCheck = obs -> checkStale();
    /** Best-of-N's candidate columns that ran, with their outcome line, kept while Best-of-N is off. */
    private List<ColumnViewModel> keptCandidates = List.of();
    private String keptOutcome = "";
    /** The run the kept candidates showed, so they can be retried and regraded when they come back. */
    private ShownRun keptCandidatesRun;
    /** The run the budget columns showed, kept with them while best-of-N shows its candidates. */
    private ShownRun budgetColumnsRun;

    /** A column renamed (its budget edited): the charts' axis says its new name at once, not after the next run. */
    private final javafx.beans.InvalidationListener relabel = obs -> chartsStale();

    /** What the comparison now starting was run with: its prompt's model and each run column's budget text. */
    private void recordRunInputs() {
        runModel = connection.modelProperty().get();
        runSampling = samplingTyped();
        runBudgets.clear();
        laneOf.keySet().forEach(c -> runBudgets.put(c, c.budgetTextProperty().get()));
        staleNote.set("");
    }

    /**
     * Says when the finished comparison shown no longer matches the form: the prompt, the model or a run column's
     * budget changed since it ran (its columns still show what that run made). Empty while running or with nothing
     * shown.
     */
    private void checkStale() {
        shownPrompt.set(shownRunPromptIfOther().map(AnsweredPrompt::prompt).orElse(prompt.promptProperty().get()));
        if (running.get() || comparison == null || laneOf.isEmpty() || runPrompt == null) {
            staleNote.set("");
            return;
        }
        String what = !runPrompt.equals(prompt.promptProperty().get()) ? Messages.get("compare.stale.prompt")
                : runModel != null && !runModel.equals(connection.modelProperty().get())
                ? Messages.get("compare.stale.model")
                : laneOf.keySet().stream().anyMatch(c -> !java.util.Objects.equals(runBudgets.get(c),
                        c.budgetTextProperty().get())) ? Messages.get("compare.stale.budget")
                : runSampling != null && !runSampling.equals(samplingTyped()) ? Messages.get("compare.stale.sampling")
                : null;
        staleNote.set(what == null ? "" : Messages.get("compare.stale", what));
    }

    /** The temperature and seed as typed, stripped, for {@link #checkStale}. */
    private String samplingTyped() {
        return String.valueOf(prompt.temperatureProperty().get()).strip() + "|"
                + String.valueOf(prompt.seedProperty().get()).strip();
    }

    /**
     * The prompt and expected answer the columns' runs answered, when they show runs of a prompt other than the one
     * in the prompt box now (a lesson or a new problem put another there since); null when they show none or the
     * box's own. A saved session keeps these with the runs, so that opened again they are graded against their own.
     */
    public java.util.Optional<AnsweredPrompt> shownRunPromptIfOther() {
        boolean shown = columns.stream().anyMatch(laneOf::containsKey);
        if (!shown || runPrompt == null || runPrompt.equals(prompt.promptProperty().get())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AnsweredPrompt(runPrompt, runExpected));
    }

    /**
     * The prompt the columns show the answers to: the one their runs answered while they show runs of another (a
     * lesson or a new problem put another in the box since), else the prompt in the box. Presenter mode's headline
     * shows it, so a room never reads one question above another's answers.
     */
    public ReadOnlyStringProperty shownPromptProperty() {
        return shownPrompt.getReadOnlyProperty();
    }

    /** A prompt the columns' runs answered, and the answer expected of them then (blank or null for none). */
    public record AnsweredPrompt(String prompt, String expected) {
    }

    /**
     * Says, when not empty, that the columns show a run made before the prompt, the model or a budget changed; run
     * again to update them.
     */
    public ReadOnlyStringProperty staleNoteProperty() {
        return staleNote.getReadOnlyProperty();
    }

    /**
     * Whether the stale note is shown: not while the columns' own note says they were kept over another engine or
     * model (it says as much, with the way to that one's presets; two notes crowded the columns of a 720-px window).
     */
    public javafx.beans.binding.BooleanExpression staleNoteShown() {
        return staleNote.getReadOnlyProperty().isNotEmpty().and(keptColumns.getReadOnlyProperty().not());
    }

    /**
     * A new Priced as, after a run: the finished comparison's columns are costed at it at once (their token counts
     * are known), so the cost strip, chart and export show what was picked. While a run goes on it applies from the
     * next run.
     */
    private void repriceShown(Price now) {
        if (comparison == null || running.get()) {
            return;
        }
        runPricedAs = now;
        comparison.priceAs(now == null ? null : now.model());
        columns.forEach(c -> c.live().refreshMetrics());
        chartsStale();
    }

    // --- the token confidence view ----------------------------------------------------------------------------

    private void installConfidence() {
        for (Observable o : List.of(connection.engineProperty(), connection.modelProperty())) {
            o.addListener(obs -> checkConfidence());
        }
        confidenceShown.addListener((obs, was, on) -> columns.forEach(c -> c.live().setConfidenceShown(on)));
        columns.addListener((ListChangeListener<ColumnViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(c -> c.live().setConfidenceShown(confidenceShown.get()));
            }
        });
        columns.forEach(c -> c.live().setConfidenceShown(confidenceShown.get()));
        checkConfidence();
    }

    private void checkConfidence() {
        ReasoningEngine engine = connection.engineProperty().get();
        String model = connection.modelProperty().get();
        confidenceUnavailableShort = engine == null ? "" : Messages.get("confidence.notReportedShort");
        confidenceUnavailable.set(engine == null ? Messages.get("confidence.noEngine")
                : engine.reportsTokenProbabilities(model == null ? "" : model.strip()) ? ""
                : Messages.get("confidence.notReported", EngineNames.shortOf(engine)));
    }

    /**
     * Whether the columns colour the thinking by the model's confidence in each token (for runs whose engine
     * reported token probabilities).
     */
    public BooleanProperty confidenceShownProperty() {
        return confidenceShown;
    }

    /** The reason in short (the engine's name), for beside the switch; blank when there is none. */
    public String confidenceUnavailableShort() {
        return confidenceUnavailable.get().isEmpty() ? "" : confidenceUnavailableShort;
    }

    /** Why the chosen engine cannot show token confidence, empty when it can. */
    public ReadOnlyStringProperty confidenceUnavailableProperty() {
        return confidenceUnavailable.getReadOnlyProperty();
    }

    /** Whether the prompt suits the model: the micro model's samples first, a warning for a prompt it cannot do. */
    private void checkModelFit() {
        ReasoningEngine engine = connection.engineProperty().get();
        boolean micro = engine != null && ModelFit.isMicroModel(engine.id(), connection.modelProperty().get());
        prompt.setMicroModel(micro);
        String why = micro && prompt.hasPrompt() ? ModelFit.microProblem(prompt.promptProperty().get()) : null;
        promptWarning.set(why == null ? "" : Messages.get("compare.outsideMicroWorld"));
    }

    private void onColumnsChanged(ListChangeListener.Change<? extends ColumnViewModel> change) {
        // a recorded round was of the columns it was shown on (a replay shows it again on its own columns)
        recordedRound = null;
        recordedDue = false;
        while (change.next()) {
            for (ColumnViewModel removed : change.getRemoved()) {
                removed.budgetTextProperty().removeListener(staleCheck);
                removed.labelProperty().removeListener(relabel);
                removed.runnableProperty().removeListener(recheck);
                removed.budgetErrorProperty().removeListener(recheck);
                removed.live().cancel();
                laneOf.remove(removed);
            }
            for (ColumnViewModel added : change.getAddedSubList()) {
                added.budgetTextProperty().addListener(staleCheck);
                added.labelProperty().addListener(relabel);
                added.setEngine(connection.engineProperty().get(), connection.modelProperty().get(), presetWords());
                added.runnableProperty().addListener(recheck);
                added.budgetErrorProperty().addListener(recheck);
            }
        }
        chartsStale();
        updateRunState();
        // a column removed leaves the run's lanes: best-of-N's fresh candidates show nothing of that run
        checkStale();
        // the count is of the columns shown: columns put back ("Back to my workbench") had kept a lesson's tally
        if (!running.get()) {
            countAnswers();
        }
    }

    private void onEngineChanged(ReasoningEngine engine) {
        String id = engine == null ? null : engine.id();
        String key = id == null ? null : presets.presetKey(id, connection.modelProperty().get());
        boolean newKind = key != null && !key.equals(presetKey);
        boolean sameEngine = id != null && id.equals(engineId);
        if (newKind && bestOfN.enabledProperty().get()) {
            bestOfN.enabledProperty().set(false); // the presets replace the user's columns, not the candidates
        }
        if (id != null) {
            engineId = id;
            presetKey = key;
        }
        // Columns that hold results stay, as the finished comparison they show (the next run re-checks each budget
        // on the new engine); the new engine's presets are one click away (keptColumnsProperty).
        boolean results = columns.stream().anyMatch(c -> c.live().getState() != ColumnState.IDLE);
        if (columns.isEmpty() || newKind && !results) {
            resetColumnsToPresets();
        } else if (newKind) {
            keptOverModel.set(sameEngine);
            keptColumns.set(true);
        }
        describeColumns();
        // a hosted engine prices its runs from the table, or cannot (null): either way not free on this machine
        Price own = engine == null ? null : engine.price(connection.modelProperty().get(), prices);
        pricedByEngine.set(engine != null && (own == null || !own.isFree()));
        prompt.setTemperatureNote(engine == null || engine.capabilities().temperatureWhileThinking() ? ""
                : Messages.get("prompt.temperature.ownWhileThinking", EngineNames.shortOf(engine)));
        updateRunState();
    }

    /**
     * Every column says again what its budget means on the engine (or engine kind) and model chosen now, and whether
     * they can run it.
     */
    private void describeColumns() {
        ReasoningEngine engine = connection.engineProperty().get();
        String model = connection.modelProperty().get();
        Function<Budget, String> words = presetWords();
        columns.forEach(c -> c.setEngine(engine, model, words));
    }

    /**
     * The preset table's words for a budget on the engine kind and model chosen, for columns whose engine is not set
     * up: only a budget the table has for that kind and model has words; any other (a column kept from another
     * engine, a budget typed) has none rather than another engine's.
     */
    private Function<Budget, String> presetWords() {
        dev.thinkbench.engine.EngineRegistry.Entry entry = connection.engineEntryProperty().get();
        List<BudgetPresets.Preset> table = entry == null ? List.of()
                : presets.forModel(entry.id(), connection.modelProperty().get());
        List<BudgetPresets.Preset> known = table == null ? List.of() : List.copyOf(table);
        return budget -> known.stream().filter(p -> p.budget().equals(budget)).map(BudgetPresets.Preset::means)
                .filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

    /** Replaces the columns with the engine's small / medium / large presets. */
    public void resetColumnsToPresets() {
        keptColumns.set(false);
        columns.setAll(ColumnPresets.forEngine(presets, engineId, connection.modelProperty().get(),
                connection.engineProperty().get()));
    }

    /** Restores saved columns ({@code label=spec}); an empty list keeps the presets. */
    public void restoreColumns(List<String> saved) {
        List<ColumnViewModel> restored = ColumnPresets.fromSettings(saved);
        if (!restored.isEmpty()) {
            columns.setAll(restored);
        }
    }

    /**
     * Shows the columns an exercise names ({@code label=spec}): as {@link #restoreColumns}, but every label is the
     * app's, so each follows its budget when the user edits it.
     */
    public void showNamedColumns(List<String> named) {
        List<ColumnViewModel> shown = ColumnPresets.appNamed(named);
        if (!shown.isEmpty()) {
            columns.setAll(shown);
        }
    }

    /**
     * Shows columns whose runs did not start here (a recorded session): they replace the columns, and the last live
     * comparison is forgotten (nothing to retry). The caller attaches each column's run.
     */
    public void showColumns(List<ColumnViewModel> shown) {
        cancelAll();
        if (bestOfN.enabledProperty().get()) {
            bestOfN.enabledProperty().set(false); // recorded columns are budget columns, not candidates
        }
        round = null;
        picking = null;
        pickDue = false;
        recordedRound = null;
        recordedDue = false;
        comparison = null;
        laneOf.clear();
        staleNote.set("");
        keptColumns.set(false);
        columns.setAll(shown);
        chartsStale();
    }

    /**
     * Runs {@code action} at the start of every frame, before the columns drain (a replay feeds them there); it
     * returns whether it needs further frames of its own (a replay that plays).
     */
    public void setOnFrame(BooleanSupplier action) {
        onFrame = action == null ? () -> false : action;
    }

    /**
     * What asks for frames again once {@link #tick} has said it is idle: the view's frame driver. Called whenever
     * something starts that the frames must follow (a run, a retry, a replay).
     */
    public void setWake(Runnable action) {
        wake = action == null ? () -> { } : action;
    }

    /** Asks for frames: something the frames must follow has started. UI thread. */
    public void wake() {
        wake.run();
    }

    /** The figures must be redrawn at the next chart refresh (the columns or their runs changed). */
    private void chartsStale() {
        chartDirty = true;
        wake.run();
    }

    /**
     * True while the columns are those of a finished comparison on an engine of another kind, kept through an engine
     * switch instead of that engine's presets ({@link #resetColumnsToPresets()} brings them).
     */
    public ReadOnlyBooleanProperty keptColumnsProperty() {
        return keptColumns.getReadOnlyProperty();
    }

    /**
     * True while a column's budget is one the chosen engine and model refuse (Gemini 2.5 Pro and an effort level):
     * their presets are the way out, offered beside the columns even after a run.
     */
    public ReadOnlyBooleanProperty budgetsRefusedProperty() {
        return budgetsRefused.getReadOnlyProperty();
    }

    /**
     * Whether the kept columns ({@link #keptColumnsProperty()}) were run on another model of the engine chosen (its
     * presets differ), rather than on another engine.
     */
    public ReadOnlyBooleanProperty keptOverModelProperty() {
        return keptOverModel.getReadOnlyProperty();
    }

    /** Adds a column that copies the last one's budget (or a medium effort); no-op at the maximum. */
    public ColumnViewModel addColumn() {
        if (bestOfN.enabledProperty().get()) {
            if (candidatesRan() && bestOfN.candidatesProperty().get() < BestOfNViewModel.MAX) {
                // the round's candidates stay with their answers; a new one joins, idle, until the next run
                keepingCandidates(() -> {
                    bestOfN.candidatesProperty().set(bestOfN.candidatesProperty().get() + 1);
                    columns.add(new ColumnViewModel("#" + nextCandidateNumber(), bestOfN.budgetProperty().get()));
                });
                return columns.getLast();
            }
            bestOfN.candidatesProperty().set(bestOfN.candidatesProperty().get() + 1);
            return columns.getLast();
        }
        if (columns.size() >= MAX_COLUMNS) {
            return null;
        }
        String spec = columns.isEmpty() ? "effort:medium" : columns.getLast().budgetTextProperty().get();
        ColumnViewModel c = ColumnViewModel.followingBudget(Messages.get("column.defaultLabel", columns.size() + 1),
                spec);
        columns.add(c);
        return c;
    }

    /** Removes a column, cancelling its run. The last column stays. */
    public void removeColumn(ColumnViewModel column) {
        if (bestOfN.enabledProperty().get()) {
            if (candidatesRan()) {
                if (bestOfN.candidatesProperty().get() > BestOfNViewModel.MIN) {
                    // that candidate goes; the others keep their answers (all of them were laid out afresh, empty)
                    keepingCandidates(() -> {
                        bestOfN.candidatesProperty().set(bestOfN.candidatesProperty().get() - 1);
                        columns.remove(column);
                    });
                }
                return;
            }
            bestOfN.candidatesProperty().set(bestOfN.candidatesProperty().get() - 1);
        } else if (columns.size() > 1) {
            columns.remove(column);
        }
    }

    private void updateRunState() {
        String hint = blocker();
        runHint.set(hint);
        canRun.set(hint.isEmpty());
        // reads every column's runnable (the listener above hears a change only once it has been read again)
        boolean refused = false;
        for (ColumnViewModel c : columns) {
            refused |= !c.isRunnable() && !c.unsupportedProperty().get().isEmpty();
        }
        budgetsRefused.set(refused && !bestOfN.enabledProperty().get());
    }

    private String blocker() {
        if (running.get()) {
            return Messages.get("runHint.running");
        }
        if (connection.engineProperty().get() == null) {
            String why = connection.connectionErrorProperty().get();
            return why.isEmpty() ? Messages.get("runHint.noEngine") : Messages.get("runHint.connection", why);
        }
        if (!prompt.hasPrompt()) {
            return Messages.get("runHint.noPrompt");
        }
        String model = connection.modelProperty().get();
        if (model == null || model.isBlank()) {
            // no model because the server's list could not be had: the server is what to fix
            ServerStatus status = connection.statusProperty().get();
            return status != null && status.state() == ServerStatus.State.PROBLEM
                    ? Messages.get("runHint.noModelServer", status.summary())
                    : Messages.get("runHint.noModel");
        }
        if (!prompt.samplingValid()) {
            return Messages.get("runHint.sampling");
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnViewModel c = columns.get(i);
            if (!c.budgetErrorProperty().get().isEmpty()) {
                return Messages.get("runHint.budget", i + 1, c.budgetErrorProperty().get());
            }
        }
        if (columns.stream().noneMatch(ColumnViewModel::isRunnable)) {
            return Messages.get("runHint.noRunnableColumn");
        }
        return "";
    }

    /** Starts every runnable column; columns the engine cannot run are marked skipped with the reason. */
    public void run() {
        updateRunState();
        if (!canRun.get()) {
            return;
        }
        if (!promptWarning.get().isEmpty()) {
            String reason = Messages.get("compare.skippedOutsideMicroWorld");
            // the why once, under the prompt; each column points there (three copies of it read as three problems)
            String pointer = Messages.get("compare.skippedOutsideMicroWorld.column");
            columns.forEach(c -> c.live().skip(reason, pointer));
            laneOf.clear();
            comparison = null;
            staleNote.set("");
            chartsStale();
            return;
        }
        if (recordedRound != null) {
            showRecordedRound(null); // the columns run live now: the recording's pick is not theirs
        }
        runExpected = prompt.expectedProperty().get();
        runPrompt = prompt.promptProperty().get();
        runPricedAs = pricedAs.get();
        keptColumns.set(false); // the columns run here now: no longer the comparison made on the engine before
        if (bestOfN.enabledProperty().get()) {
            runCandidates();
            return;
        }
        round = null;
        ReasoningEngine engine = connection.engineProperty().get();
        RunSpec base = new RunSpec(prompt.promptProperty().get(), prompt.systemProperty().get(),
                connection.modelProperty().get().strip(), new Budget.None(), prompt.sampling());
        List<Lane> lanes = new ArrayList<>();
        List<ColumnViewModel> runCols = new ArrayList<>();
        laneOf.clear();
        for (int i = 0; i < columns.size(); i++) {
            ColumnViewModel c = columns.get(i);
            if (c.isRunnable()) {
                laneOf.put(c, lanes.size());
                lanes.add(c.toLane(Messages.get("column.defaultLabel", i + 1)));
                runCols.add(c);
            } else {
                c.live().skip(c.unsupportedProperty().get());
            }
        }
        comparison = Comparison.start(engine, prices, base, lanes, runPricedAs == null ? null : runPricedAs.model());
        recordRunInputs();
        List<LaneRun> runs = comparison.runs();
        for (int i = 0; i < runCols.size(); i++) {
            runCols.get(i).live().attach(runs.get(i), runExpected);
        }
        running.set(true);
        chartsStale();
        tally.set("");
    }

    /** Runs one column again with the same prompt, model and budget, leaving the others as they are. */
    public void retry(ColumnViewModel column) {
        Integer index = laneOf.get(column);
        if (comparison == null || index == null || column.live().getState().active()) {
            return;
        }
        column.live().attach(comparison.retry(index), runExpected);
        running.set(true);
        chartsStale();
        pickDue = round != null;
    }

    /** True when {@code column} took part in the last run and can be retried. */
    public boolean canRetry(ColumnViewModel column) {
        return comparison != null && laneOf.containsKey(column) && !column.live().getState().active();
    }

    /**
     * Esc: what {@link #setEscapeFirst} takes (a shown replay pauses), else every column's run is cancelled.
     */
    public void escape() {
        if (!escapeFirst.getAsBoolean()) {
            cancelAll();
        }
    }

    /**
     * What Esc does before it cancels runs, true when it did something: a replay pauses instead (Esc cancelling a
     * replay's columns wiped the recording while its clock ran on).
     */
    public void setEscapeFirst(java.util.function.BooleanSupplier handled) {
        escapeFirst = handled == null ? () -> false : handled;
    }

    /** Cancels every column's run; what arrived is kept. */
    public void cancelAll() {
        columns.forEach(c -> c.live().cancel());
    }

    /**
     * Called once per frame: every column drains its events; the columns take turns showing their new text (each
     * every {@value #TEXT_EVERY_FRAMES} frames), so a frame lays out one text area rather than all; chart figures
     * refresh at most {@value #CHART_HZ} times a second and once more when the last run ends.
     *
     * @return whether there is work for the next frame: a column follows a run, a pick is due, the figures are
     *         stale, or the frame action needs frames
     */
    public boolean tick(long nowNanos) {
        boolean actionBusy = onFrame.getAsBoolean();
        boolean anyActive = false;
        frame++;
        for (int i = 0; i < columns.size(); i++) {
            LiveRunViewModel live = columns.get(i).live();
            chartDirty |= live.tick(nowNanos, (frame + i) % TEXT_EVERY_FRAMES == 0);
            anyActive |= live.getState().active();
        }
        boolean ended = running.get() && !anyActive;
        if (chartDirty && (ended || nowNanos - lastChartNanos >= 1_000_000_000L / CHART_HZ)) {
            lastChartNanos = nowNanos;
            chartDirty = false;
            figuresNote.set(costNote());
            figures.set(columns.stream()
                    .map(c -> ColumnFigures.of(c.labelProperty().get(), c.live().getMetrics())).toList());
        }
        if (ended) {
            running.set(false);
            countAnswers();
        }
        if (round != null) {
            tickCandidates(anyActive);
        }
        if (recordedDue && !anyActive) {
            recordedDue = false;
            String outcome = RoundRecords.markRecorded(columns, recordedRound);
            countAnswers();
            // majority vote is what the count says; another selection's pick and why are said beside it
            boolean said = recordedRound.selection() == CandidateRound.Selection.MAJORITY && !tally.get().isEmpty();
            tally.set(said ? tally.get() : tally.get().isEmpty() ? outcome : tally.get() + " \u00b7 " + outcome);
        }
        return actionBusy || chartDirty || pickDue || picking != null || recordedDue
                || columns.stream().anyMatch(c -> c.live().following());
    }

    /** The finished columns' answers counted, the majority named ({@link #tallyProperty()}). */
    private void countAnswers() {
        tally.set(AnswerTally.of(columns.stream().filter(c -> c.live().gradeProperty().get() != null)
                .map(c -> new AnswerTally.Vote(c.budgetTextProperty().get().strip(),
                        c.live().gradeProperty().get())).toList()));
    }

    /**
     * The expected answer was changed while the prompt is still the one the columns answered (typed in after a run):
     * finished columns are graded against it at once and the count says again whether the majority is right; runs
     * still going take it when they end. A new prompt's answer (a sample picked) leaves the answers shown as graded.
     */
    private void onExpectedChanged(String now) {
        if (runPrompt == null || !runPrompt.equals(prompt.promptProperty().get())) {
            return; // another problem's answer (a sample picked, the prompt edited): the answers shown stay as graded
        }
        runExpected = now;
        columns.forEach(c -> c.live().regrade(now));
        if (!running.get() && !tally.get().isEmpty()) {
            countAnswers();
        }
    }

    // --- best-of-N as live candidate columns ----------------------------------------------------------------

    private void installBestOfN() {
        bestOfN.enabledProperty().addListener((obs, was, on) -> onBestOfN(on));
        bestOfN.candidatesProperty().addListener((obs, old, now) -> layoutCandidates());
        bestOfN.budgetProperty().addListener((obs, old, now) -> layoutCandidates());
        prompt.temperatureProperty().addListener((obs, old, now) -> updateBestOfNHint());
        updateBestOfNHint();
    }

    private void onBestOfN(boolean on) {
        cancelAll();
        // what the columns shown were run with, their round too, before it is let go: candidates kept for later
        // come back with their pick (shown and saved)
        ShownRun shown = shownRun();
        round = null;
        picking = null;
        tally.set("");
        if (on) {
            budgetColumns = List.copyOf(columns);
            budgetColumnsRun = shown;
            // the last column's budget, the largest in the presets: at the smallest, a small model's candidates are
            // one run repeated (8 thinking tokens gave five identical answers at temperature 0.8)
            String last = columns.isEmpty() ? "" : columns.getLast().budgetTextProperty().get();
            if (bestOfN.budgetProperty().get().isBlank()) {
                bestOfN.budgetProperty().set(last);
            }
            if (keptCandidatesFit()) {
                // the candidates of the round before, with their answers and marks: switching off and on loses
                // nothing
                columns.setAll(keptCandidates);
                showRun(keptCandidatesRun);
                bestOfN.setOutcome(keptOutcome);
                countAnswers();
                chartsStale();
            } else {
                layoutCandidates();
                showRun(null);
                bestOfN.setOutcome("");
            }
            keptCandidates = List.of();
            keptCandidatesRun = null;
        } else if (!budgetColumns.isEmpty()) {
            if (columns.stream().anyMatch(c -> c.live().getState() != ColumnState.IDLE)) {
                keptCandidates = List.copyOf(columns);
                keptCandidatesRun = shown;
                keptOutcome = bestOfN.outcomeProperty().get();
            }
            // the budget columns come back as they were, their answers counted again, Retry as before
            columns.setAll(budgetColumns);
            showRun(budgetColumnsRun);
            budgetColumnsRun = null;
            budgetColumns = List.of();
            countAnswers();
            chartsStale();
        }
    }

    /** Whether the candidates kept from the last round are as many as asked for now, each of the budget asked for. */
    private boolean keptCandidatesFit() {
        return !keptCandidates.isEmpty() && keptCandidates.size() == bestOfN.candidatesProperty().get()
                && keptCandidates.stream().allMatch(c -> c.budgetTextProperty().get()
                        .equals(bestOfN.budgetProperty().get()));
    }

    /**
     * What the columns shown were run with, kept while another set of columns (best-of-N's candidates, the budget
     * columns) is shown instead: brought back with them, their Retry and stale note work as before.
     */
    private record ShownRun(Comparison comparison, CandidateRound round, Map<ColumnViewModel, Integer> lanes,
                            Map<ColumnViewModel, String> budgets, String model, String expected, String prompt,
                            Price pricedAs) {
    }

    private ShownRun shownRun() {
        return new ShownRun(comparison, round, new IdentityHashMap<>(laneOf), new IdentityHashMap<>(runBudgets),
                runModel, runExpected, runPrompt, runPricedAs);
    }

    /** Puts back what {@code run} kept, after its columns are shown again; null forgets the last comparison. */
    private void showRun(ShownRun run) {
        laneOf.clear();
        runBudgets.clear();
        if (run == null) {
            comparison = null;
            round = null;
            return;
        }
        comparison = run.comparison();
        round = run.round();
        run.lanes().forEach((c, lane) -> {
            if (columns.contains(c)) {
                laneOf.put(c, lane);
            }
        });
        runBudgets.putAll(run.budgets());
        runModel = run.model();
        runExpected = run.expected();
        runPrompt = run.prompt();
        runPricedAs = run.pricedAs();
        checkStale();
    }

    /** One more than the highest candidate number shown (#1 removed from #1-#3, the one added is #4, not a second #3). */
    private int nextCandidateNumber() {
        int highest = 0;
        for (ColumnViewModel c : columns) {
            String label = c.labelProperty().get();
            if (label != null && label.matches("#\\d+")) {
                highest = Math.max(highest, Integer.parseInt(label.substring(1)));
            }
        }
        return highest + 1;
    }

    /** Set while the candidates change one by one (one removed or added), not laid out afresh. */
    private boolean adjustingCandidates;

    /** Whether any candidate column shows a run (or is running). */
    private boolean candidatesRan() {
        return columns.stream().anyMatch(c -> c.live().getState() != ColumnState.IDLE);
    }

    /**
     * Removes or adds one candidate beside the others' answers: the round's pick was among the candidates it had, so
     * it is forgotten (the marks of "picked" and the outcome go; a retry picks nothing), and the answers are counted
     * again over the candidates shown.
     */
    private void keepingCandidates(Runnable change) {
        adjustingCandidates = true;
        try {
            change.run();
        } finally {
            adjustingCandidates = false;
        }
        round = null;
        picking = null;
        pickDue = false;
        columns.forEach(c -> c.markCandidate("", false));
        bestOfN.setOutcome(Messages.get("bestOfN.changed", columns.size()));
        countAnswers();
        chartsStale();
    }

    /** N candidate columns of the best-of-N budget, labelled #1 to #N (while no round runs). */
    private void layoutCandidates() {
        if (!bestOfN.enabledProperty().get() || running.get() || adjustingCandidates) {
            return;
        }
        List<ColumnViewModel> candidates = new ArrayList<>();
        for (int i = 0; i < bestOfN.candidatesProperty().get(); i++) {
            candidates.add(new ColumnViewModel("#" + (i + 1), bestOfN.budgetProperty().get()));
        }
        round = null;
        columns.setAll(candidates);
    }

    private void updateBestOfNHint() {
        String t = prompt.temperatureProperty().get();
        boolean greedy = t != null && !t.isBlank() && isZero(t.strip());
        bestOfN.setHint(greedy ? Messages.get("bestOfN.greedy") : "");
    }

    private static boolean isZero(String number) {
        try {
            return Double.parseDouble(number) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Starts the candidate columns: one budget, the seed offset per column, as best-of-N makes its candidates. */
    private void runCandidates() {
        ColumnViewModel first = columns.getFirst();
        RunSpec base = new RunSpec(prompt.promptProperty().get(), prompt.systemProperty().get(),
                connection.modelProperty().get().strip(), first.budgetProperty().get(), prompt.sampling());
        String expected = runExpected == null || runExpected.isBlank() ? null : runExpected.strip();
        round = CandidateRound.start(connection.engineProperty().get(), prices, base, first.budgetProperty().get(),
                columns.size(), bestOfN.selectionProperty().get(), expected,
                runPricedAs == null ? null : runPricedAs.model(), bestOfN.judgeModelProperty().get());
        comparison = round.comparison();
        laneOf.clear();
        List<LaneRun> runs = comparison.runs();
        for (int i = 0; i < columns.size(); i++) {
            laneOf.put(columns.get(i), i);
        }
        recordRunInputs();
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).markCandidate("", false);
            columns.get(i).live().attach(runs.get(i), runExpected);
        }
        running.set(true);
        chartsStale();
        tally.set("");
        pickDue = true;
        picking = null;
        bestOfN.setOutcome(Messages.get("bestOfN.running", columns.size()));
    }

    /** Once every candidate has ended, picks (the verifier judges first) and marks the columns. */
    private void tickCandidates(boolean anyActive) {
        if (pickDue && !anyActive) {
            pickDue = false;
            picking = round.pick();
            bestOfN.setOutcome(round.selection() == CandidateRound.Selection.VERIFIER
                    ? Messages.get("bestOfN.judging")
                    : Messages.get("bestOfN.picking", BestOfNBar.selectionWords(round.selection())));
        }
        if (picking != null && picking.isDone()) {
            CandidateRound.Outcome outcome = picking.join();
            picking = null;
            showPick(outcome);
        }
    }

    private void showPick(CandidateRound.Outcome outcome) {
        int pickedIndex = outcome.pick().map(p -> p.candidate().index()).orElse(-1);
        for (Candidate c : outcome.candidates()) {
            if (c.index() >= columns.size()) {
                continue;
            }
            columns.get(c.index()).markCandidate(RoundRecords.mark(c, c.index() == pickedIndex),
                    c.index() == pickedIndex);
        }
        bestOfN.setOutcome(outcome.judgeFailure() != null
                ? Messages.get("bestOfN.judgeFailed", outcome.judgeFailure())
                : outcome.pick().map(p -> Messages.get("bestOfN.picked", p.candidate().index() + 1,
                        BestOfNBar.selectionWords(round.selection()), WindowWording.of(p.why())))
                .orElse(Messages.get("bestOfN.nothingPicked")));
    }

    /**
     * The best-of-N round the columns show, as a session keeps it (the selection, each candidate's seed, the pick
     * and why); null when the columns are budget columns or no candidate ran.
     */
    public dev.thinkbench.lab.session.BestOfNRecord bestOfNRecord() {
        if (recordedRound != null) {
            return recordedRound;
        }
        return bestOfN.enabledProperty().get() ? RoundRecords.of(columns, round, bestOfN.selectionProperty().get(),
                bestOfN.judgeModelProperty().get()) : null;
    }

    /**
     * Shows a recorded best-of-N round on the columns shown (a session replayed to its end): once their runs have
     * drained, each candidate is marked as the live round marked it, the picked one too, and the answers are
     * counted; null takes the marks and the count away and forgets the round (the replay plays again, and shows it
     * again at its end; or it was closed, and the columns are budget columns beside the Best-of-N switch off).
     */
    public void showRecordedRound(dev.thinkbench.lab.session.BestOfNRecord recorded) {
        recordedDue = recorded != null;
        if (recorded == null) {
            recordedRound = null;
            columns.forEach(c -> c.markCandidate("", false));
            tally.set("");
        } else {
            recordedRound = recorded;
        }
        wake.run();
    }

    /** The best-of-N mode: on, the columns are N candidates of one budget and the pick is marked. */
    public BestOfNViewModel bestOfN() {
        return bestOfN;
    }

    /** The budget columns the user set up (kept while best-of-N shows its candidates), for the settings. */
    public List<ColumnViewModel> budgetColumns() {
        return bestOfN.enabledProperty().get() && !budgetColumns.isEmpty() ? budgetColumns : List.copyOf(columns);
    }

    public ObservableList<ColumnViewModel> columns() {
        return readOnlyColumns;
    }

    public PromptViewModel prompt() {
        return prompt;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    /** Why Run is disabled, empty when it is enabled. */
    public ReadOnlyStringProperty runHintProperty() {
        return runHint.getReadOnlyProperty();
    }

    /** True while the chosen engine bills its own runs (a hosted engine): the "Priced as" estimate is for free ones. */
    public ReadOnlyBooleanProperty pricedByEngineProperty() {
        return pricedByEngine.getReadOnlyProperty();
    }

    /**
     * The hosted model whose rates cost free runs (the built-in engine, a local server) as an estimate; null for
     * none (free runs show as free). Takes effect at the next run.
     */
    public ObjectProperty<Price> pricedAsProperty() {
        return pricedAs;
    }

    /** Prices free runs as the table's model {@code name} (null or blank: no estimate); false when it has none. */
    public boolean pricedAs(String name) {
        if (name == null || name.isBlank()) {
            pricedAs.set(null);
            return true;
        }
        Price found = prices.lookup(name.strip()).orElse(null);
        pricedAs.set(found);
        return found != null;
    }

    /** The models one can price as, from the price table. */
    public List<Price> priceChoices() {
        return PricedAs.choices(prices);
    }

    /**
     * What the cost chart's numbers are: an estimate at a hosted model's rates (with their source and date), or
     * empty when the costs are the engines' own.
     */
    public ReadOnlyStringProperty costNoteProperty() {
        return figuresNote.getReadOnlyProperty();
    }

    private String costNote() {
        if (runPricedAs == null) {
            return "";
        }
        String estimate = runPricedAs.asEstimate().source();
        boolean used = columns.stream().map(c -> c.live().getMetrics().cost())
                .anyMatch(cost -> cost.known() && estimate.equals(cost.note()));
        return used ? PriceWords.estimate(runPricedAs) : "";
    }

    /**
     * When three or more columns ran the same budget: their answers counted and the majority named (self-consistency);
     * empty otherwise. Set when a run ends.
     */
    public ReadOnlyStringProperty tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** Why the prompt does not suit the chosen model (outside the micro model's world), empty when it does. */
    public ReadOnlyStringProperty promptWarningProperty() {
        return promptWarning.getReadOnlyProperty();
    }

    /** The charts' numbers, one entry per column in column order. */
    public ReadOnlyObjectProperty<List<ColumnFigures>> figuresProperty() {
        return figures.getReadOnlyProperty();
    }
}
