package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Start on an engine whose runs cost money: the estimate beside Start, a question in its place, the running cost. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class SweepCostViewTest {

    private final AnswerTestEngine engine = new AnswerTestEngine("answers", ExperimentsViewTest::reply,
            AnswerTestEngine.pricedOut(1000));
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private ExperimentsViewModel vm;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        stage = new Stage();
        Path dir = Files.createTempDirectory("thinkbench-sweep-cost");
        Files.writeString(dir.resolve("set.jsonl"), """
                {"id":"p1","prompt":"What is 2 + 2?","answer":"4","difficulty":1}
                {"id":"p2","prompt":"What is 7 x 6?","answer":"42","difficulty":2}
                """, StandardCharsets.UTF_8);
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment());
        connection.modelProperty().set("test-model");
        vm = new ExperimentsViewModel(connection, services, new SweepStore(dir.resolve("sweeps")),
                dir.resolve("no-samples-here"), tasks, SweepRunner.Options.defaults().withClock(new RecordingTestClock()));
        ExperimentsView view = new ExperimentsView(vm);
        view.setChoosers(w -> dir.resolve("set.jsonl"), w -> dir.resolve("export"));
        stage.setScene(new Scene(view, 1280, 800));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> vm.close());
        WaitForAsyncUtils.asyncFx(() -> stage.hide());
        WaitForAsyncUtils.waitForFxEvents();
        tasks.shutdown();
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void startAsksWithTheEstimateAndEscLeavesTheSweepUnstartedWhileEnterStartsIt(FxRobot robot) throws Exception {
        robot.clickOn("Import\u2026");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.canStartProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#sweepCostEstimate")).isTrue();
        assertThat(robot.lookup("#sweepCostEstimate").queryAs(Label.class).getText()).startsWith("6 runs");

        robot.clickOn("#startSweep");
        assertThat(shown(robot, "#sweepCostCheck")).isTrue();
        assertThat(shown(robot, "#startSweep")).as("the question stands in for Start").isFalse();
        assertThat(robot.lookup("#sweepCostQuestion").queryAs(Label.class).getText()).contains("about $");
        robot.type(KeyCode.ESCAPE);
        assertThat(shown(robot, "#sweepCostCheck")).isFalse();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(engine.started()).isEmpty();

        robot.clickOn("#startSweep");
        robot.type(KeyCode.ENTER); // the question has the keyboard: Enter starts
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == Phase.ENDED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.started()).hasSize(6);
        // the status line (the window's status bar shows it) counts what the runs cost
        assertThat(vm.progressTextProperty().get()).containsPattern("\\$[0-9.]+ spent");
    }
}
