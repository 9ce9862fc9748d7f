package dev.thinkbench.app;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.lab.session.Autosaves;
import dev.thinkbench.lab.session.RecentSessions;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.lab.session.StepperRecord;
import dev.thinkbench.lab.session.SweepResults;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.present.PresenterControls;
import dev.thinkbench.ui.present.PresenterViewModel;
import dev.thinkbench.ui.session.ChooserFiles;
import dev.thinkbench.ui.session.SessionControls;
import dev.thinkbench.ui.session.SessionViewModel;
import dev.thinkbench.ui.session.StepperSessions;
import dev.thinkbench.ui.session.SweepSessions;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.experiments.ExperimentsView;
import dev.thinkbench.ui.lessons.LessonsView;
import dev.thinkbench.ui.models.ModelManagerView;
import dev.thinkbench.ui.stepper.ConnectedStepperViewModel;
import dev.thinkbench.ui.stepper.StepperTabView;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The whole main window, wired from the composition root: the workbench with its Compare, Stepper, Models and
 * Experiments tabs (Ctrl+1/2/3/4), the welcome on first launch and from the help button, the micro model's exercise as
 * the default prompt, and sessions, replay, exports and presenter mode over them. The Stepper steps on the engine bar's engine and model; a model chosen in the Models tab runs on the
 * built-in engine at once. Build, use and close on the FX thread.
 */
public final class MainWindow implements AutoCloseable {

    /** Tab positions, for Ctrl+1/2/3 and the welcome's "open model manager". */
    static final int COMPARE = 0;
    static final int STEPPER = 1;
    static final int MODELS = 2;
    static final int EXPERIMENTS = 3;
    static final int LESSONS = 4;

    private final AppContext context;
    private final WorkbenchView view;
    private final ConnectedStepperViewModel stepper;
    private final StepperTabView stepperTab;
    private final ModelManagerView models;
    private final ExperimentsView experiments;
    private final LessonsView lessons;
    private final WelcomeFlow welcome;
    private final PresenterViewModel presenter = new PresenterViewModel();
    private final SessionViewModel sessions;
    private final SessionControls sessionControls;
    private final HelpFlow help;

    private MainWindow(AppContext context, FxBackgroundTasks tasks) {
        this.context = context;
        view = WorkbenchFactory.create(context, tasks, context.settings().get());
        ConnectionViewModel connection = view.viewModel().connection();
        PromptViewModel prompt = view.viewModel().compare().prompt();
        stepper = new ConnectedStepperViewModel(connection, context.engines(), LocalCompletionBackend.ID,
                () -> prompt.samplingValid() ? prompt.sampling() : Sampling.defaults(), context.environment(), tasks);
        stepperTab = new StepperTabView(stepper);
        Tab stepTab = view.addTab(Messages.get("tab.stepper"), Feather.GIT_BRANCH, stepperTab,
                Messages.get("tab.stepper.help"),
                Messages.get("tab.stepper.keys"), stepperTab.stepperView());
        stepTab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                StepperDefaults.Offer offer = StepperDefaults.promptFor(prompt);
                stepper.offerPrompt(offer.prompt(), offer.expected());
            }
        });
        models = ModelManagers.create(context, tasks);
        models.viewModel().setOnChosen(this::runOnBuiltIn);
        ModelManagers.followEachOther(connection, models.viewModel());
        connection.engineEntryProperty().addListener((obs, old, now) -> showModelInUse());
        connection.modelProperty().addListener((obs, old, now) -> showModelInUse());
        showModelInUse();
        view.addTab(Messages.get("tab.models"), Feather.HARD_DRIVE, models,
                Messages.get("tab.models.help"),
                Messages.get("tab.models.keys"), null);
        experiments = Experiments.create(context, connection, tasks);
        view.addTab(Messages.get("tab.experiments"), Feather.TRENDING_UP, experiments,
                Messages.get("tab.experiments.help"),
                Messages.get("tab.experiments.keys"),
                experiments);
        lessons = LessonsTab.install(view, context.assets(), stepper, COMPARE, STEPPER);
        ExerciseDefaults.install(connection, prompt);
        ModelPreload.install(connection, context.builtin());
        welcome = new WelcomeFlow(view, context.settings(), context.builtin(), context.environment(),
                () -> view.selectTab(MODELS));
        help = new HelpFlow(view, context.assets(), welcome::show);
        view.setOnHelp(help::show);
        SettingsNotices.install(context.settings(), view);
        // ---- sessions, replay, export, presenter mode (issue 14) ----
        PresenterControls presenting = new PresenterControls(view, presenter);
        sessions = new SessionViewModel(view.viewModel().compare(), new SessionFile(),
                Autosaves.inDataFolder(context.dataDirectory()), RecentSessions.inDataFolder(context.dataDirectory()),
                tasks, Instant::now, System::nanoTime);
        sessions.setStepper(stepperSessions());
        stepperTab.stepperView().setSavedIn(sessions::stepperSavedIn);
        sessions.setSweeps(sweepSessions());
        sessions.setDownloads(models.viewModel()::downloadUnderWay);
        sessions.setOnShown(part -> view.selectTab(switch (part) {
            case COMPARE -> COMPARE;
            case STEPPER -> STEPPER;
            case SWEEP -> EXPERIMENTS;
        }));
        sessions.messageProperty().addListener((obs, old, now) -> presenting.tellWhilePresenting(now));
        sessionControls = new SessionControls(view, sessions, presenter, new ChooserFiles(view,
                context.sampleSessions(), () -> sessions.recent().isEmpty()
                        ? context.dataDirectory().resolve("saved-sessions")
                        : sessions.recent().getFirst().getParent()));
        view.addBarItem(sessionControls.menu());
        // an exercise replaces the Compare columns: their runs in no file are offered a save first
        lessons.viewModel().setAskFirst(sessionControls::beforeExercise);
        javafx.scene.control.MenuButton display = presenting.menu();
        // the language for the next start, beside the other display choices
        display.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(),
                new dev.thinkbench.ui.LanguageMenu(view.viewModel().languageProperty()));
        view.addBarItem(display);
        // the language and theme are written when chosen: a window that is killed, not closed, still keeps them
        view.viewModel().languageProperty().addListener((obs, old, now) -> saveSettingsNow());
        view.viewModel().themeProperty().addListener((obs, old, now) -> saveSettingsNow());
        followChoices();
        sessions.checkForLeftBehind();
    }

    /**
     * Keeps the engine, its URL, the model, the key's variable name, the temperature and the Compare columns in the
     * settings as they change: the file follows a moment later
     * ({@link dev.thinkbench.lab.settings.CurrentSettings#SAVE_DELAY}), so a window that is killed, not closed, starts
     * again as it was left (they were written only on exit).
     */
    private void followChoices() {
        Runnable keep = () -> context.settings().update(previous ->
                WorkbenchFactory.settingsOf(view.viewModel(), previous));
        javafx.beans.InvalidationListener changed = o -> keep.run();
        ConnectionViewModel c = view.viewModel().connection();
        c.engineEntryProperty().addListener(changed);
        c.baseUrlProperty().addListener(changed);
        c.modelProperty().addListener(changed);
        c.apiKeyVariableProperty().addListener(changed);
        view.viewModel().compare().prompt().temperatureProperty().addListener(changed);
        javafx.collections.ObservableList<ColumnViewModel> columns = view.viewModel().compare().columns();
        java.util.function.Consumer<ColumnViewModel> follow = col -> {
            col.labelProperty().addListener(changed);
            col.budgetTextProperty().addListener(changed);
        };
        columns.forEach(follow);
        columns.addListener((javafx.collections.ListChangeListener<ColumnViewModel>) ch -> {
            while (ch.next()) {
                ch.getAddedSubList().forEach(follow);
            }
            keep.run();
        });
    }

    private void saveSettingsNow() {
        try {
            saveSettings();
        } catch (IOException e) {
            System.err.println("Thinkbench: " + e.getMessage());
        }
    }

    /** The Stepper tab's session for saving, and where a saved one is shown. */
    private StepperSessions stepperSessions() {
        return new StepperSessions() {
            @Override
            public StepperRecord record() {
                var snapshot = stepper.stepper().snapshotToSave();
                if (snapshot == null) {
                    return null;
                }
                var template = stepper.stepper().templateProperty().get();
                return StepperRecord.of(snapshot, stepper.stepper().systemProperty().get(),
                        template == null ? "" : template.name(), stepper.stepper().expectedProperty().get());
            }

            @Override
            public void show(StepperRecord record) {
                stepper.stepper().systemProperty().set(record.system());
                stepper.stepper().templates().stream().filter(t -> t.name().equals(record.template())).findFirst()
                        .ifPresent(t -> stepper.stepper().templateProperty().set(t));
                stepper.stepper().showRecorded(record.snapshot(), record.expected());
            }

            @Override
            public void clear(String prompt, String expected) {
                stepper.stepper().clear();
                stepper.stepper().promptProperty().set(prompt == null ? "" : prompt);
                stepper.stepper().expectedProperty().set(expected == null ? "" : expected); // after its prompt
            }
        };
    }

    /** The Experiments tab's sweep results for saving, and where saved ones are shown. */
    private SweepSessions sweepSessions() {
        return new SweepSessions() {
            @Override
            public SweepResults record() {
                var shown = experiments.viewModel().results().records();
                Path file = experiments.viewModel().resultsFile();
                return shown.isEmpty() ? null : SweepResults.of(file == null ? null : file.toString(), shown);
            }

            @Override
            public int unwrittenResults() {
                return experiments.viewModel().unwrittenResults();
            }

            @Override
            public void clear() {
                experiments.viewModel().clearShown();
            }

            @Override
            public String underWay() {
                return experiments.viewModel().underWay();
            }

            @Override
            public java.util.Map<String, byte[]> chartPngs() {
                java.util.Map<String, byte[]> pngs = new java.util.LinkedHashMap<>();
                experiments.reportCharts().forEach((caption, image) ->
                        pngs.put(caption, dev.thinkbench.lab.export.ChartImages.png(image)));
                return pngs;
            }

            @Override
            public void show(SweepResults results) {
                try {
                    experiments.viewModel().showRecorded(results.resultsFile() == null ? null
                            : Path.of(results.resultsFile()), results.records());
                } catch (IllegalArgumentException e) {
                    sessions.tellProblem("The session's sweep results cannot be shown: " + e.getMessage());
                }
            }
        };
    }

    /** Builds the window's content; background work runs on {@code tasks}. */
    public static MainWindow create(AppContext context, FxBackgroundTasks tasks) {
        return new MainWindow(context, tasks);
    }

    /** Shows the welcome when it has not been answered yet; call once the view is in a shown window. */
    public void showWelcomeIfFirstLaunch() {
        welcome.showIfFirstLaunch();
    }

    /** Shows the welcome again (as the help card's "Where can the model run?" does). */
    public void showWelcome() {
        welcome.show();
    }

    /** Shows the help card (as F1 and the help button do). */
    public void showHelp() {
        help.show();
    }

    /** The Models tab marks the file the built-in engine runs, or none while the engine bar has another engine. */
    private void showModelInUse() {
        ConnectionViewModel c = view.viewModel().connection();
        boolean builtin = c.engineEntryProperty().get() != null
                && LocalCompletionBackend.ID.equals(c.engineEntryProperty().get().id());
        String model = c.modelProperty().get();
        models.viewModel().setInUse(builtin && model != null && !model.isBlank()
                ? context.builtin().resolve(model.strip()) : null);
    }

    private void runOnBuiltIn(LocalModel model) {
        view.viewModel().connection().use(LocalCompletionBackend.ID, null, null,
                context.builtin().nameOf(model.path()));
    }

    public WorkbenchView view() {
        return view;
    }

    public StepperTabView stepperTab() {
        return stepperTab;
    }

    public ModelManagerView models() {
        return models;
    }

    public SessionViewModel sessions() {
        return sessions;
    }

    public SessionControls sessionControls() {
        return sessionControls;
    }

    public PresenterViewModel presenter() {
        return presenter;
    }

    public LessonsView lessons() {
        return lessons;
    }

    /**
     * Keeps what the user chose in this session (engine, model, key variable name, theme, columns) and writes the
     * settings file now (unless it is one this version must not write).
     *
     * @throws IOException when the file cannot be written
     */
    public void saveSettings() throws IOException {
        context.settings().update(previous -> WorkbenchFactory.settingsOf(view.viewModel(), previous));
        context.settings().flush();
    }

    public ExperimentsView experiments() {
        return experiments;
    }

    /**
     * Stops a stepping session, pauses downloads and stops a sweep (its finished runs are in its results file; it is
     * offered for resuming next time); the engine process is the context's to close.
     */
    @Override
    public void close() {
        sessionControls.stop();
        sessions.closeCleanly();
        experiments.viewModel().close();
        stepper.close();
        models.viewModel().close();
    }
}
