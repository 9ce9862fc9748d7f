package dev.thinkbench.ui.stepper;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

import java.util.function.Function;

/** The timeline as a table: branch, step, kind, inserted text, tokens, prompt tokens evaluated, time, how it ended. */
final class TimelineTable {

    private TimelineTable() {
    }

    static TableView<TimelineRow> of(ObservableList<TimelineRow> rows) {
        TableView<TimelineRow> table = new TableView<>(rows);
        table.setId("timelineTable");
        table.setPlaceholder(new Label("No steps yet: press Run"));
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getColumns().add(column("Branch", 72, TimelineRow::branchId));
        table.getColumns().add(column("#", 38, TimelineRow::step));
        table.getColumns().add(column("Step", 104, TimelineRow::kind));
        table.getColumns().add(column("Inserted", 84, TimelineRow::inserted));
        table.getColumns().add(column("Tokens", 72, TimelineRow::tokens));
        table.getColumns().add(column("Prompt", 72, r -> r.promptTokens() == null ? "\u2013"
                : r.promptTokens().toString()));
        table.getColumns().add(column("ms", 60, TimelineRow::millis));
        TableColumn<TimelineRow, String> ended = column("Ended", 180, TimelineRow::ended);
        ended.setMinWidth(80);
        ended.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // the column is often narrower than the reason; the tooltip has it whole
                setTooltip(empty || item == null ? null : Icons.tip(item));
            }
        });
        table.getColumns().add(ended);
        tip(table.getColumns().get(5), "Prompt tokens the engine evaluated for this step (a cached prefix costs "
                + "nothing)");
        // the last column takes what is left, so no column hides behind a scroll bar
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static void tip(TableColumn<TimelineRow, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setMinWidth(Region.USE_PREF_SIZE);
        header.setTooltip(Icons.tip(text));
        column.setText(null);
        column.setGraphic(header);
    }

    private static <T> TableColumn<TimelineRow, T> column(String title, double width, Function<TimelineRow, T> get) {
        TableColumn<TimelineRow, T> c = new TableColumn<>(title);
        // fixed, so the constrained policy never shortens a header to "Tok..."; "Ended" is the one that flexes
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(get.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
