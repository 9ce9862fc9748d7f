package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.Wilson;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import dev.thinkbench.testing.OnFx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary table never cuts a title or a number: a pane narrower than its columns scrolls sideways; the budget
 * column shows the label with the spec and its meaning in a tooltip; a local engine's cost reads free.
 */
@ExtendWith(ApplicationExtension.class)
class SummaryTableTest {

    private SummaryTable view;

    @Start
    void start(Stage stage) throws java.io.IOException {
        view = new SummaryTable();
        view.node().setMaxWidth(460);
        stage.setScene(new Scene(new StackPane(view.node()), 1240, 300));
        // a theme's header: bold, padded titles, larger than the cells (as AtlantaFX's)
        java.nio.file.Path css = java.nio.file.Files.createTempFile("header", ".css");
        java.nio.file.Files.writeString(css, ".column-header .label { -fx-font-weight: bold; -fx-font-size: 16px; "
                + "-fx-padding: 0 8 0 8; } .column-header { -fx-padding: 0 6 0 6; }");
        css.toFile().deleteOnExit();
        stage.getScene().getStylesheets().add(css.toUri().toString());
        stage.show();
    }

    private static SummaryRow row(String label, String budget, Double cost) {
        return new SummaryRow(label, budget, "majority", 454, 77, 77 / 454.0, new Wilson(0.14, 0.2), 55.7, 165.0,
                cost, 0, 0);
    }

    /** Every column title is shown whole, not cut with an ellipsis. */
    private void assertTitlesWhole() throws Exception {
        for (TableColumn<SummaryTable.Line, ?> c : view.table().getColumns()) {
            Label header = (Label) c.getGraphic();
            Text shown = OnFx.call(() -> (Text) header.lookup(".text"));
            assertThat(shown).as("column %s is drawn", header.getText()).isNotNull();
            assertThat(shown.getText()).as("column %s", header.getText()).isEqualTo(header.getText());
        }
    }

    @Test
    void aNarrowPaneScrollsSidewaysInsteadOfCuttingColumns(FxRobot robot) throws Exception {
        OnFx.call(() -> {
            view.show(new SweepFigures(List.of(), List.of(row("small", "force:min=0,max=8,waits=0,wait=Wait", 0.0),
                    row("large", "force:min=56,max=256,waits=1,wait=Wait", 0.0123)), List.of(), Map.of()));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertTitlesWhole();
        ScrollBar sideways = robot.lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertThat(sideways.isVisible()).as("the table scrolls sideways").isTrue();

        OnFx.call(() -> {
            view.node().setMaxWidth(1200);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sideways.isVisible()).as("a wide pane holds every column").isFalse();
        assertTitlesWhole();
        double filled = view.table().getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(filled).as("the columns fill the pane").isGreaterThan(1160);

        assertThat(SummaryTable.budgetTip(view.table().getItems().getFirst().row()))
                .isEqualTo("force:min=0,max=8,waits=0,wait=Wait\nforce \u2264 8 tokens");
        assertThat(SummaryTable.budgetTip(row("mixed", "mixed", null))).isEqualTo("mixed");
        assertThat(SummaryTable.cost(view.table().getItems().getFirst().row())).isEqualTo("free");
        assertThat(SummaryTable.cost(view.table().getItems().getLast().row())).isEqualTo("$0.0123");
        assertThat(SummaryTable.cost(row("x", "none", null))).isEqualTo("\u2013");
    }
}
