package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
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

/**
 * The Experiments tab at 1280x720 shows its words whole: the results title (a problem file's name, the counts and the
 * model) wraps instead of ending in "…", the problem set's whole name is on its box's tooltip, and one budget is
 * "1 budget".
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ExperimentsLayoutTest {

    private static final String FILE = "micro-worksheet-for-the-thursday-class.jsonl";

    private final AnswerTestEngine engine = new AnswerTestEngine("answers",
            spec -> AnswerTestEngine.Reply.answer("Final Answer: 4", 8));
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private ExperimentsView view;
    private ExperimentsViewModel vm;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        // a stage of its own: the primary stage is shared with the tests that follow
        stage = new Stage();
        Path dir = Files.createTempDirectory("thinkbench-layout");
        Files.writeString(dir.resolve(FILE), """
                {"id":"p1","prompt":"What is 2 + 2?","answer":"4","difficulty":1}
                """, StandardCharsets.UTF_8);
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment());
        connection.modelProperty().set("micro-reasoner-with-a-long-name.gguf");
        view = new ExperimentsView(new ExperimentsViewModel(connection, services, new SweepStore(dir.resolve("sweeps")),
                dir.resolve("no-samples-here"), tasks, SweepRunner.Options.defaults().withClock(new RecordingTestClock())));
        view.setChoosers(w -> dir.resolve(FILE), w -> dir.resolve("export"));
        vm = view.viewModel();
        stage.setScene(new Scene(view, 1280, 720));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            vm.close();
            stage.hide();
        });
        tasks.shutdown();
    }

    @Test
    void theTitleWrapsWholeAndTheProblemSetsNameIsOnItsTooltip(FxRobot robot) throws Exception {
        robot.interact(() -> view.setupController().form().lookup("#importButton").fireEvent(
                new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> vm.setup().problemsProperty().get().size() == 1).get());
        robot.interact(() -> {
            vm.setup().budgetModeProperty().set(BudgetMode.LIST);
            vm.setup().budgetListProperty().set("tokens:8");
        });
        robot.interact(view::startSweep);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> vm.phaseProperty().get() == Phase.ENDED).get());
        WaitForAsyncUtils.waitForFxEvents();

        Label title = robot.lookup("#sweepTitle").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo(FILE + " \u00b7 1 problem \u00b7 1 budget \u00b7 "
                + "micro-reasoner-with-a-long-name.gguf");
        String drawn = WaitForAsyncUtils.asyncFx(() -> title.lookupAll(".text").stream()
                .map(n -> ((Text) n).getText()).findFirst().orElse("")).get();
        assertThat(drawn).as("drawn whole").isEqualTo(title.getText());

        robot.interact(() -> view.setupController().form().setVisible(true));
        @SuppressWarnings("unchecked")
        ComboBox<ProblemSetChoice> box = (ComboBox<ProblemSetChoice>) view.setupController().problemSetPicker();
        assertThat(box.getTooltip()).isNotNull();
        assertThat(box.getTooltip().getText()).isEqualTo(box.getValue().name()).contains(FILE);
    }
}
