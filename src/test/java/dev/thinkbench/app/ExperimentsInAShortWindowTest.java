package dev.thinkbench.app;

import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Experiments tab in a 1280x720 window (a projector): its charts take the height beside the results table. The
 * short window's rule that folds Compare's charts once matched them too, and they showed as a blank strip.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsInAShortWindowTest {

    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Messages.setLocale(Locale.ENGLISH);
        AppContext context = AppHome.create(Files.createTempDirectory("thinkbench-short")).launch(name -> null);
        context.settings().update(s -> s.withWelcomeSeen());
        window = MainWindow.create(context, tasks);
        stage.setScene(window.view().createScene(1280, 720));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get(30, TimeUnit.SECONDS);
        tasks.shutdown();
    }

    @Test
    void theChartsFillTheHeightBesideTheResults() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.view().selectTab(MainWindow.EXPERIMENTS)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds[] bounds = WaitForAsyncUtils.asyncFx(() -> {
            Node charts = window.view().getScene().getRoot().lookup("#chartTabs");
            Node results = window.view().getScene().getRoot().lookup("#resultsTable");
            return new Bounds[] {charts.localToScene(charts.getLayoutBounds()),
                    results.localToScene(results.getLayoutBounds())};
        }).get(30, TimeUnit.SECONDS);
        Bounds charts = bounds[0];
        Bounds results = bounds[1];
        assertThat(charts.getHeight()).as("the chart tabs' height, the results table's %.0f", results.getHeight())
                .isGreaterThan(results.getHeight() / 2);
        assertThat(charts.getMinY()).as("the chart tabs start at the top of their side")
                .isLessThan(results.getMinY() + 40);
    }

    @Test
    void whatStartWillRunStaysInSightAboveStartWhereverTheFormIsScrolled() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.view().selectTab(MainWindow.EXPERIMENTS)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Object[] seen = WaitForAsyncUtils.asyncFx(() -> {
            Node root = window.view().getScene().getRoot();
            javafx.scene.control.Label plan = (javafx.scene.control.Label) root.lookup(".plan-text");
            Node start = root.lookup("#startSweep");
            Bounds planBounds = plan.localToScene(plan.getLayoutBounds());
            Bounds startBounds = start.localToScene(start.getLayoutBounds());
            boolean inScroll = false;
            for (Node n = plan; n != null; n = n.getParent()) {
                inScroll |= n instanceof javafx.scene.control.ScrollPane;
            }
            return new Object[] {plan.getText(), planBounds, startBounds, inScroll,
                    plan.getHeight() >= plan.prefHeight(plan.getWidth()) - 0.5};
        }).get(30, TimeUnit.SECONDS);
        assertThat((String) seen[0]).endsWith("runs");
        assertThat((Boolean) seen[3]).as("the plan line is not scrolled away with the form").isFalse();
        assertThat(((Bounds) seen[1]).getMaxY()).as("just above Start").isLessThanOrEqualTo(((Bounds) seen[2]).getMinY());
        assertThat((Boolean) seen[4]).as("wrapped whole, not elided").isTrue();
    }
}
