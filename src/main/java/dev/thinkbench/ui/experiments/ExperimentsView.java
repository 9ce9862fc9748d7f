package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.ui.common.FrameDriver;
import dev.thinkbench.ui.common.Icons;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.StableScroll;
import dev.thinkbench.ui.common.SceneGraph;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Experiments tab: the sweep setup form (FXML) on the left with Start; the results grid and the charts (with
 * the Trace tab a cell opens) side by side; a status bar with progress, live counts, ETA, Pause / Resume and Stop;
 * an offer to resume an interrupted sweep on top; Past sweeps to reopen one kept on this computer; export of charts
 * as PNG (slide size) and results as CSV. Drives {@link ExperimentsViewModel#tick} once per frame while in a scene.
 * UI thread only.
 */
public final class ExperimentsView extends BorderPane {

    private static final String FORM = "sweep-setup.fxml";
    /** The width from which the setup form stays beside the results while a sweep runs. */
    private static final double ROOMY_WIDTH = 1600;
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** How many past sweeps the menu lists. */
    static final int PAST_SHOWN = 15;

    private final ExperimentsViewModel vm;
    private final SweepSetupController setup;
    private final ResultsTable table;
    private final ResultsGrid grid;
    private final TraceView trace;
    private final FrameDriver frames;
    private final ChartsPane charts;
    private final StatusBar status = new StatusBar();
    private final Button start = Icons.button(Messages.get("sweep.start"), Feather.PLAY, Messages.get("sweep.start.help"),
            Styles.ACCENT);
    private final Button pauseResume = Icons.button(Messages.get("sweep.pause"), Feather.PAUSE, Messages.get("sweep.pause.help"), Styles.SMALL);
    private final Button stop = Icons.button(Messages.get("sweep.stop"), Feather.SQUARE, Messages.get("sweep.stop.help"), Styles.SMALL);
    private final Button retry = Icons.button(Messages.get("sweep.retry"), Feather.ROTATE_CW, Messages.get("sweep.retry.help"), Styles.SMALL);
    private final Button setupToggle = new Button(null, Icons.icon(Feather.SIDEBAR));
    private final BooleanProperty setupShown = new SimpleBooleanProperty(true);
    private Function<Window, Path> problemChooser = ExperimentsView::chooseProblemFile;
    private Function<Window, Path> folderChooser = this::chooseFolder;
    /** Stop (or Pause) had the focus when it went off: Start takes it once the sweep has ended. */
    private boolean focusStartWhenEnded;
    /** The folder the last export went to: the next export's chooser opens there (it opened on "Recent"). */
    private Path lastExportFolder;

    public ExperimentsView(ExperimentsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("experiments-view");
        setId("experimentsView");
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(getClass().getResource(FORM), FORM));
        loader.setResources(Messages.bundle());
        VBox form;
        try {
            form = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FORM, e);
        }
        setup = loader.getController();
        setup.bind(vm.setup(), w -> problemChooser.apply(w));
        trace = new TraceView(vm::detail, vm::setGrade, vm::fetchTrace);
        table = new ResultsTable(vm.results(), this::openTrace, vm::setGrade);
        grid = new ResultsGrid(new ProblemTable(vm.results()), table);
        charts = new ChartsPane(vm.results(), trace);
        vm.phaseProperty().subscribe(p -> charts.measures().setPartial(p == Phase.RUNNING || p == Phase.PAUSED));
        setTop(resumeBanner());
        setLeft(setupColumn(formColumn(form)));
        setCenter(results());
        setBottom(statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e) && vm.canStartProperty().get()) {
                vm.start();
                e.consume();
            }
        });
        frames = FrameDriver.whileInScene(this, now -> {
            boolean more = vm.frame(System.nanoTime());
            trace.tick();
            return more || trace.following();
        });
        vm.setWake(frames::wake);
        vm.setOnRunChanged(changed -> {
            // a new table: the run shown is read again from it (its problem may be another one under the same id),
            // and put away when the table has it no more
            if (trace.refreshIfShowing(changed, key -> vm.results().has(key) ? promptOf(key) : null)) {
                if (trace.shownKey() == null) {
                    charts.hideTrace();
                }
                frames.wake();
            }
        });
    }

    private Region formColumn(VBox form) {
        start.setId("startSweep");
        start.setMaxWidth(Double.MAX_VALUE);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("sweep-setup-scroll");
        // the footer's note comes and goes (a strategy ticked): what the form shows stays where it is
        StableScroll.keepOffset(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // what Start will run (or why it cannot) stays in sight beside it, however far the form is scrolled
        List<Label> lines = setup.startLines();
        form.getChildren().removeAll(lines);
        VBox footer = new VBox(4);
        footer.getChildren().addAll(lines);
        footer.getChildren().addAll(costLine(), costQuestion(), start);
        footer.setPadding(new Insets(6, 12, 12, 12));
        footer.getStyleClass().add("sweep-setup-footer");
        VBox column = new VBox(scroll, footer);
        column.getStyleClass().add("sweep-setup-column"); // its width in em (thinkbench.css): it follows the zoom
        return column;
    }

    /** The runs and rough cost of a sweep on an engine whose runs cost money, beside Start; none for a local one. */
    private Label costLine() {
        Label line = new Label();
        line.setId("sweepCostEstimate");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.getStyleClass().add(Styles.TEXT_SMALL);
        line.setGraphic(Icons.icon(Feather.DOLLAR_SIGN));
        line.textProperty().bind(vm.costEstimateProperty());
        line.visibleProperty().bind(vm.costEstimateProperty().isNotEmpty().and(vm.costQuestionProperty().isEmpty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /**
     * Start pressed for a costly sweep: the estimate and the question in place of Start, which comes back once
     * answered (the question takes the keyboard: Enter starts, Esc does not).
     */
    private Region costQuestion() {
        Label title = new Label(Messages.get("sweep.cost.confirm.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setId("sweepCostQuestion");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(vm.costQuestionProperty());
        Button go = Icons.button(Messages.get("sweep.cost.confirm.start"), Feather.PLAY, null, Styles.ACCENT);
        go.setId("confirmSweepCost");
        go.setDefaultButton(true);
        go.setOnAction(e -> vm.confirmStart());
        Button cancel = Icons.button(Messages.get("sweep.cost.confirm.cancel"), null, null, Styles.FLAT);
        cancel.setId("cancelSweepCost");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            vm.cancelStart();
            start.requestFocus();
        });
        HBox buttons = new HBox(8, go, cancel);
        VBox box = new VBox(6, title, text, buttons);
        box.setId("sweepCostCheck");
        box.getStyleClass().add("resume-banner");
        box.setPadding(new Insets(8));
        box.visibleProperty().bind(vm.costQuestionProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        start.visibleProperty().bind(box.visibleProperty().not());
        start.managedProperty().bind(start.visibleProperty());
        box.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                go.requestFocus();
            }
        });
        return box;
    }

    /**
     * The form column can be hidden (the toggle left of the results title) so the table has the width; a sweep
     * that starts in a window narrower than {@link #ROOMY_WIDTH} hides it, as its cells are what to watch then.
     */
    private Region setupColumn(Region column) {
        setupToggle.setId("setupToggle");
        setupToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        setupToggle.setTooltip(Icons.tip(Messages.get("sweep.setup.toggle")));
        setupToggle.setAccessibleText(Messages.get("sweep.setup.toggle")); // an icon alone says nothing
        setupToggle.setOnAction(e -> setupShown.set(!setupShown.get()));
        column.visibleProperty().bind(setupShown);
        column.managedProperty().bind(column.visibleProperty());
        setupShown.addListener((obs, was, shown) -> {
            Node focused = getScene() == null ? null : getScene().getFocusOwner();
            if (!shown && (focused == null || SceneGraph.isInside(focused, column))) {
                setupToggle.requestFocus(); // the focus would go nowhere, and the tab's keys with it
            }
        });
        vm.phaseProperty().addListener((obs, old, now) -> {
            if (now == Phase.STARTING && getWidth() > 0 && getWidth() < ROOMY_WIDTH) {
                setupShown.set(false);
            } else if (now == Phase.IDLE) {
                setupShown.set(true); // the sweep shown was put away: the form is all there is, as in a new window
            }
        });
        return column;
    }

    private Region resumeBanner() {
        Label text = new Label();
        text.setWrapText(true);
        // its wrapped height even where the results below want all the room (one line would end in "...")
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("resumeText");
        text.textProperty().bind(vm.offerProperty().map(o -> Messages.get("sweep.resumeOffer", o.describe())).orElse(""));
        Button resume = Icons.button(Messages.get("sweep.resume"), Feather.PLAY, Messages.get("sweep.resume.help"), Styles.SMALL,
                Styles.ACCENT);
        resume.setId("resumeSweep");
        resume.setOnAction(e -> {
            vm.acceptResume();
            // the banner goes with the button: the keyboard stays in the tab (it went to the engine bar's first field)
            requestFocus();
        });
        Button aside = Icons.button(Messages.get("sweep.setAside"), Feather.X, Messages.get("sweep.setAside.help"),
                Styles.SMALL, Styles.FLAT);
        aside.setId("setAsideSweep");
        aside.setOnAction(e -> {
            vm.declineResume();
            requestFocus();
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        // the text wraps; the buttons keep their words
        resume.setMinWidth(Region.USE_PREF_SIZE);
        aside.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(10, Icons.icon(Feather.ROTATE_CCW), text, resume, aside);
        banner.getStyleClass().add("resume-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 14, 8, 14));
        banner.visibleProperty().bind(vm.offerProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Region results() {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TITLE_4, "sweep-title");
        title.textProperty().bind(vm.titleProperty().map(t -> t.isEmpty() ? Messages.get("sweep.results") : t));
        title.setId("sweepTitle");
        title.setLabelFor(table); // the table's name for a screen reader
        // wrapped whole beside the menus: "… · 5 budgets · micro-rea…" was cut even at 1920 px
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label message = new Label();
        message.setId("sweepMessage");
        message.getStyleClass().addAll(Styles.TEXT_SMALL, "sweep-message");
        message.setWrapText(true);
        // the line keeps its place while empty, so the table does not move under the pointer when a sweep ends
        message.textProperty().bind(vm.messageProperty().map(m -> m.isEmpty() ? "\u00a0" : m));
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, setupToggle, title, pastMenu(), exportMenu());
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox left = new VBox(6, head, message, grid);
        left.setPadding(new Insets(10, 6, 6, 10));
        SplitPane split = new SplitPane(left, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        return split;
    }

    /** The sweeps kept on this machine, newest first, listed when the menu opens; one opens its results. */
    private MenuButton pastMenu() {
        MenuButton menu = new MenuButton(Messages.get("sweep.past"), Icons.icon(Feather.CLOCK));
        menu.setId("pastSweeps");
        menu.setTooltip(Icons.tip(Messages.get("sweep.past.help")));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.getStyleClass().add(Styles.SMALL);
        menu.disableProperty().bind(vm.phaseProperty().map(Phase::busy));
        menu.setOnShowing(e -> {
            MenuItem loading = new MenuItem(Messages.get("sweep.past.loading"));
            loading.setDisable(true);
            menu.getItems().setAll(loading);
            vm.listSaved(list -> menu.getItems().setAll(pastItems(list)));
        });
        return menu;
    }

    /** At most {@link #PAST_SHOWN} sweeps: title, when it started, how it stands. */
    private List<MenuItem> pastItems(List<SweepStore.Saved> sweeps) {
        if (sweeps.isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("sweep.past.none"));
            none.setDisable(true);
            return List.of(none);
        }
        List<MenuItem> items = new ArrayList<>();
        for (SweepStore.Saved s : sweeps.subList(0, Math.min(PAST_SHOWN, sweeps.size()))) {
            // named in the language shown (the setup's own title is data, kept in English)
            // the strategies in the window's words, and what tells two sweeps of one set apart: samples, temperature
            MenuItem item = new MenuItem(Messages.get("sweep.past.item",
                    SweepSetupViewModel.name(s.setup(), s.problemCount()),
                    String.join(", ", s.setup().strategies().stream().map(StrategyNames::shown).toList()),
                    s.setup().model(), dev.thinkbench.ui.common.Formats.when(s.created()),
                    Messages.get("sweep.past.status." + s.status().name()), s.setup().samples(),
                    s.setup().temperature() == null ? Messages.get("sweep.past.engineTemperature")
                            : SweepSetupViewModel.stripZeros(s.setup().temperature())));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openSaved(s));
            items.add(item);
        }
        return items;
    }

    private MenuButton exportMenu() {
        MenuItem chart = new MenuItem(Messages.get("sweep.export.chart"));
        chart.setOnAction(e -> choose(folder -> exportCharts(folder, false)));
        MenuItem all = new MenuItem(Messages.get("sweep.export.charts"));
        all.setOnAction(e -> choose(folder -> exportCharts(folder, true)));
        MenuItem csv = new MenuItem(Messages.get("sweep.export.csv"));
        csv.setOnAction(e -> choose(vm::exportCsv));
        MenuButton menu = new MenuButton(Messages.get("sweep.export"), Icons.icon(Feather.DOWNLOAD), chart, all, csv);
        // with a run's trace in view there is no chart in view (it exported the Tokens chart instead)
        menu.setOnShowing(e -> chart.setDisable(charts.selected() == null));
        menu.setId("exportMenu");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.getStyleClass().add(Styles.SMALL);
        return menu;
    }

    private void choose(java.util.function.Consumer<Path> then) {
        Path folder = folderChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (folder != null) {
            lastExportFolder = folder;
            then.accept(folder);
        }
    }


    /**
     * The charts worth an image: not the summary table (text), nor a chart with nothing to draw (every run free: a
     * cost chart of one vertical line).
     */
    private java.util.stream.Stream<FigureView> chartViews() {
        return charts.views().stream().filter(v -> !(v instanceof SummaryTable) && v.worthExporting());
    }

    /**
     * Writes the chart in view (or every chart) as PNG files sized for slides into {@code folder}, in the
     * background once drawn.
     */
    public void exportCharts(Path folder, boolean every) {
        List<FigureView> views = new ArrayList<>();
        if (every) {
            chartViews().forEach(v -> views.addAll(v.exportViews(charts.latest())));
        } else if (charts.selected() != null) {
            views.add(charts.selected().fresh());
        } else {
            return; // a trace in view: no chart (the menu item is off then)
        }
        List<String> sheets = getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets());
        List<BufferedImage> images = views.stream().map(v -> ChartExport.render(v, charts.latest(),
                vm.titleProperty().get(), sheets)).toList();
        List<Path> files = views.stream().map(v -> folder.resolve(v.fileName())).toList();
        vm.writePngs(files, images);
    }

    /**
     * The charts of the sweep shown, each drawn once at slide size in the light look, for a report (not the summary
     * table, which the report writes as text), by a caption in the report's English made from its file name
     * ("Accuracy vs tokens"); empty while no run has a result. UI thread.
     */
    public java.util.Map<String, BufferedImage> reportCharts() {
        java.util.Map<String, BufferedImage> images = new java.util.LinkedHashMap<>();
        if (vm.results().records().isEmpty()) {
            return images;
        }
        List<String> sheets = getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets());
        chartViews().forEach(v -> {
            String name = v.fileName().replaceFirst("\\.png$", "").replace('-', ' ');
            images.put(Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    ChartExport.render(v.fresh(), charts.latest(), vm.titleProperty().get(), sheets));
        });
        return images;
    }

    private Region statusBar() {
        status.setId("sweepStatus");
        // a line to read, not a control to stop at: Tab went to it and showed nothing
        status.setFocusTraversable(false);
        status.accessibleTextProperty().bind(vm.progressTextProperty());
        status.textProperty().bind(vm.progressTextProperty());
        status.progressProperty().bind(vm.progressProperty());
        Label eta = new Label();
        eta.setId("sweepEta");
        eta.textProperty().bind(vm.etaTextProperty());
        eta.setMinWidth(Region.USE_PREF_SIZE);
        eta.setPadding(new Insets(0, 8, 0, 8));
        pauseResume.setId("pauseResume");
        stop.setId("stopSweep");
        retry.setId("retryFailed");
        vm.phaseProperty().addListener((obs, old, now) -> onPhase(now));
        onPhase(vm.phaseProperty().get());
        pauseResume.setOnAction(e -> {
            if (vm.phaseProperty().get() == Phase.PAUSED) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        stop.setOnAction(e -> vm.stop());
        retry.setOnAction(e -> vm.retryFailed());
        retry.visibleProperty().bind(vm.canRetryFailedProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        status.getRightItems().addAll(eta, retry, pauseResume, stop);
        return status;
    }

    private void onPhase(Phase phase) {
        boolean paused = phase == Phase.PAUSED;
        boolean controls = phase == Phase.RUNNING || phase == Phase.PAUSED;
        pauseResume.setText(paused ? Messages.get("sweep.resume") : Messages.get("sweep.pause"));
        pauseResume.setGraphic(Icons.icon(paused ? Feather.PLAY : Feather.PAUSE));
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        if (!controls && (focused == stop || focused == pauseResume)) {
            // a disabled focus owner hands the focus to the window's first control (the Engine box at the top):
            // it stays in the tab, and goes to Start once the sweep has ended
            setupToggle.requestFocus();
            focusStartWhenEnded = true;
        }
        pauseResume.setDisable(!controls);
        stop.setDisable(!controls);
        if (phase == Phase.ENDED && focusStartWhenEnded) {
            focusStartWhenEnded = false;
            // after this change has reached Start's binding (canStart follows the phase too)
            javafx.application.Platform.runLater(() -> {
                if (getScene() != null && getScene().getFocusOwner() == setupToggle) {
                    requestFocus();
                }
            });
        } else if (controls) {
            focusStartWhenEnded = false;
        }
    }

    private void openTrace(RunKey key) {
        trace.show(key, promptOf(key));
        frames.wake();
        charts.showTrace();
    }

    /** The prompt of {@code key}'s problem in the table laid out now. */
    private String promptOf(RunKey key) {
        return vm.results().rows().stream().filter(r -> r.problemId().equals(key.problemId()))
                .map(ResultRow::prompt).findFirst().orElse("");
    }

    private static Path chooseProblemFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("sweep.import.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("sweep.import.filter"), "*.jsonl", "*.csv", "*.json"),
                new FileChooser.ExtensionFilter(Messages.get("sweep.import.all"), "*.*"));
        File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    private Path chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("sweep.export.title"));
        if (lastExportFolder != null && java.nio.file.Files.isDirectory(lastExportFolder)) {
            chooser.setInitialDirectory(lastExportFolder.toFile());
        }
        File f = chooser.showDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Replaces the file choosers (tests; a headless run has no native dialogs). */
    public void setChoosers(Function<Window, Path> problemFile, Function<Window, Path> folder) {
        problemChooser = problemFile;
        folderChooser = folder;
    }

    public ExperimentsViewModel viewModel() {
        return vm;
    }

    /** Runs the sweep set up in the form (as Start and Ctrl+Enter do). */
    public void startSweep() {
        vm.start();
    }

    ResultsTable table() {
        return table;
    }

    ProblemTable problemTable() {
        return grid.problems();
    }

    TraceView traceView() {
        return trace;
    }

    ChartsPane charts() {
        return charts;
    }

    SweepSetupController setupController() {
        return setup;
    }

    /** Whether the setup form is shown beside the results. */
    public boolean setupShown() {
        return setupShown.get();
    }

    /**
     * Where the keyboard goes when the tab is selected: Start while the form is shown, else the toggle that shows it
     * (so that the tab's keys, Ctrl+Enter among them, still reach this view).
     */
    @Override
    public void requestFocus() {
        if (setupShown.get() && start.isDisabled()) {
            // a disabled Start takes no focus, and the keys went to the engine bar: the form's first field
            setup.problemSetPicker().requestFocus();
        } else if (setupShown.get()) {
            start.requestFocus();
        } else {
            setupToggle.requestFocus();
        }
    }
}
