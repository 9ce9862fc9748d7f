package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.Price;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep on an engine whose runs cost money says how many runs and about what they cost before it starts, asks
 * above a modest cost (or where the cost cannot be estimated), and counts what it spent while it runs; a free
 * engine's sweep starts at once with no word about cost.
 */
class SweepCostTest {

    @TempDir
    Path dir;

    private ExperimentsViewModel viewModel(Price price) throws Exception {
        Files.writeString(dir.resolve("set.jsonl"), """
                {"id":"p1","prompt":"What is 2 + 2?","answer":"4","difficulty":1}
                {"id":"p2","prompt":"What is 7 x 6?","answer":"42","difficulty":2}
                """, StandardCharsets.UTF_8);
        AnswerTestEngine engine = new AnswerTestEngine("answers", ExperimentsViewTest::reply, price);
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(),
                new WorkbenchFixture.SameThreadTasks(), name -> null);
        connection.modelProperty().set("test-model");
        ExperimentsViewModel vm = new ExperimentsViewModel(connection, services, new SweepStore(dir.resolve("sweeps")),
                dir.resolve("no-samples-here"), new WorkbenchFixture.SameThreadTasks(),
                SweepRunner.Options.defaults().withClock(new RecordingTestClock()));
        vm.setup().importFile(dir.resolve("set.jsonl"));
        assertThat(vm.canStartProperty().get()).isTrue();
        return vm;
    }

    private static void runToEnd(ExperimentsViewModel vm) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (vm.phaseProperty().get() != Phase.ENDED && System.nanoTime() < deadline) {
            vm.tick(System.nanoTime());
            Thread.sleep(5);
        }
        vm.tick(System.nanoTime() + 1_000_000_000L);
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.ENDED);
    }

    @Test
    void aCostlySweepSaysItsRunsAndCostAndWaitsForAnAnswer() throws Exception {
        ExperimentsViewModel vm = viewModel(AnswerTestEngine.pricedOut(1000));
        assertThat(vm.costEstimateProperty().get()).as("said before Start is pressed").startsWith("6 runs (6 model "
                + "calls): about $").contains("a rough estimate");

        vm.start();

        assertThat(vm.costQuestionProperty().get()).startsWith("6 runs (6 model calls): about $");
        assertThat(vm.phaseProperty().get()).as("nothing started").isEqualTo(Phase.IDLE);
        assertThat(new SweepStore(dir.resolve("sweeps")).list()).isEmpty();

        vm.cancelStart();
        assertThat(vm.costQuestionProperty().get()).isEmpty();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.IDLE);

        vm.start();
        vm.confirmStart();
        assertThat(vm.costQuestionProperty().get()).isEmpty();
        assertThat(vm.phaseProperty().get()).isNotEqualTo(Phase.IDLE);
        runToEnd(vm);
        assertThat(vm.progressTextProperty().get()).as("the running cost").containsPattern("\\$[0-9.]+ spent");
        vm.close();
    }

    @Test
    void aCheapPaidSweepSaysItsCostAndStartsWithoutAsking() throws Exception {
        ExperimentsViewModel vm = viewModel(AnswerTestEngine.pricedOut(0.01));
        assertThat(vm.costEstimateProperty().get()).startsWith("6 runs (6 model calls): about $");

        vm.start();

        assertThat(vm.costQuestionProperty().get()).isEmpty();
        assertThat(vm.phaseProperty().get()).isNotEqualTo(Phase.IDLE);
        runToEnd(vm);
        vm.close();
    }

    @Test
    void aPaidSweepWithoutAPriceSaysItCannotBeEstimatedAndAsksFromFiftyCalls() throws Exception {
        ExperimentsViewModel vm = viewModel(null);
        assertThat(vm.costEstimateProperty().get()).contains("cannot be estimated");
        vm.setup().samplesProperty().set(9); // 2 problems x 3 budgets x 9 samples = 54 runs

        vm.start();

        assertThat(vm.costQuestionProperty().get()).startsWith("54 runs (54 model calls) on test-model")
                .contains("cannot be estimated");
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.IDLE);
        vm.cancelStart();
        vm.close();
    }

    @Test
    void aFreeEnginesSweepHasNoWordAboutCost() throws Exception {
        ExperimentsViewModel vm = viewModel(Price.free("local"));
        assertThat(vm.costEstimateProperty().get()).isEmpty();

        vm.start();

        assertThat(vm.costQuestionProperty().get()).isEmpty();
        assertThat(vm.phaseProperty().get()).isNotEqualTo(Phase.IDLE);
        runToEnd(vm);
        assertThat(vm.progressTextProperty().get()).doesNotContain("spent");
        vm.close();
    }
}
