package dev.thinkbench.ui.stepper;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the timeline is as tall as its wrapped text, also after the table got its rows at one width and was
 * then laid out at another (a session opened before the tab was shown, a window resized): the rows kept the height
 * of the first width, and the "Ended" cells read "model ended thi" or ran into the next row.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineTableTest {

    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private TableView<TimelineRow> table;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a stage of its own: this test resizes it, and the primary stage is shared with the tests that follow
        stage = new Stage();
        table = TimelineTable.of(rows);
        stage.setScene(new Scene(new StackPane(), 1200, 400));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.hide());
    }

    @Test
    void rowsAreAsTallAsTheirWrappedTextAfterTheWidthChanges(FxRobot robot) {
        String ended = "the model ended its thinking (</think>) and wrote its answer in full";
        robot.interact(() -> rows.setAll(List.of(
                new TimelineRow(1, "1", "think", "", 12, 40, 120L, ended),
                new TimelineRow(1, "2", "wait", "Wait", 8, 4, 80L, ended),
                new TimelineRow(1, "3", "answer", "", 5, 3, 40L, ended))));
        WaitForAsyncUtils.waitForFxEvents();
        // shown only now, as the Stepper tab after a session was opened from another tab
        robot.interact(() -> ((StackPane) stage.getScene().getRoot()).getChildren().add(table));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> stage.setWidth(660));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        List<javafx.scene.Node> shown = robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(r -> ((TableRow<?>) r).getItem() != null).toList();
        assertThat(shown).hasSize(3);
        for (javafx.scene.Node node : shown) {
            TableRow<?> row = (TableRow<?>) node;
            double textHeight = robot.from(row).lookup(".timeline-cell-text").queryAllAs(Text.class).stream()
                    .mapToDouble(t -> t.getLayoutBounds().getHeight()).max().orElseThrow();
            assertThat(textHeight).as("wrapped onto lines").isGreaterThan(30);
            assertThat(row.getHeight()).as("row %s holds its text", row.getIndex()).isGreaterThanOrEqualTo(textHeight);
        }
        var endedColumn = table.getColumns().getLast();
        double right = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertThat(right).as("the last column ends inside the table").isLessThanOrEqualTo(table.getWidth());
        assertThat(endedColumn.getWidth()).as("and takes what the others leave").isGreaterThan(table.getWidth() - 40
                - table.getColumns().stream().limit(table.getColumns().size() - 1).mapToDouble(c -> c.getWidth()).sum());
    }

    @Test
    void theInsertedCellShowsTheShortFormAndTheWholeTextOnHover(FxRobot robot) {
        String whole = "<|end|><|start|>assistant<|channel|>final<|message|>Final Answer:";
        robot.interact(() -> {
            rows.setAll(List.of(new TimelineRow(1, "A", "answer", TimelineRows.compact(whole), 2, 1, 40L,
                    "model ended its answer", whole)));
            ((StackPane) stage.getScene().getRoot()).getChildren().add(table);
        });
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.TableCell<?, ?> cell = robot.from(table).lookup(".table-cell").queryAllAs(
                javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn() == table.getColumns().get(3) && c.getItem() != null)
                .findFirst().orElseThrow();
        Text text = robot.from(cell).lookup(".timeline-cell-text").queryAs(Text.class);
        assertThat(text.getText()).isEqualTo("final channel + Final Answer:");
        assertThat(cell.getTooltip().getText()).isEqualTo(whole);
        assertThat(cell.getHeight()).as("a few lines, not a tall narrow column").isLessThan(80);
    }

    @Test
    void aLongEndingStopsAtTwoLinesWithAnEllipsisAndReadsWholeOnHover(FxRobot robot) {
        String whole = "model ended thinking (</think>; the server ignored the stop string, cut here)";
        robot.interact(() -> {
            rows.setAll(List.of(new TimelineRow(1, "1", "think", "", 12, 40, 120L, whole)));
            ((StackPane) stage.getScene().getRoot()).getChildren().add(table);
            stage.setWidth(660);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.TableCell<?, ?> cell = robot.from(table).lookup(".table-cell").queryAllAs(
                javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn() == table.getColumns().getLast() && c.getItem() != null)
                .findFirst().orElseThrow();
        Text text = robot.from(cell).lookup(".timeline-cell-text").queryAs(Text.class);
        Text one = new Text("X");
        one.setFont(text.getFont());
        assertThat(text.getText()).startsWith("model ended").endsWith("\u2026");
        assertThat(text.getLayoutBounds().getHeight()).as("two lines: %s", text.getText())
                .isLessThan(2.5 * one.getLayoutBounds().getHeight());
        assertThat(cell.getTooltip().getText()).isEqualTo(whole);
    }
}
