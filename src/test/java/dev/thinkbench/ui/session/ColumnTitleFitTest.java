package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four Compare columns in a 1280 x 720 window, headless, replayed from their start: each column's editable title
 * shares its header with a "waiting" badge and the cancel button. A title that does not fit ends in an ellipsis, with
 * the whole title in its tooltip, and keeps its budget's number readable (before, the text field cut "16 tokens" to
 * "16 toke" with nothing to say it was cut).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ColumnTitleFitTest {

    @TempDir
    static Path dir;

    private static final List<String> TITLES = List.of("8 tokens", "16 tokens", "32 tokens",
            "64 tokens, a title longer than any column is wide");

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 720));
        stage.show();
    }

    @Test
    void aTitleBesideTheBadgeEndsInAnEllipsisAndKeepsItsBudgetReadable(FxRobot robot) throws Exception {
        robot.interact(() -> window.view.viewModel().compare().addColumn());
        robot.interact(() -> {
            for (int i = 0; i < TITLES.size(); i++) {
                window.view.viewModel().compare().columns().get(i).labelProperty().set(TITLES.get(i));
            }
        });
        window.runAndFinish(robot);
        Path file = dir.resolve("ladder.json");
        window.saveWithKeys(robot, file);
        window.openWithKeys(robot, file);
        robot.interact(() -> window.sessions.replay().restart());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == ColumnState.WAITING));
        WaitForAsyncUtils.waitForFxEvents(4);
        robot.interact(() -> robot.lookup(".tab-pane").query().requestFocus()); // no title is being edited

        List<ColumnView> columns = window.columns();
        assertThat(columns).hasSize(4);
        for (int i = 0; i < columns.size(); i++) {
            ColumnView column = columns.get(i);
            String title = TITLES.get(i);
            TextField field = (TextField) column.lookup(".column-label");
            Text typed = (Text) field.lookup(".text");
            Bounds room = field.localToScene(field.getLayoutBounds());
            Bounds drawn = typed.localToScene(typed.getLayoutBounds());
            boolean typedShows = !Color.TRANSPARENT.equals(typed.getFill()) && typed.isVisible();
            assertThat(typedShows && drawn.getMaxX() > room.getMaxX() - 1)
                    .as("%s: the field's own text cut at its edge, with no ellipsis", title).isFalse();
            Label shown = (Label) column.lookup(".column-title");
            assertThat(shown).as("%s: the title as shown", title).isNotNull();
            assertThat(shown.isVisible()).as("%s shown while not edited", title).isTrue();
            String text = ((Text) shown.lookup(".text")).getText();
            if (!text.equals(title)) {
                assertThat(text).as("%s cut", title).endsWith(shown.getEllipsisString());
                assertThat(title).startsWith(text.substring(0, text.length() - shown.getEllipsisString().length()));
                assertThat(field.getTooltip().getText()).as("%s whole in the tooltip", title).contains(title);
            }
            // the number of the budget and its unit start readable beside the badge
            assertThat(text).as("%s readable", title).startsWith(title.substring(0, title.indexOf(' ') + 4));
        }
        assertThat(((Text) columns.get(1).lookup(".column-title").lookup(".text")).getText())
                .as("a short title whole beside its badge").isEqualTo("16 tokens");

        // to edit, the field shows its own text (the label over it goes)
        TextField field = (TextField) columns.getLast().lookup(".column-label");
        robot.interact(field::requestFocus);
        assertThat(columns.getLast().lookup(".column-title").isVisible()).as("the label over the field").isFalse();
        assertThat(((Text) field.lookup(".text")).getFill()).isNotEqualTo(Color.TRANSPARENT);
    }
}
