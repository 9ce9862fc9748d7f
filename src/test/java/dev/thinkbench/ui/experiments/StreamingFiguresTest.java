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
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
 * keeping its tick marks while points move within its range, and the figures worked out on a background task whose
 * stale result a forced refresh drops.
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

    private <T> T fx(Callable<T> work) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(work).get();
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    @Test
    void aCurveKeepsItsSeriesAndPointsAsValuesChangeAndABudgetIsAdded() throws Exception {
        IntervalChart chart = tokens.chart();
        XYChart.Series<Number, Number> first = fx(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 10, 1), row("b", 40, 2))));
            return chart.getData().getFirst();
        });
        XYChart.Data<Number, Number> point = first.getData().getFirst();

        fx(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 12, 2), row("b", 40, 2), row("c", 90, 4))));
            return null;
        });
        assertThat(chart.getData()).singleElement().isSameAs(first);
        assertThat(first.getData()).hasSize(3).first().isSameAs(point);
        assertThat(point.getXValue().doubleValue()).isEqualTo(12);
        assertThat(point.getYValue().doubleValue()).isEqualTo(50);
        assertThat(first.getData().getLast().getXValue().doubleValue()).isEqualTo(90);

        fx(() -> {
            ChartSeries.show(chart, List.of(curve("majority", row("a", 12, 2))));
            return null;
        });
        assertThat(chart.getData()).singleElement().isNotSameAs(first)
                .satisfies(s -> assertThat(s.getName()).isEqualTo("majority"));
    }

    @Test
    void theLogAxisKeepsItsTickMarksWhilePointsMoveWithinItsRange() throws Exception {
        IntervalChart chart = tokens.chart();
        fx(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 10, 1), row("b", 40, 2))));
            return null;
        });
        LogAxis x = (LogAxis) chart.getXAxis();
        double top = x.getUpperBound();
        Axis.TickMark<Number> tick = fx(() -> x.getTickMarks().getLast());

        fx(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 11, 2), row("b", 42, 3))));
            return null;
        });
        assertThat(x.getUpperBound()).isEqualTo(top);
        assertThat(x.getTickMarks().getLast()).as("the same tick mark, not one made anew").isSameAs(tick);

        fx(() -> {
            ChartSeries.show(chart, List.of(curve("fixed", row("a", 11, 2), row("b", 4000, 3))));
            return null;
        });
        assertThat(x.getUpperBound()).as("a point past the top moves it").isGreaterThan(4000);
        assertThat(x.getTickMarks().getLast()).isNotSameAs(tick);
    }

    @Test
    void newMeasuresChangeTheTextOfTheSameCells() throws Exception {
        MeasuresTable table = fx(() -> {
            MeasuresTable t = new MeasuresTable();
            ((StackPane) tokens.node().getParent()).getChildren().setAll(t);
            return t;
        });
        java.util.function.Function<Double, SweepFigures> withPerformance = p -> new SweepFigures(List.of(), List.of(),
                List.of(new dev.thinkbench.lab.sweep.ScalingMeasures("fixed", 1.0, 2.0, 3.0, p, null)),
                java.util.Map.of());
        fx(() -> {
            table.show(withPerformance.apply(0.5));
            return null;
        });
        assertThat(table.valueAt("Performance", 0)).isEqualTo("50%");
        List<javafx.scene.Node> cells = fx(() -> List.copyOf(table.lookupAll(".table-cell")));
        assertThat(cells).isNotEmpty();

        fx(() -> {
            table.show(withPerformance.apply(0.75));
            return null;
        });
        assertThat(table.valueAt("Performance", 0)).isEqualTo("75%");
        assertThat(fx(() -> List.copyOf(table.lookupAll(".table-cell")))).as("the same cells, not made anew")
                .containsExactlyInAnyOrderElementsOf(cells);
        assertThat(fx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "75%".equals(c.getText()))
                .count())).isEqualTo(1L);
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
                8, 2, 12L, null, "e", null, false);
    }

    @Test
    void changedCellsAreShownTogetherAtMostTenTimesASecondAndAtOnceWhenForced() throws Exception {
        SweepResults results = new SweepResults(new HeldTasks());
        SweepPlan plan = new SweepPlan(List.of(BenchProblem.of("p1", "q1", "1"), BenchProblem.of("p2", "q2", "1")),
                List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()), "m", "",
                null);
        java.util.function.Function<Integer, CellState> state = row -> results.rows().get(row).cells().getFirst()
                .state();
        fx(() -> {
            results.reset(plan);
            results.showRecords(List.of(result("p1", true)));
            results.flush(1_000_000_000L, false);
            return null;
        });
        assertThat(state.apply(0)).isEqualTo(CellState.CORRECT);
        fx(() -> {
            results.showRecords(List.of(result("p2", false)));
            results.flush(1_050_000_000L, false);
            return null;
        });
        assertThat(state.apply(1)).as("50 ms later: waits for the next showing").isEqualTo(CellState.PENDING);
        fx(() -> {
            results.flush(1_100_000_000L, false);
            return null;
        });
        assertThat(state.apply(1)).isEqualTo(CellState.WRONG);
        fx(() -> {
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
        fx(() -> {
            results.reset(plan);
            results.showRecords(List.of(result("p1", true)));
            results.flush(1_000_000_000L, false);
            return null;
        });
        assertThat(held.held).as("worked out on a background task").hasSize(1);
        assertThat(results.figures().records()).isEmpty();
        fx(() -> {
            results.showRecords(List.of(result("p2", false)));
            results.flush(2_000_000_000L, false);
            return null;
        });
        assertThat(held.held).as("one at a time: the next waits for the one in flight").hasSize(1);

        // the sweep ends: its figures are exact at once, and the older result still in flight is dropped
        fx(() -> {
            results.flush(2_100_000_000L, true);
            return null;
        });
        assertThat(results.figures().records()).hasSize(2);
        fx(() -> {
            held.held.removeFirst().run();
            return null;
        });
        assertThat(results.figures().records()).hasSize(2);
        assertThat(results.figures().rows()).singleElement().satisfies(r -> assertThat(r.accuracy()).isEqualTo(0.5));
    }
}
