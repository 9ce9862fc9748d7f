package dev.thinkbench.ui.compare;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Usage;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.ScriptedTestEngine.Script;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost chart's note fits the engine: "free on this machine" only over a local engine's runs; over a hosted model
 * without a price, why no bar shows (as the Experiments tab says it); over hosted runs that failed before any token,
 * never "free".
 */
@ExtendWith(ApplicationExtension.class)
class CostChartNoteTest {

    private static final long MS = 1_000_000L;
    private static final Price OPUS = new Price("claude-opus-4-7", new BigDecimal("5"), new BigDecimal("25"), "USD",
            "list", "");

    private ChartsPane charts;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        charts = new ChartsPane(List.of(), "");
        stage.setScene(new Scene(charts, 1200, 260));
        stage.show();
    }

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Three columns of one run each at {@code price}, every run ended by {@code end} after its events. */
    private static List<ColumnFigures> figures(Price price, List<ReasoningEvent> events) {
        return List.of("small", "medium", "large").stream().map(label -> {
            RunRecorder r = new RunRecorder(price);
            r.accept(new ReasoningEvent.Started(0, "m", "effort:low"));
            events.forEach(r::accept);
            return ColumnFigures.of(label, r.metrics(100 * MS));
        }).toList();
    }

    @Test
    void hostedRunsThatFailedBeforeAnyTokenAreNotFreeOnThisMachine(FxRobot robot) {
        robot.interact(() -> charts.show(figures(OPUS,
                List.of(new ReasoningEvent.Failed(20 * MS, FailureKind.AUTHENTICATION, "HTTP 401")))));

        assertThat(charts.costNote()).doesNotContain("Free").doesNotContain("this machine");
    }

    @Test
    void aHostedModelWithoutAPriceSaysWhyItsCostChartIsEmpty(FxRobot robot) {
        robot.interact(() -> charts.show(figures(null, List.of(
                new ReasoningEvent.ThinkingDelta(10 * MS, "I need 18 times 24.", 0),
                new ReasoningEvent.AnswerDelta(20 * MS, "432", 0),
                new ReasoningEvent.UsageReported(30 * MS, new Usage(12, 169, 160)),
                new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN)))));

        assertThat(charts.costNote()).isEqualTo(Messages.get("chart.cost.unpriced"))
                .isEqualTo("No run has a known cost: there is no price for this model in assets/pricing.json.");
        assertThat(charts.costPlotShown()).as("a note in place of a plot with no bars").isFalse();

        robot.interact(() -> charts.setForAudience(true));
        assertThat(charts.costNote()).as("the same for a room").isEqualTo(Messages.get("chart.cost.unpriced"));
        robot.interact(() -> charts.setForAudience(false));
    }

    /**
     * Columns kept from the built-in engine through a switch to a hosted one ran free on this machine, and the note
     * still says so; but not that the hosted engine is free, nor to pick "Priced as" (greyed on an engine that bills):
     * it read "Free on this machine: pick Priced as for what a hosted model would charge". The hosted engine's own
     * runs then show its cost.
     */
    @Test
    void keptFreeRunsUnderAHostedEngineSayWhereTheyRanNotThatTheEngineIsFree(FxRobot robot) throws Exception {
        ScriptedTestEngine builtin = new ScriptedTestEngine("builtin", spec -> Script.of(List.of("1 + 1 "),
                List.of("= 2")).reporting(new Usage(10, 20, 5)), List.of(new ModelInfo("micro", "")));
        ScriptedTestEngine hosted = new ScriptedTestEngine("anthropic", spec -> Script.of(List.of("1 + 1 "),
                List.of("= 2")).reporting(new Usage(10, 20, 5)), List.of(new ModelInfo("claude-opus-4-7", "")))
                .pricedAt(OPUS);
        EngineRegistry registry = new EngineRegistry()
                .register(new EngineRegistry.Entry("builtin", "Built-in", null, config -> builtin))
                .register(new EngineRegistry.Entry("anthropic", "Anthropic", "http://127.0.0.1:1", config -> hosted));
        ConnectionViewModel connection = new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(),
                name -> null);
        CompareViewModel[] vm = new CompareViewModel[1];
        ChartsPane[] following = new ChartsPane[1];
        robot.interact(() -> {
            connection.engineEntryProperty().set(registry.get("builtin"));
            connection.refreshModels();
            vm[0] = new CompareViewModel(connection, new PromptViewModel(List.of()), new BudgetPresets(Map.of()),
                    PriceTable.empty());
            vm[0].restoreColumns(List.of("a=none", "b=none"));
            vm[0].prompt().promptProperty().set("What is 1 + 1?");
            following[0] = new ChartsPane(vm[0]);
            vm[0].run();
        });
        runToEnd(robot, vm[0]);
        assertThat(following[0].costNote()).as("on the built-in engine").startsWith("Free on this machine")
                .contains("Priced as");

        robot.interact(() -> connection.engineEntryProperty().set(registry.get("anthropic")));
        assertThat(vm[0].keptColumnsProperty().get()).as("the built-in runs are kept").isTrue();
        assertThat(vm[0].pricedByEngineProperty().get()).isTrue();
        assertThat(vm[0].columns()).as("each kept run still costs nothing: it ran here")
                .allMatch(c -> c.live().getMetrics().cost().free());
        assertThat(following[0].costNote()).as("the kept runs ran on this machine")
                .isEqualTo(Messages.get("chart.cost.free.kept"))
                .contains("ran on this machine").contains("bills").doesNotContain("Priced as");
        assertThat(following[0].costPlotShown()).isFalse();

        robot.interact(() -> vm[0].run());
        runToEnd(robot, vm[0]);
        assertThat(vm[0].columns()).as("the hosted runs cost what the engine bills")
                .allMatch(c -> !c.live().getMetrics().cost().free() && c.live().getMetrics().cost().known()
                        && c.live().getMetrics().cost().amount().signum() > 0);
        assertThat(following[0].costNote()).isEmpty();
        assertThat(following[0].costPlotShown()).isTrue();
    }

    /** Ticks {@code vm} like frames, on the FX thread, until its run ends (bounded). */
    private static void runToEnd(FxRobot robot, CompareViewModel vm) throws Exception {
        long[] now = {0};
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            boolean[] running = new boolean[1];
            robot.interact(() -> {
                now[0] += 16_000_000L;
                vm.tick(now[0]);
                running[0] = vm.runningProperty().get();
            });
            return !running[0];
        });
    }

    @Test
    void onlyALocalEnginesRunsAreFreeOnThisMachine(FxRobot robot) {
        robot.interact(() -> charts.show(figures(Price.free("local server"), List.of(
                new ReasoningEvent.ThinkingDelta(10 * MS, "x", 1),
                new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN)))));

        assertThat(charts.costNote()).startsWith("Free on this machine");

        robot.interact(() -> charts.show(figures(OPUS, List.of(
                new ReasoningEvent.UsageReported(30 * MS, new Usage(0, 0, 0)),
                new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN)))));
        assertThat(charts.costNote()).as("billed $0 at a price: not free on this machine").isEmpty();
    }
}
