package dev.thinkbench.ui.models;

import atlantafx.base.theme.Styles;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.ui.common.FrameDriver;
import dev.thinkbench.ui.common.EditableSpinners;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import dev.thinkbench.ui.common.Messages;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.nio.file.Path;

/**
 * The built-in engine's model manager, as a self-contained node: the models on this machine (bundled, downloads,
 * Ollama's, LM Studio's, opened files, each usable or with the reason it is not, the one in use marked) with "Use with
 * the built-in engine", "Open GGUF file..." and "Rescan"; the download catalog (progress, pause, resume, delete, then
 * Use); the threads and context settings; the memory warning for the chosen model; and a failed load's message with
 * the engine's log under a collapsed "Details" pane. Drains its view model once per frame while in a scene. Build and use it on the FX thread.
 */
public final class ModelManagerView extends VBox {

    private final ModelManagerViewModel vm;

    public ModelManagerView(ModelManagerViewModel viewModel) {
        this.vm = viewModel;
        setId("modelManagerView");
        setAccessibleText(Messages.get("tab.models")); // it takes the focus when its tab is chosen
        getStyleClass().add("model-manager");
        setSpacing(10);
        setPadding(new Insets(14, 16, 12, 16));
        Label heading = new Label(Messages.get("models.heading"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label folder = new Label(Messages.get("models.folder", vm.modelsFolder()));
        folder.getStyleClass().add(Styles.TEXT_MUTED);
        folder.setWrapText(true);
        ListView<LocalModel> local = localList();
        VBox.setVgrow(local, Priority.ALWAYS);
        Label localTitle = title(Messages.get("models.local"), Feather.HARD_DRIVE);
        localTitle.setLabelFor(local);
        VBox onMachine = new VBox(6, localTitle, local, actions(local));
        wholeRows(local, onMachine);
        ListView<CatalogEntry> catalog = new ListView<>(vm.catalog());
        catalog.setId("catalogList");
        catalog.getStyleClass().add("catalog-list");
        catalog.setCellFactory(list -> new CatalogCell(vm));
        VBox.setVgrow(catalog, Priority.ALWAYS);
        Label downloadTitle = title(Messages.get("models.download"), Feather.DOWNLOAD_CLOUD);
        downloadTitle.setLabelFor(catalog);
        VBox download = new VBox(6, downloadTitle, catalog);
        download.setPadding(new Insets(8, 0, 0, 0));
        onMachine.setPadding(new Insets(0, 0, 6, 0));
        SplitPane lists = new SplitPane(onMachine, download);
        lists.setOrientation(Orientation.VERTICAL);
        // room for two whole models at 1280x720 (the list then snaps to whole rows)
        lists.setDividerPositions(0.40);
        lists.getStyleClass().add("model-lists");
        VBox.setVgrow(lists, Priority.ALWAYS);
        Label warning = new Label();
        warning.setId("memoryWarning");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warningProperty());
        warning.getStyleClass().add("warning");
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        Label error = new Label();
        error.setId("errorLabel");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("error");
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label status = new Label();
        status.setId("loadStatusLabel");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.loadStatusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        getChildren().addAll(new VBox(2, heading, folder), lists, warning, status, error, details(), settings());
        vm.setWake(FrameDriver.whileInScene(this, now -> vm.frame())::wake);
        vm.refresh();
    }

    public ModelManagerViewModel viewModel() {
        return vm;
    }

    /** The engine's own log about a failure, collapsed under the error until the user opens it. */
    private TitledPane details() {
        TextArea text = new TextArea();
        text.setId("detailsText");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(10);
        text.getStyleClass().add("engine-log");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bind(vm.detailsProperty());
        TitledPane pane = new TitledPane(Messages.get("models.details"), text);
        pane.setId("detailsPane");
        pane.setExpanded(false);
        pane.visibleProperty().bind(vm.detailsProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        // a new failure starts collapsed again, so the one-sentence message stays what the user reads first
        vm.detailsProperty().addListener((obs, old, now) -> pane.setExpanded(false));
        return pane;
    }

    private static Label title(String text, Ikon icon) {
        Label l = new Label(text, Icons.icon(icon));
        l.getStyleClass().add("section-title");
        return l;
    }

    private ListView<LocalModel> localList() {
        ListView<LocalModel> local = new ListView<>(vm.models());
        local.setId("localList");
        local.getStyleClass().add("local-models");
        local.setPlaceholder(new Label(Messages.get("models.none")));
        local.setCellFactory(list -> new LocalModelCell(vm.inUseProperty()));
        vm.inUseProperty().addListener((obs, old, now) -> {
            local.refresh();
            show(local, now);
        });
        // the model just opened or chosen is selected and scrolled into sight (the sixth was below the fold)
        vm.selectedProperty().addListener((obs, old, now) -> show(local, now == null ? null : now.path()));
        // the list snaps to whole rows after a change: the selected row is kept in sight through it
        local.heightProperty().addListener((obs, old, now) -> {
            int at = local.getSelectionModel().getSelectedIndex();
            if (at >= 0) {
                javafx.application.Platform.runLater(() -> scrollIntoSight(local, at));
            }
        });
        // listed after it was chosen (a rescan, the first listing): shown once it is there; a list merely read again
        // leaves the user's own selection alone
        vm.models().addListener((javafx.collections.ListChangeListener<LocalModel>) change -> {
            Path wanted = vm.selectedProperty().get() != null ? vm.selectedProperty().get().path()
                    : vm.inUseProperty().get();
            boolean shownBefore = local.getSelectionModel().getSelectedItem() != null;
            if (wanted != null && !shownBefore) {
                show(local, wanted);
            }
        });
        local.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && local.getSelectionModel().getSelectedItem() != null) {
                vm.choose(local.getSelectionModel().getSelectedItem());
            }
        });
        return local;
    }

    /** Selects the model of {@code file} in {@code list} and scrolls it into sight; nothing when it is not listed. */
    private static void show(ListView<LocalModel> list, Path file) {
        if (file == null) {
            return;
        }
        Path wanted = file.toAbsolutePath().normalize();
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).path().toAbsolutePath().normalize().equals(wanted)) {
                int at = i;
                list.getSelectionModel().select(at);
                // after the change that listed it is laid out (scrolling inside a list change is undone by it), the
                // least scroll that shows the whole row (the list's own scrollTo put the last row half under the edge)
                javafx.application.Platform.runLater(() -> scrollIntoSight(list, at));
                return;
            }
        }
    }

    /**
     * Scrolls {@code list} the least that shows row {@code index} (the flow's own scroll to a row; the list's
     * scrollTo puts the row at the top, which at the end of the list is not where it shows).
     */
    private static void scrollIntoSight(ListView<?> list, int index) {
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            list.layout(); // the flow learns of rows just added at its layout
            flow.scrollTo(index);
        } else {
            list.scrollTo(index);
        }
    }

    /**
     * Gives {@code list} the height of whole rows in the room {@code box} leaves it (at 1280x720 the second model
     * showed cut in half): the rows are measured as laid out, and measured again when the room or the models change.
     */
    private static <T> void wholeRows(ListView<T> list, VBox box) {
        int[] tries = {0};
        Runnable[] snap = new Runnable[1];
        snap[0] = () -> {
            double cell = list.lookupAll(".list-cell").stream().filter(n -> n instanceof LocalModelCell c
                            && !c.isEmpty()).mapToDouble(n -> ((Region) n).getHeight()).max().orElse(0);
            if (cell <= 1) {
                // the rows are not laid out yet: measure once they are (a few pulses at most)
                if (!list.getItems().isEmpty() && tries[0]++ < 20) {
                    javafx.application.Platform.runLater(snap[0]);
                }
                return;
            }
            tries[0] = 0;
            double others = box.getChildren().stream().filter(n -> n != list)
                    .mapToDouble(n -> n.getLayoutBounds().getHeight()).sum();
            double room = box.getHeight() - box.snappedTopInset() - box.snappedBottomInset() - others
                    - box.getSpacing() * (box.getChildren().size() - 1);
            double insets = list.snappedTopInset() + list.snappedBottomInset();
            int rows = (int) Math.max(1, Math.floor((room - insets) / cell + 0.01));
            double height = Math.ceil(rows * cell + insets);
            if (Math.abs(list.getMaxHeight() - height) > 0.5) {
                list.setMaxHeight(height);
                list.setPrefHeight(height);
            }
        };
        Runnable later = () -> javafx.application.Platform.runLater(snap[0]);
        box.heightProperty().addListener((obs, old, now) -> later.run());
        box.widthProperty().addListener((obs, old, now) -> later.run());
        list.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> later.run());
        list.skinProperty().addListener((obs, old, now) -> later.run());
        // a row's height settles after its first layout (its words wrap, a missing file's reason shows): measured
        // again then, or the list kept the height its rows had when first measured
        javafx.util.Callback<ListView<T>, javafx.scene.control.ListCell<T>> cells = list.getCellFactory();
        list.setCellFactory(l -> {
            javafx.scene.control.ListCell<T> cell = cells.call(l);
            cell.heightProperty().addListener((obs, old, now) -> later.run());
            return cell;
        });
    }

    private HBox actions(ListView<LocalModel> local) {
        Button use = Icons.button(Messages.get("models.use"), Feather.CHECK,
                Messages.get("models.use.help"), Styles.ACCENT);
        use.setId("useButton");
        // a model the engine cannot run (its reason is on its line) offers nothing to use
        use.disableProperty().bind(local.getSelectionModel().selectedItemProperty().map(m -> !m.usable())
                .orElse(true));
        use.setOnAction(e -> vm.choose(local.getSelectionModel().getSelectedItem()));
        Button open = Icons.button(Messages.get("models.open"), Feather.FOLDER, Messages.get("models.open.help"));
        open.setId("openButton");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("models.open.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("models.open.filter"), "*.gguf"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.open(file.toPath());
            }
        });
        Button forget = Icons.button(Messages.get("models.forget"), Feather.X, Messages.get("models.forget.help"));
        forget.setId("forgetButton");
        // an opened file only: the others are the folders' and other tools' to keep
        forget.disableProperty().bind(local.getSelectionModel().selectedItemProperty()
                .map(m -> !ModelManagerViewModel.forgettable(m)).orElse(true));
        forget.setOnAction(e -> vm.forget(local.getSelectionModel().getSelectedItem()));
        Button rescan = Icons.button(Messages.get("models.rescan"), Feather.REFRESH_CW, Messages.get("models.rescan.help"));
        rescan.setId("rescanButton");
        rescan.setOnAction(e -> vm.rescan());
        Label chosen = new Label();
        chosen.setId("chosenLabel");
        chosen.getStyleClass().add(Styles.TEXT_MUTED);
        chosen.setWrapText(true);
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(vm::inUseLine,
                vm.inUseProperty(), vm.models()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(8, use, open, forget, rescan, grow, chosen);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * Hands {@code spinner}'s values to {@code target}, those in its range only: a typed 999 is the spinner's value
     * for a moment before the spinner brings it into range, and it showed as a refusal ("Threads must be 1 to 256")
     * beside the note that said what was used.
     */
    private static void passInRange(Spinner<Integer> spinner, javafx.beans.property.IntegerProperty target) {
        SpinnerValueFactory.IntegerSpinnerValueFactory range =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        spinner.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value >= range.getMin() && value <= range.getMax()) {
                target.set(value);
            }
        });
    }

    private HBox settings() {
        // at most one thread per core: a number above it is brought down and the spinner's note says so
        Spinner<Integer> threads = EditableSpinners.typable(new Spinner<>(
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, vm.maxThreads(), vm.threadsProperty().get())));
        threads.setId("threadsSpinner");
        threads.setPrefWidth(100);
        threads.setTooltip(Icons.tip(Messages.get("models.threads.help", vm.cores())));
        passInRange(threads, vm.threadsProperty());
        Label cores = new Label(Messages.get("models.threads.cores", vm.cores()));
        cores.setId("coresLabel");
        cores.getStyleClass().add(Styles.TEXT_MUTED);
        Spinner<Integer> context = EditableSpinners.typable(new Spinner<>(
                new SpinnerValueFactory.IntegerSpinnerValueFactory(LocalEngineSettings.MIN_CONTEXT,
                        LocalEngineSettings.MAX_CONTEXT, vm.contextSizeProperty().get(), 1024)));
        context.setId("contextSpinner");
        context.setPrefWidth(120);
        passInRange(context, vm.contextSizeProperty());
        Label note = new Label(Messages.get("models.appliesNextRun"));
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label threadsLabel = new Label(Messages.get("models.threads"));
        threadsLabel.setLabelFor(threads);
        Label contextLabel = new Label(Messages.get("models.context"));
        contextLabel.setLabelFor(context);
        HBox box = new HBox(8, title(Messages.get("models.engine"), Feather.SLIDERS), threadsLabel, threads, cores,
                contextLabel, context, note);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
