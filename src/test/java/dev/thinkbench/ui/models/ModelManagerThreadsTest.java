package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.EditableSpinners;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads typed beyond the machine's cores: "999" showed "Threads must be 1 to 256 (you typed 999)" while 256 was
 * saved and run on 2 cores. Now the spinner goes up to the cores, says what it used, and the tab names the cores.
 */
@ExtendWith(ApplicationExtension.class)
class ModelManagerThreadsTest {

    private Stage own;
    private ModelManagerView view;
    private final List<LocalEngineSettings> saved = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage primary) throws Exception {
        Path home = Files.createTempDirectory("thinkbench-threads");
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), new FxBackgroundTasks(), () -> -1,
                new LocalEngineSettings(1, 4096), 2);
        vm.setOnSettingsChanged(saved::add);
        view = new ModelManagerView(vm);
        own = new Stage();
        own.setScene(new Scene(view, 1000, 700));
        own.show();
    }

    @AfterEach
    void hide(FxRobot robot) {
        robot.interact(() -> own.hide());
    }

    @Test
    void threadsBeyondTheCoresAreBroughtDownSaidOnceAndTheCoresNamed(FxRobot robot) {
        Spinner<?> threads = robot.lookup("#threadsSpinner").queryAs(Spinner.class);
        robot.interact(() -> {
            threads.getEditor().setText("999");
            threads.commitValue();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(threads.getValue()).isEqualTo(2);
        assertThat(threads.getProperties().get(EditableSpinners.NOTE)).isEqualTo("999 is more than 2, the most: 2 is used");
        assertThat(view.viewModel().errorProperty().get()).as("the note says what was used; no refusal beside it")
                .isEmpty();
        assertThat(saved).containsExactly(new LocalEngineSettings(2, 4096));
        assertThat(robot.lookup("#coresLabel").queryAs(Label.class).getText()).isEqualTo("of 2 cores");
    }
}
