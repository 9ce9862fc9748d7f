package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.Autosaves;
import dev.thinkbench.lab.session.RecentSessions;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.present.PresenterViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offer to restore an autosave wraps onto more lines in a narrow window instead of being cut off, even where the
 * columns below want every pixel of height.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsHeaderTest {

    @TempDir
    static Path dir;

    private VBox area;
    private final PresenterViewModel presenter = new PresenterViewModel();

    @Start
    void start(Stage stage) throws IOException {
        SessionWindow window = new SessionWindow(dir);
        Path folder = dir.resolve("sessions");
        new Autosaves(folder, 7, pid -> false, new SessionFile()).write(new Session(Instant.EPOCH, "",
                new RunSetup("p", "", "", "", "", null, null, null, null, null), List.of(), null, null));
        SessionViewModel sessions = new SessionViewModel(window.view.viewModel().compare(), new SessionFile(),
                new Autosaves(folder, 8, pid -> pid == 8, new SessionFile()), new RecentSessions(dir.resolve("r.json")),
                new WorkbenchFixture.SameThreadTasks(), Instant::now, () -> 0L);
        sessions.checkForLeftBehind();
        // as in the Compare tab at 1280x720: the header in the column area's VBox, above columns that want all the room
        VBox columns = new VBox();
        columns.setMinHeight(380);
        area = new VBox(new ColumnsHeader(sessions, presenter, Runnable::run), columns);
        stage.setScene(new Scene(area, 560, 400));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @Test
    void theRestoreOfferWrapsWhereTheWindowIsNarrow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        HBox offer = robot.lookup("#restoreOffer").queryAs(HBox.class);
        assertThat(offer.isVisible()).isTrue();
        Label text = (Label) offer.getChildren().getFirst();
        Text shown = (Text) text.lookup(".text");
        assertThat(text.getText()).contains("did not close normally");
        assertThat(shown.getText()).as("the whole offer, not cut with an ellipsis").isEqualTo(text.getText());
        assertThat(text.getHeight()).as("two lines or more").isGreaterThan(1.8 * shown.getFont().getSize());
    }

    @Test
    void theRestoreOfferIsTheSpeakersNotTheRoomsAndFoldsAwayWhilePresenting(FxRobot robot) {
        HBox offer = robot.lookup("#restoreOffer").queryAs(HBox.class);

        robot.interact(() -> presenter.togglePresenting(720));
        assertThat(offer.isVisible()).isFalse();
        assertThat(offer.isManaged()).as("the columns get its room").isFalse();

        robot.interact(() -> presenter.togglePresenting(720));
        assertThat(offer.isVisible()).as("still offered after the talk").isTrue();
    }
}
