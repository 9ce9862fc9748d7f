package dev.thinkbench.ui.models;

import dev.thinkbench.ui.FxBackgroundTasks;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.local.LocalEngineException;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.engine.local.models.LoopbackFileServer;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.testing.TinyGguf;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The model manager against a loopback download server and a temporary home, headless. */
@ExtendWith(ApplicationExtension.class)
class ModelManagerViewTest {

    private Path home;
    private LoopbackFileServer server;
    private ModelManagerView view;
    private final List<LocalModel> chosen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("thinkbench-models-ui");
        Path source = TinyGguf.write(home.resolve("source.gguf"));
        server = new LoopbackFileServer(Files.readAllBytes(source));
        Path ollama = home.resolve(".ollama/models/blobs/sha256-" + "c".repeat(64));
        Files.createDirectories(ollama.getParent());
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 3).put("general.architecture", "qwen9")
                .write(ollama);
        Path manifest = home.resolve(".ollama/models/manifests/registry.ollama.ai/library/qwen3/0.6b");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\","
                + "\"digest\":\"sha256:" + "c".repeat(64) + "\"}]}");
        CatalogModel tiny = new CatalogModel("tiny-test", "Tiny test model", "llama", "120K", "F32", 488_992, "MIT",
                server.url(), null, "chatml-think", true, "A model written by the test.");
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(tiny), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 2,
                Duration.ofMillis(10), Duration.ofSeconds(20)), new FxBackgroundTasks(),
                () -> 50L << 20, new LocalEngineSettings(2, 4096));
        vm.setOnChosen(chosen::add);
        view = new ModelManagerView(vm);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        view.viewModel().close();
        server.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void downloadInstallsTheModelAndChoosingItWarnsAboutMemory(FxRobot robot) throws Exception {
        ModelManagerViewModel vm = view.viewModel();
        waitUntil(() -> vm.models().size() == 1);
        assertThat(vm.models().getFirst().usable()).as("the Ollama model of an architecture llama.cpp does not know").isFalse();

        robot.clickOn(".download-button");
        waitUntil(() -> vm.catalog().getFirst().stateProperty().get() == CatalogEntry.State.INSTALLED);

        ListView<LocalModel> local = robot.lookup("#localList").queryListView();
        assertThat(local.getItems()).extracting(LocalModel::displayName)
                .contains("model.gguf", "qwen3:0.6b (Ollama)");
        assertThat(Files.exists(home.resolve("models/model.gguf"))).isTrue();

        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith("model.gguf")).queryAs(ListCell.class));
        robot.clickOn("#useButton");
        waitUntil(() -> !vm.warningProperty().get().isEmpty());

        Label warning = robot.lookup("#memoryWarning").query();
        assertThat(warning.getText()).contains("needs about", "4096-token context", "52 MB is available");
        assertThat(robot.lookup("#chosenLabel").queryAs(Label.class).getText()).isEqualTo("In use: model.gguf");
    }

    @Test
    void openingAFileTheEngineCannotRunSaysWhy(FxRobot robot) throws Exception {
        Path notes = Files.writeString(home.resolve("notes.gguf"), "these are notes, not a model");

        int listed = view.viewModel().models().size();
        robot.interact(() -> view.viewModel().open(notes));
        waitUntil(() -> !view.viewModel().errorProperty().get().isEmpty());

        Label error = robot.lookup("#errorLabel").query();
        assertThat(error.getText()).startsWith("Cannot use notes.gguf: this is not a GGUF model file (it starts "
                + "with 0x");
        assertThat(view.viewModel().selectedProperty().get()).isNull();
        assertThat(view.viewModel().models()).as("not listed: nothing could be done with it").hasSize(listed);

        Path empty = Files.createFile(home.resolve("empty.gguf"));
        robot.interact(() -> view.viewModel().open(empty));
        waitUntil(() -> view.viewModel().errorProperty().get().contains("empty.gguf"));
        assertThat(error.getText()).isEqualTo("Cannot use empty.gguf: the file is empty");
    }

    @Test
    void aFinishedDownloadIsPutToUseWithOneClick(FxRobot robot) throws Exception {
        ModelManagerViewModel vm = view.viewModel();
        waitUntil(() -> vm.models().size() == 1);
        robot.clickOn(".download-button");
        waitUntil(() -> vm.catalog().getFirst().stateProperty().get() == CatalogEntry.State.INSTALLED);
        assertThat(chosen).as("downloading alone chooses nothing").isEmpty();

        javafx.scene.control.Button use = robot.lookup(".download-button").queryButton();
        assertThat(use.getText()).isEqualTo("Use");
        robot.clickOn(use);
        waitUntil(() -> !chosen.isEmpty());

        assertThat(chosen).extracting(LocalModel::path).containsExactly(home.resolve("models/model.gguf"));
        assertThat(vm.selectedProperty().get().path()).isEqualTo(home.resolve("models/model.gguf"));
    }

    @Test
    void cancelIsOfferedBesidePauseOnlyWhileDownloadingAndLeavesNothingBehind(FxRobot robot) throws Exception {
        ModelManagerViewModel vm = view.viewModel();
        CatalogEntry entry = vm.catalog().getFirst();
        waitUntil(() -> vm.models().size() == 1);
        assertThat(robot.lookup(".cancel-button").queryButton().isVisible()).as("nothing to cancel").isFalse();

        server.stall = new java.util.concurrent.CountDownLatch(1);
        robot.clickOn(".download-button");
        waitUntil(() -> entry.progressProperty().get() > 0);

        javafx.scene.control.Button cancel = robot.lookup(".cancel-button").queryButton();
        assertThat(cancel.isVisible()).isTrue();
        assertThat(cancel.getText()).isEqualTo("Cancel");
        assertThat(robot.lookup(".download-button").queryButton().getText()).isEqualTo("Pause");
        assertThat(robot.lookup(".delete-button").queryButton().isVisible()).as("Delete is for paused or installed")
                .isFalse();
        robot.clickOn(cancel);
        waitUntil(() -> entry.stateProperty().get() == CatalogEntry.State.AVAILABLE);

        assertThat(robot.lookup(".cancel-button").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup(".download-button").queryButton().getText()).isEqualTo("Download");
        assertThat(home.resolve("models/model.gguf.part")).doesNotExist();
        assertThat(home.resolve("models/model.gguf")).doesNotExist();
    }

    /**
     * Whether {@code model}'s row shows in the list's viewport: its top inside it. Not whole: the list places rows by
     * estimated heights, and the last row may end under the edge.
     */
    private static boolean rowInSight(ListView<LocalModel> list, Path model) {
        javafx.geometry.Bounds view = list.localToScene(list.getLayoutBounds());
        return list.lookupAll(".list-cell").stream().anyMatch(n -> n instanceof ListCell<?> cell && cell.isVisible()
                && cell.getItem() instanceof LocalModel m && m.path().equals(model)
                && cell.localToScene(cell.getLayoutBounds()).getMinY() >= view.getMinY() - 0.5
                && cell.localToScene(cell.getLayoutBounds()).getMinY() < view.getMaxY() - 8);
    }

    /** Waits (bounded) until the row shows: the list scrolls after the layout that lists it, and snaps after that. */
    private static void inSightSoon(ListView<LocalModel> list, Path model) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> rowInSight(list, model)).get());
    }

    @Test
    void theModelJustOpenedOrPutInUseIsSelectedAndScrolledIntoSight(FxRobot robot) throws Exception {
        ModelManagerViewModel vm = view.viewModel();
        waitUntil(() -> vm.models().size() == 1);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            files.add(TinyGguf.write(home.resolve("tiny-" + i + ".gguf")));
        }
        dev.thinkbench.engine.local.models.OpenedModels opened =
                new dev.thinkbench.engine.local.models.OpenedModels(home.resolve("opened.json"));
        for (Path f : files.subList(0, 8)) {
            opened.add(f);
        }
        robot.interact(() -> {
            vm.setOpenedModels(opened);
            vm.refresh();
        });
        waitUntil(() -> vm.models().size() == 9);
        ListView<LocalModel> local = robot.lookup("#localList").queryListView();
        assertThat(rowInSight(local, files.get(7))).as("the list starts at the top: the eighth file below the fold")
                .isFalse();

        robot.interact(() -> vm.setInUse(files.get(7))); // the engine bar chose it
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(local.getSelectionModel().getSelectedItem().path()).isEqualTo(files.get(7));
        inSightSoon(local, files.get(7));

        robot.interact(() -> local.scrollTo(0));
        robot.interact(() -> vm.open(files.get(8)));
        waitUntil(() -> vm.selectedProperty().get() != null && vm.selectedProperty().get().path().equals(files.get(8)));
        assertThat(local.getSelectionModel().getSelectedItem().path()).isEqualTo(files.get(8));
        inSightSoon(local, files.get(8));
    }

    @Test
    void bundledModelsAreListedFirst(FxRobot robot) throws Exception {
        Path bundled = TinyGguf.write(home.resolve("micro-reasoner.gguf"));
        robot.interact(() -> {
            view.viewModel().setBundledModels(() -> List.of(LocalModel.inspect(bundled, LocalModel.Source.BUNDLED,
                    "micro-reasoner.gguf")));
            view.viewModel().refresh();
        });
        waitUntil(() -> view.viewModel().models().size() == 2);

        assertThat(view.viewModel().models()).extracting(LocalModel::source)
                .containsExactly(LocalModel.Source.BUNDLED, LocalModel.Source.OLLAMA);
    }

    @Test
    void aFailedLoadShowsItsSentenceAndTheEngineLogUnderACollapsedDetailsPane(FxRobot robot) throws Exception {
        Path model = TinyGguf.write(home.resolve("refused.gguf"));
        List<String> log = List.of("llama_model_loader: loaded meta data with 20 key-value pairs",
                "llama_model_load: error loading model: check_tensor_dims: tensor 'x' has wrong shape");
        view.viewModel().setLoader(m -> {
            throw new LocalEngineException(FailureKind.BAD_REQUEST, "llama.cpp could not load refused.gguf: "
                    + log.getLast(), log);
        });

        robot.interact(() -> view.viewModel().open(model));
        waitUntil(() -> !view.viewModel().detailsProperty().get().isEmpty());

        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText())
                .isEqualTo("llama.cpp could not load refused.gguf: " + log.getLast());
        TitledPane details = robot.lookup("#detailsPane").queryAs(TitledPane.class);
        assertThat(details.isVisible()).isTrue();
        assertThat(details.isExpanded()).as("collapsed until asked for").isFalse();

        robot.clickOn(details.lookup(".title"));
        waitUntil(details::isExpanded);

        TextArea text = robot.lookup("#detailsText").queryAs(TextArea.class);
        assertThat(text.getText()).isEqualTo(String.join("\n", log));
        assertThat(text.isEditable()).isFalse();
    }

    @Test
    void withoutAFailureThereIsNoDetailsPane(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#detailsPane").queryAs(TitledPane.class).isVisible()).isFalse();
    }
}
