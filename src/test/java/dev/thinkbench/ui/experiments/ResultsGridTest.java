package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import dev.thinkbench.lab.sweep.SweepPlan;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results grid keeps the problem columns in view while the run columns scroll sideways, and keeps the two sides'
 * rows level while they scroll up and down.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsGridTest {

    private final SweepResults results = new SweepResults();
    private ResultsGrid grid;
    private ResultsTable runs;

    @Start
    void start(Stage stage) {
        runs = new ResultsTable(results, key -> { }, (key, grade) -> { });
        grid = new ResultsGrid(new ProblemTable(results), runs);
        stage.setScene(new Scene(new StackPane(grid), 640, 360));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @Test
    void problemColumnsStayWhileRunsScrollSidewaysAndRowsStayLevel() throws Exception {
        List<BenchProblem> problems = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            problems.add(BenchProblem.of(String.format("p%02d", i), "q" + i, "1"));
        }
        List<Lane> lanes = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            lanes.add(new Lane("cap " + (1 << e), BudgetSpec.parse("tokens:" + (1 << e))));
        }
        OnFx.call(() -> {
            results.reset(new SweepPlan(problems, lanes, 1, List.of(new FixedStrategy()), "m", "", null));
            return null;
        });
        ProblemTable problemTable = grid.problems();
        double problemX = OnFx.call(() -> problemTable.localToScene(0, 0).getX());

        OnFx.call(() -> {
            runs.scrollTo(40);
            return null;
        });
        OnFx.call(() -> {
            runs.scrollToColumn(runs.getVisibleLeafColumns().getLast());
            return null;
        });
        OnFx.call(() -> null); // one more pulse: the linked flow follows
        OnFx.call(() -> null);

        ScrollBar sideways = OnFx.call(() -> runs.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()).findFirst().orElseThrow());
        assertThat(sideways.getValue()).as("the runs scrolled sideways").isGreaterThan(0);
        assertThat(OnFx.call(() -> problemTable.localToScene(0, 0).getX())).isEqualTo(problemX);

        // the same row on both sides sits at the same height
        TableColumn<ResultRow, ?> problemColumn = problemTable.leafColumns().getFirst();
        int checked = 0;
        for (String id : List.of("p40", "p42", "p45", "p50")) {
            Bounds left = OnFx.call(() -> rowCell(problemTable, problemColumn, id));
            Bounds right = OnFx.call(() -> rowCell(runs, runs.getVisibleLeafColumns().getLast(), id));
            if (left != null && right != null) {
                assertThat(left.getMinY()).as("row %s", id).isCloseTo(right.getMinY(),
                        org.assertj.core.data.Offset.offset(0.5));
                checked++;
            }
        }
        assertThat(checked).as("rows shown on both sides").isGreaterThan(0);

        // at the very end (the sideways bar takes a strip off the runs' height) and scrolled from the problems' side
        OnFx.call(() -> {
            runs.scrollTo(59);
            return null;
        });
        OnFx.call(() -> null);
        assertLevel(problemTable, runs, "p59");
        OnFx.call(() -> {
            ((javafx.scene.control.skin.VirtualFlow<?>) problemTable.lookup(".virtual-flow")).scrollPixels(-200);
            return null;
        });
        OnFx.call(() -> null);
        assertLevel(problemTable, runs, "p45");
    }

    @Test
    void zoomedToOneAndAHalfTheColumnsWidenAndProblemIdsAreNotCut() throws Exception {
        List<BenchProblem> problems = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            problems.add(BenchProblem.of(String.format("heldout-%04d", i), "q" + i, "1"));
        }
        OnFx.call(() -> {
            results.reset(new SweepPlan(problems, List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1,
                    List.of(new FixedStrategy()), "m", "", null));
            return null;
        });
        ProblemTable problemTable = grid.problems();
        // the theme's font (14 px), then as presenter mode zooms: the root's font at 150 %
        String base = css(".root { -fx-font-size: 14px; }");
        String zoom = css(".root { -fx-font-size: 21px; }");
        OnFx.call(() -> grid.getScene().getStylesheets().add(base));
        OnFx.call(() -> null);
        double runWidth = OnFx.call(() -> runs.getVisibleLeafColumns().getFirst().getWidth());
        double problemWidth = OnFx.call(() -> problemTable.leafColumns().getFirst().getWidth());
        assertThat(runWidth).as("a run column at the base size").isEqualTo(96);
        try {
            OnFx.call(() -> grid.getScene().getStylesheets().add(zoom));
            OnFx.call(() -> null);
            assertThat(OnFx.call(() -> runs.getVisibleLeafColumns().getFirst().getWidth())).isEqualTo(144);
            assertThat(OnFx.call(() -> problemTable.leafColumns().getFirst().getWidth()))
                    .isEqualTo(problemWidth * 1.5);
            List<String> shown = OnFx.call(() -> problemTable.lookupAll(".table-cell").stream()
                    .map(TableCell.class::cast).filter(c -> c.getText() != null && c.getText().startsWith("heldout"))
                    .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()).toList());
            assertThat(shown).as("the problem ids as drawn").isNotEmpty().allMatch(t -> t.matches("heldout-\\d{4}"));
        } finally {
            OnFx.call(() -> grid.getScene().getStylesheets().removeAll(zoom, base));
        }
        OnFx.call(() -> null);
    }

    @Test
    void longProblemIdsAreShownWhole() throws Exception {
        List<BenchProblem> problems = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            problems.add(BenchProblem.of("seed-strawberry-letters-" + i, "q" + i, "1"));
        }
        OnFx.call(() -> {
            results.reset(new SweepPlan(problems, List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1,
                    List.of(new FixedStrategy()), "m", "", null));
            return null;
        });
        OnFx.call(() -> null);
        List<String> shown = OnFx.call(() -> grid.problems().lookupAll(".table-cell").stream()
                .map(TableCell.class::cast).filter(c -> c.getText() != null && c.getText().startsWith("seed-"))
                .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()).toList());
        assertThat(shown).as("the problem ids as drawn").hasSize(4)
                .allMatch(t -> t.matches("seed-strawberry-letters-\\d"));
    }

    private static String css(String rules) {
        return "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(
                rules.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void assertLevel(ProblemTable problemTable, ResultsTable runTable, String id) throws Exception {
        Bounds left = OnFx.call(() -> rowCell(problemTable, problemTable.leafColumns().getFirst(), id));
        Bounds right = OnFx.call(() -> rowCell(runTable, runTable.getVisibleLeafColumns().getLast(), id));
        assertThat(left).as("%s on the problems' side", id).isNotNull();
        assertThat(right).as("%s on the runs' side", id).isNotNull();
        assertThat(left.getMinY()).as("row %s", id).isCloseTo(right.getMinY(), org.assertj.core.data.Offset.offset(0.5));
    }

    /** The scene bounds of the cell of row {@code id} in {@code column}, null when it is not shown. */
    private static Bounds rowCell(javafx.scene.control.TableView<ResultRow> table, TableColumn<ResultRow, ?> column,
                                  String id) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.isVisible() && c.getTableColumn() == column
                    && c.getTableRow() != null && c.getTableRow().getItem() instanceof ResultRow r
                    && r.problemId().equals(id)) {
                return c.localToScene(c.getLayoutBounds());
            }
        }
        return null;
    }
}
