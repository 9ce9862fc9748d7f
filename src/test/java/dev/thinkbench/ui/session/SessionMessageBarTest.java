package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.RecentSessions;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.ui.WorkbenchFixture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The save/open message floats over the window's content: whatever it says, in either theme, nothing under it shows
 * through its text (the dark theme's subtle colours are see-through, and a problem's once had no layer under them).
 */
@ExtendWith(ApplicationExtension.class)
class SessionMessageBarTest {

    @TempDir
    static Path dir;

    private SessionViewModel sessions;
    private SessionMessageBar bar;

    @Start
    void start(Stage stage) throws Exception {
        SessionWindow window = new SessionWindow(dir);
        sessions = new SessionViewModel(window.view.viewModel().compare(), new SessionFile(), null,
                new RecentSessions(dir.resolve("r.json")), new WorkbenchFixture.SameThreadTasks(), Instant::now,
                () -> 0L);
        bar = new SessionMessageBar(sessions);
        stage.setScene(new Scene(new StackPane(bar), 800, 200));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @Stop
    void stop() {
        Application.setUserAgentStylesheet(null);
    }

    @Test
    void newsAndProblemsAreOpaqueInBothThemes(FxRobot robot) {
        for (String theme : List.of(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet(),
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet())) {
            for (boolean problem : List.of(true, false)) {
                robot.interact(() -> {
                    Application.setUserAgentStylesheet(theme);
                    if (problem) {
                        sessions.tellProblem("x.json is not a Thinkbench session.");
                    } else {
                        sessions.tellExported(dir.resolve("x.png"));
                    }
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> bar.applyCss());
                List<BackgroundFill> fills = bar.getBackground().getFills();
                assertThat(bar.getStyleClass().contains("problem")).isEqualTo(problem);
                assertThat(((Color) fills.getFirst().getFill()).getOpacity())
                        .as("%s, problem %s: the bottom layer hides what is under the bar", theme, problem)
                        .isEqualTo(1.0);
            }
        }
    }
}
