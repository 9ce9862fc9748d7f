package dev.thinkbench.ui.session;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnView;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed column in a 1280 x 720 window, headless: its error box (the message, the partial thinking kept, Retry)
 * clamps a long message to a few lines with the whole of it in a tooltip, and the thinking it kept stays readable
 * (before, the box took the column's height and left the thinking box a sliver).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ColumnErrorFitTest {

    /** A server's long complaint, as a hosted engine's 400 with its JSON body reads. */
    static final String LONG_MESSAGE = "OpenAI-compatible server at http://127.0.0.1:8080/v1 refused the request "
            + "(HTTP 400): {\"error\":{\"message\":\"This model's maximum context length is 4096 tokens. However, "
            + "you requested 8192 tokens (137 in the messages, 8055 in the completion). Please reduce the length of "
            + "the messages or completion.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":"
            + "\"context_length_exceeded\"}} Check the budget and the model's context size in the engine bar.";

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir, ColumnErrorFitTest::script);
        stage.setScene(window.view.createScene(1280, 720));
        stage.show();
    }

    private static ScriptedTestEngine.Script script(RunSpec spec) {
        List<String> thinking = SessionWindow.LONG_THINKING.subList(0, 12);
        return ScriptedTestEngine.Script.of(thinking, List.of()).reporting(new Usage(137, 12, 12))
                .failing(FailureKind.BAD_REQUEST, LONG_MESSAGE);
    }

    @Test
    void aLongErrorIsClampedAndTheThinkingKeptStaysReadable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.view.viewModel().compare().canRunProperty().get());
        robot.interact(() -> window.view.viewModel().compare().run());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == ColumnState.FAILED));
        WaitForAsyncUtils.waitForFxEvents();

        for (ColumnView column : window.columns()) {
            Region thinking = (Region) column.lookup(".thinking-area");
            Label message = (Label) column.lookup(".error-text");
            Button retry = column.lookupAll(".error-box .button").stream().map(Button.class::cast).findFirst()
                    .orElseThrow();
            double line = message.getFont().getSize() * 1.3;
            assertThat(thinking.getHeight()).as("the thinking kept shows several lines")
                    .isGreaterThanOrEqualTo(4 * line);
            assertThat(message.getHeight()).as("the message clamped to a few lines").isLessThanOrEqualTo(4 * line);
            assertThat(message.getTooltip()).as("the whole message under the pointer").isNotNull();
            assertThat(message.getTooltip().getText()).contains(LONG_MESSAGE);
            assertThat(retry.isVisible()).isTrue();
            double retryBottom = retry.localToScene(retry.getLayoutBounds()).getMaxY();
            double columnBottom = column.localToScene(column.getLayoutBounds()).getMaxY();
            assertThat(retryBottom).as("Retry inside its column").isLessThanOrEqualTo(columnBottom);
        }
        var pane = window.view.compareView().columnsPane();
        assertThat(pane.getChildrenUnmodifiable()).as("the columns fit the window: no scroll bar of their own")
                .noneMatch(n -> n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible());
    }
}
