package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.LocalModel;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The built-in engine's model manager, as a self-contained node: the download catalog (progress, pause, resume,
 * delete), the models on this machine (downloads, Ollama's, LM Studio's, opened files, each usable or with the reason
 * it is not), "Open GGUF file...", the threads and context settings, and the memory warning for the chosen model.
 * Drains its view model once per frame while in a scene. Build and use it on the FX thread.
 */
public final class ModelManagerView extends VBox {

    private final ModelManagerViewModel vm;
    private final AnimationTimer frames;

    public ModelManagerView(ModelManagerViewModel viewModel) {
        this.vm = viewModel;
        setId("modelManagerView");
        setSpacing(10);
        setPadding(new Insets(12));
        Label heading = new Label("Models for the built-in engine");
        heading.getStyleClass().add("title");
        Label folder = new Label("Downloads go to " + vm.modelsFolder());
        ListView<CatalogEntry> catalog = new ListView<>(vm.catalog());
        catalog.setId("catalogList");
        catalog.setCellFactory(list -> new CatalogCell(vm));
        catalog.setPrefHeight(260);
        ListView<LocalModel> local = localList();
        VBox.setVgrow(local, Priority.ALWAYS);
        Label warning = new Label();
        warning.setId("memoryWarning");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warningProperty());
        warning.getStyleClass().add("warning");
        Label error = new Label();
        error.setId("errorLabel");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("error");
        getChildren().addAll(heading, folder, new Label("Download"), catalog, new Label("On this machine"), local,
                actions(local), settings(), warning, error);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.drain();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                frames.start();
            } else {
                frames.stop();
            }
        });
        vm.refresh();
    }

    public ModelManagerViewModel viewModel() {
        return vm;
    }

    private ListView<LocalModel> localList() {
        ListView<LocalModel> local = new ListView<>(vm.models());
        local.setId("localList");
        local.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LocalModel m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().remove("unusable");
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                if (m.usable()) {
                    setText(m.displayName() + "\n" + m.info().summary());
                } else {
                    setText(m.displayName() + "\ncannot run here: " + m.problem());
                    getStyleClass().add("unusable");
                }
            }
        });
        local.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && local.getSelectionModel().getSelectedItem() != null) {
                vm.choose(local.getSelectionModel().getSelectedItem());
            }
        });
        return local;
    }

    private HBox actions(ListView<LocalModel> local) {
        Button use = new Button("Use with the built-in engine");
        use.setId("useButton");
        use.disableProperty().bind(local.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(e -> vm.choose(local.getSelectionModel().getSelectedItem()));
        Button open = new Button("Open GGUF file\u2026");
        open.setId("openButton");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a GGUF model");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GGUF models", "*.gguf"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.open(file.toPath());
            }
        });
        Button rescan = new Button("Rescan");
        rescan.setId("rescanButton");
        rescan.setOnAction(e -> vm.refresh());
        Label chosen = new Label();
        chosen.setId("chosenLabel");
        chosen.textProperty().bind(vm.selectedProperty().map(m -> "Using " + m.displayName()).orElse("No model chosen"));
        HBox box = new HBox(8, use, open, rescan, chosen);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox settings() {
        Spinner<Integer> threads = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                LocalEngineSettings.MAX_THREADS, vm.threadsProperty().get()));
        threads.setId("threadsSpinner");
        threads.setEditable(true);
        threads.valueProperty().addListener((obs, old, value) -> vm.threadsProperty().set(value));
        Spinner<Integer> context = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                LocalEngineSettings.MIN_CONTEXT, LocalEngineSettings.MAX_CONTEXT, vm.contextSizeProperty().get(), 1024));
        context.setId("contextSpinner");
        context.setEditable(true);
        context.valueProperty().addListener((obs, old, value) -> vm.contextSizeProperty().set(value));
        HBox box = new HBox(8, new Label("Threads"), threads, new Label("Context (tokens)"), context);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
