package dev.thinkbench.micro;

import dev.thinkbench.app.AppContext;
import dev.thinkbench.app.MainWindow;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.experiments.BudgetMode;
import dev.thinkbench.ui.experiments.ExperimentsViewModel;
import dev.thinkbench.ui.experiments.Phase;
import dev.thinkbench.ui.experiments.ProblemSetChoice;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short real sweep through the Experiments tab of the main window: the built-in engine (llama.cpp in its child
 * JVM) with the bundled micro model on the engine bar, greedy, 12 held-out problems at no thinking, a cap of 8 and
 * the full budget. Accuracy must rise with the cap and every run must end ok; exact numbers are the model card's.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(300)
class MicroSweepInTheTabTest {

    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        context = AppContext.create();
        window = MainWindow.create(context, tasks);
        window.view().viewModel().connection().use("builtin", null, null, "micro-reasoner.gguf");
        stage.setScene(window.view().createScene(1280, 800));
        stage.show();
    }

    @Stop
    void stop() {
        window.close();
        tasks.shutdown();
        context.builtin().close();
    }

    private static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @Test
    void accuracyRisesWithTheCapInASweepRunThroughTheTab(FxRobot robot) throws Exception {
        ExperimentsViewModel vm = window.experiments().viewModel();
        robot.interact(() -> window.view().selectTab(3));
        waitUntil(30, () -> vm.setup().problemSets().stream().anyMatch(c -> c.name().equals("micro-heldout.jsonl")));
        robot.interact(() -> {
            ProblemSetChoice micro = vm.setup().problemSets().stream()
                    .filter(c -> c.name().equals("micro-heldout.jsonl")).findFirst().orElseThrow();
            vm.setup().problemSetProperty().set(micro);
            vm.setup().limitProperty().set("12");
            vm.setup().budgetModeProperty().set(BudgetMode.LIST);
            vm.setup().budgetListProperty().set("none=none\ncap8=tokens:8\nfull=tokens:256");
        });
        waitUntil(30, () -> vm.setup().validProperty().get());
        assertThat(vm.setup().temperatureProperty().get()).as("the micro model runs greedy").isEqualTo("0");
        assertThat(vm.setup().planTextProperty().get()).endsWith("= 36 runs");

        robot.clickOn("#startSweep");
        waitUntil(280, () -> vm.phaseProperty().get() == Phase.ENDED);

        List<SweepRecord> records = vm.results().records();
        assertThat(records).hasSize(36).allSatisfy(r -> {
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(r.endpoint()).isEqualTo("builtin");
        });
        Map<String, Double> accuracy = vm.results().figures().rows().stream()
                .collect(Collectors.toMap(SummaryRow::label, SummaryRow::accuracy));
        System.out.println("micro sweep in the tab, accuracy by cap: " + accuracy + " · " + vm.etaTextProperty().get());
        assertThat(accuracy.get("full")).isGreaterThan(accuracy.get("none"));
        assertThat(accuracy.get("full")).isGreaterThanOrEqualTo(accuracy.get("cap8"));
        assertThat(records).filteredOn(r -> r.label().equals("cap8"))
                .allSatisfy(r -> assertThat(r.thinkingTokens()).isLessThanOrEqualTo(8));
        assertThat(vm.progressTextProperty().get()).startsWith("36 of 36 runs");
    }
}
