package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.Wilson;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.common.Formats;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import dev.thinkbench.testing.OnFx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps the Experiments tab's frames short while results stream in: chart points set in place, the log axis
 * keeping its tick marks while points move within its range, the figures worked out on a background task whose
 * stale result a forced refresh drops, the table and measures laid out before a sweep starts (Start clears and fills
 * their cells), and point tooltips made only when the pointer comes by.
 */
@ExtendWith(ApplicationExtension.class)
class StreamingFiguresTest {

    private TokensChart tokens;

    @Start
    void start(Stage stage) {
        tokens = new TokensChart();
        stage.setScene(new Scene(new StackPane(tokens.node()), 640, 400));
        stage.show();
    }

    private static SummaryRow row(String label, double tokens, int correct) {
        return new SummaryRow(label, "tokens:" + label, "fixed", 4, correct, correct / 4.0,
                new Wilson(0.1, 0.9), tokens, 100.0, null, 0, 0);
    }

    private static ChartSeries.Spec curve(String name, SummaryRow... rows) {
        List<ChartSeries.Point> points = new ArrayList<>();
        for (SummaryRow r : rows) {
            points.add(new ChartSeries.Point(r.meanThinkingTokens(), 100 * r.accuracy(), new ChartPoint(r, false)));
        }
        return new ChartSeries.Spec(name, points);
    }

    @Test
    void aCurveKeepsItsSeriesAndPointsAsValuesChangeAndABudgetIsAdded() throws Exception {
        IntervalChart chart = tokens.chart();
        XYChart.Series<Number, Number> first = OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 10, 1), row("b", 40, 2))));
            return chart.getData().getFirst();
        });
        XYChart.Data<Number, Number> point = first.getData().getFirst();

        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 12, 2), row("b", 40, 2), row("c", 90, 4))));
            return null;
        });
        assertThat(chart.getData()).singleElement().isSameAs(first);
        assertThat(first.getData()).hasSize(3).first().isSameAs(point);
        assertThat(point.getXValue().doubleValue()).isEqualTo(12);
        assertThat(point.getYValue().doubleValue()).isEqualTo(50);
        assertThat(first.getData().getLast().getXValue().doubleValue()).isEqualTo(90);

        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("majority", row("a", 12, 2))));
            return null;
        });
        assertThat(chart.getData()).singleElement().isNotSameAs(first)
                .satisfies(s -> assertThat(s.getName()).isEqualTo("majority"));
    }

    @Test
    void theLogAxisKeepsItsTickMarksWhilePointsMoveWithinItsRange() throws Exception {
        IntervalChart chart = tokens.chart();
        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 10, 1), row("b", 40, 2))));
            return null;
        });
        LogAxis x = (LogAxis) chart.getXAxis();
        double top = x.getUpperBound();
        Axis.TickMark<Number> tick = OnFx.call(() -> x.getTickMarks().getLast());
        assertThat(top).as("the next power of two past 1.3 x 40").isEqualTo(64);
        assertThat(tick.getValue().doubleValue()).as("the top is labelled").isEqualTo(top);
        assertThat(LogAxis.label(tick.getValue().doubleValue())).isEqualTo("64");

        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 11, 2), row("b", 42, 3))));
            return null;
        });
        assertThat(x.getUpperBound()).isEqualTo(top);
        assertThat(x.getTickMarks().getLast()).as("the same tick mark, not one made anew").isSameAs(tick);

        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 11, 2), row("b", 4000, 3))));
            return null;
        });
        assertThat(x.getUpperBound()).as("a point past the top moves it").isGreaterThan(4000);
        assertThat(x.getTickMarks().getLast()).isNotSameAs(tick);
    }

    @Test
    void newMeasuresChangeTheTextOfTheSameCells() throws Exception {
        MeasuresTable table = OnFx.call(() -> {
            MeasuresTable t = new MeasuresTable();
            ((StackPane) tokens.node().getParent()).getChildren().setAll(t);
            return t;
        });
        java.util.function.Function<Double, SweepFigures> withPerformance = p -> new SweepFigures(List.of(), List.of(),
                List.of(new dev.thinkbench.lab.sweep.ScalingMeasures("fixed", 1.0, 2.0, 3.0, 100.0, p, null)),
                java.util.Map.of());
        OnFx.call(() -> {
            table.show(withPerformance.apply(0.5));
            return null;
        });
        assertThat(table.valueAt("Performance", 0)).isEqualTo("50%");
        // a curve over 100 tokens: Scaling per 100 tokens, the row naming the unit and the cell the points alone
        assertThat(OnFx.call(table::rowNames)).contains("Scaling per 100 tokens");
        assertThat(table.valueAt("Scaling per tokens", 0)).isEqualTo("+0.20 pts");
        List<javafx.scene.Node> cells = OnFx.call(() -> List.copyOf(table.lookupAll(".table-cell")));
        assertThat(cells).isNotEmpty();

        OnFx.call(() -> {
            table.show(withPerformance.apply(0.75));
            return null;
        });
        assertThat(table.valueAt("Performance", 0)).isEqualTo("75%");
        assertThat(OnFx.call(() -> List.copyOf(table.lookupAll(".table-cell")))).as("the same cells, not made anew")
                .containsExactlyInAnyOrderElementsOf(cells);
        assertThat(OnFx.call(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "75%".equals(c.getText()))
                .count())).isEqualTo(1L);
    }

    @Test
    void thePlannedStrategiesHaveTheirMeasureColumnsBeforeResultsAndTheFirstMeasuresFillThoseCells()
            throws Exception {
        MeasuresTable table = OnFx.call(() -> {
            MeasuresTable t = new MeasuresTable();
            ((StackPane) tokens.node().getParent()).getChildren().setAll(t);
            t.plan(List.of("fixed", "majority"));
            return t;
        });
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("s1 measure", "fixed",
                "majority");
        assertThat(table.getItems()).hasSize(5);
        assertThat(table.valueAt("Performance", 0)).isEqualTo(Formats.DASH);
        assertThat(table.valueAt("Saturates at", 1)).isEqualTo(Formats.DASH);
        List<javafx.scene.Node> cells = OnFx.call(() -> List.copyOf(table.lookupAll(".table-cell")));
        assertThat(cells).isNotEmpty();

        OnFx.call(() -> {
            table.show(new SweepFigures(List.of(), List.of(), List.of(new dev.thinkbench.lab.sweep.ScalingMeasures(
                    "fixed", 1.0, 2.0, 3.0, 100.0, 0.5, null)), java.util.Map.of()));
            return null;
        });
        assertThat(table.valueAt("Performance", 0)).isEqualTo("50%");
        assertThat(table.valueAt("Saturates at", 0)).isEqualTo("still rising");
        assertThat(table.valueAt("Performance", 1)).as("no results yet").isEqualTo(Formats.DASH);
        assertThat(OnFx.call(() -> List.copyOf(table.lookupAll(".table-cell")))).as("the cells made before the results")
                .containsExactlyInAnyOrderElementsOf(cells);

        OnFx.call(() -> {
            table.plan(List.of());
            table.show(SweepFigures.EMPTY);
            return null;
        });
        assertThat(table.getItems()).as("nothing set up, nothing measured").isEmpty();
    }

    @Test
    void aPointGetsItsTooltipWhenThePointerFirstComesOverItAndItFollowsTheNumbers() throws Exception {
        IntervalChart chart = tokens.chart();
        XYChart.Data<Number, Number> point = OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 10, 1), row("b", 40, 2))));
            return chart.getData().getFirst().getData().getFirst();
        });
        assertThat(point.getNode()).isNotNull();
        assertThat(ChartSeries.tooltip(point)).as("none made up front").isNull();

        OnFx.call(() -> {
            javafx.event.Event.fireEvent(point.getNode(), new javafx.scene.input.MouseEvent(
                    javafx.scene.input.MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, javafx.scene.input.MouseButton.NONE, 0,
                    false, false, false, false, false, false, false, false, false, false, null));
            return null;
        });
        javafx.scene.control.Tooltip tip = ChartSeries.tooltip(point);
        assertThat(tip).isNotNull();
        assertThat(tip.getText()).startsWith("fixed at a (tokens:a)").contains("accuracy 25%", "(1 of 4)");

        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 10, 3), row("b", 40, 2))));
            return null;
        });
        assertThat(ChartSeries.tooltip(point)).isSameAs(tip);
        assertThat(tip.getText()).contains("accuracy 75%", "(3 of 4)");
    }

    @Test
    void aResetToTheSamePlanKeepsTheRowsAndClearsThemWhileAnotherPlanMakesNewRows() throws Exception {
        SweepResults results = new SweepResults();
        java.util.function.Function<String, SweepPlan> plan = spec -> new SweepPlan(List.of(
                BenchProblem.of("p1", "q1", "1"), BenchProblem.of("p2", "q2", "1")),
                List.of(new Lane("small", BudgetSpec.parse(spec))), 1, List.of(new FixedStrategy()), "m", "", null);
        List<ResultRow> first = OnFx.call(() -> {
            results.reset(plan.apply("tokens:8"));
            results.showRecords(List.of(result("p1", true)));
            results.flush(1_000_000_000L, true);
            return List.copyOf(results.rows());
        });
        var columns = results.columns();
        assertThat(first.getFirst().cells().getFirst().state()).isEqualTo(CellState.CORRECT);
        assertThat(results.figures().records()).hasSize(1);

        OnFx.call(() -> {
            results.reset(plan.apply("tokens:8"));
            return null;
        });
        assertThat(results.rows()).hasSize(2).first().isSameAs(first.getFirst());
        assertThat(results.columns()).isSameAs(columns);
        assertThat(first.getFirst().cells().getFirst().state()).isEqualTo(CellState.PENDING);
        assertThat(results.records()).isEmpty();
        assertThat(results.figures().records()).isEmpty();
        OnFx.call(() -> {
            results.showRecords(List.of(result("p2", false)));
            results.flush(2_000_000_000L, true);
            return null;
        });
        assertThat(results.rows().get(1).cells().getFirst().state()).isEqualTo(CellState.WRONG);

        OnFx.call(() -> {
            results.reset(new SweepPlan(List.of(BenchProblem.of("p1", "q1", "1"), BenchProblem.of("p3", "q3", "3")),
                    List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()), "m",
                    "", null));
            return null;
        });
        assertThat(results.rows()).extracting(ResultRow::problemId).containsExactly("p1", "p3");
        assertThat(results.rows().getFirst()).isNotSameAs(first.getFirst());
        assertThat(results.rows()).allSatisfy(r -> assertThat(r.cells().getFirst().state())
                .isEqualTo(CellState.PENDING));

        OnFx.call(() -> {
            results.clear();
            return null;
        });
        assertThat(results.rows()).isEmpty();
        assertThat(results.columns()).isEmpty();
    }

    @Test
    void resultsArrivingInBurstsOverManyFramesAllEndUpInTheTable() throws Exception {
        SweepResults results = new SweepResults(new HeldTasks());
        List<BenchProblem> problems = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            problems.add(BenchProblem.of("p" + i, "q" + i, "1"));
        }
        SweepPlan plan = new SweepPlan(problems, List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1,
                List.of(new FixedStrategy()), "m", "", null);
        OnFx.call(() -> {
            results.reset(plan);
            return null;
        });
        long now = 1_000_000_000L;
        for (int i = 0; i < 40; i += 3) {
            List<SweepRecord> burst = new ArrayList<>();
            for (int j = i; j < Math.min(40, i + 3); j++) {
                burst.add(result("p" + j, j % 2 == 0));
            }
            long at = now;
            OnFx.call(() -> {
                results.showRecords(burst);
                results.flush(at, false);
                return null;
            });
            now += 16_700_000L;
        }
        OnFx.call(() -> {
            results.flush(1_000_000_000L + 40 * 16_700_000L, true);
            return null;
        });
        assertThat(results.rows()).hasSize(40).allSatisfy(r -> assertThat(r.cells().getFirst().state())
                .isEqualTo(r.problemId().substring(1).chars().map(c -> c - '0').reduce(0, (a, b) -> a * 10 + b) % 2
                        == 0 ? CellState.CORRECT : CellState.WRONG));
        assertThat(results.records()).hasSize(40);
        assertThat(results.figures().rows()).singleElement().satisfies(r -> assertThat(r.correct()).isEqualTo(20));
    }

    /** Background work held until the test runs it (on the UI thread, as the real seam hands results back). */
    private static final class HeldTasks implements BackgroundTasks {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }
    }

    private static SweepRecord result(String problem, boolean correct) {
        return new SweepRecord(problem, "small", "tokens:8", "fixed", 0, "ok", correct ? "1" : "0", "1", correct,
                8, 2, 12L, null, "e", null);
    }

    @Test
    void changedCellsAreShownTogetherAtMostTenTimesASecondAndAtOnceWhenForced() throws Exception {
        SweepResults results = new SweepResults(new HeldTasks());
        SweepPlan plan = new SweepPlan(List.of(BenchProblem.of("p1", "q1", "1"), BenchProblem.of("p2", "q2", "1")),
                List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()), "m", "",
                null);
        java.util.function.Function<Integer, CellState> state = row -> results.rows().get(row).cells().getFirst()
                .state();
        OnFx.call(() -> {
            results.reset(plan);
            results.showRecords(List.of(result("p1", true)));
            results.flush(1_000_000_000L, false);
            return null;
        });
        assertThat(state.apply(0)).isEqualTo(CellState.CORRECT);
        OnFx.call(() -> {
            results.showRecords(List.of(result("p2", false)));
            results.flush(1_050_000_000L, false);
            return null;
        });
        assertThat(state.apply(1)).as("50 ms later: waits for the next showing").isEqualTo(CellState.PENDING);
        OnFx.call(() -> {
            results.flush(1_100_000_000L, false);
            return null;
        });
        assertThat(state.apply(1)).isEqualTo(CellState.WRONG);
        OnFx.call(() -> {
            results.showRecords(List.of(result("p1", false)));
            results.flush(1_110_000_000L, true);
            return null;
        });
        assertThat(state.apply(0)).as("forced: at once").isEqualTo(CellState.WRONG);
    }

    @Test
    void figuresAreWorkedOutInTheBackgroundWhileStreamingAndAtOnceWhenForced() throws Exception {
        HeldTasks held = new HeldTasks();
        SweepResults results = new SweepResults(held);
        SweepPlan plan = new SweepPlan(List.of(BenchProblem.of("p1", "q1", "1"), BenchProblem.of("p2", "q2", "1")),
                List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()), "m", "",
                null);
        OnFx.call(() -> {
            results.reset(plan);
            results.showRecords(List.of(result("p1", true)));
            results.flush(1_000_000_000L, false);
            return null;
        });
        assertThat(held.held).as("worked out on a background task").hasSize(1);
        assertThat(results.figures().records()).isEmpty();
        OnFx.call(() -> {
            results.showRecords(List.of(result("p2", false)));
            results.flush(2_000_000_000L, false);
            return null;
        });
        assertThat(held.held).as("one at a time: the next waits for the one in flight").hasSize(1);

        // the sweep ends: its figures are exact at once, and the older result still in flight is dropped
        OnFx.call(() -> {
            results.flush(2_100_000_000L, true);
            return null;
        });
        assertThat(results.figures().records()).hasSize(2);
        OnFx.call(() -> {
            held.held.removeFirst().run();
            return null;
        });
        assertThat(results.figures().records()).hasSize(2);
        assertThat(results.figures().rows()).singleElement().satisfies(r -> assertThat(r.accuracy()).isEqualTo(0.5));
    }
}
