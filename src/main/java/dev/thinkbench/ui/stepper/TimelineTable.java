package dev.thinkbench.ui.stepper;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The timeline as a table: branch, step, kind, inserted text, tokens, prompt tokens evaluated, time, how it ended. */
final class TimelineTable {

    private TimelineTable() {
    }

    static TableView<TimelineRow> of(ObservableList<TimelineRow> rows) {
        TableView<TimelineRow> table = new TableView<>(rows);
        table.setId("timelineTable");
        table.setPlaceholder(new javafx.scene.control.Label("No steps yet"));
        table.getColumns().add(column("Branch", 55, TimelineRow::branchId));
        table.getColumns().add(column("#", 35, TimelineRow::step));
        table.getColumns().add(column("Step", 110, TimelineRow::kind));
        table.getColumns().add(column("Inserted", 120, TimelineRow::inserted));
        table.getColumns().add(column("Tokens", 65, TimelineRow::tokens));
        table.getColumns().add(column("Prompt eval", 80, r -> r.promptTokens() == null ? "\u2013"
                : r.promptTokens().toString()));
        table.getColumns().add(column("ms", 60, TimelineRow::millis));
        table.getColumns().add(column("Ended", 260, TimelineRow::ended));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    private static <T> TableColumn<TimelineRow, T> column(String title, double width, Function<TimelineRow, T> get) {
        TableColumn<TimelineRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(get.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
