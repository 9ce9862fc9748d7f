package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A column's numbers: a value wider than its tile takes a smaller font instead of being cut. */
@ExtendWith(ApplicationExtension.class)
class MetricsStripTest {

    private MetricsStrip strip;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        strip = new MetricsStrip();
        strip.allShownProperty().set(false); // one row of three: thinking, total, cost
        holder = new StackPane(strip);
        // a fifth of a 1280-pixel window, as a column of best-of-5 has
        holder.setMaxWidth(190);
        StackPane root = new StackPane(holder);
        stage.setScene(new Scene(root, 600, 200));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    private static RunMetrics costing(String usd) {
        return new RunMetrics(TokenCount.reported(12), TokenCount.counted(60), TokenCount.counted(10), 30L, 4940L,
                4900L, 5760L, 12.2, new Money(new BigDecimal(usd), "USD", "estimate"), 0, null, 5650L);
    }

    /** The text the cost tile shows as drawn (an ellipsis where it is cut). */
    private String costDrawn(FxRobot robot) {
        Label value = robot.lookup(".stat-value").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith("$")).findFirst().orElseThrow();
        return ((Text) value.lookup(".text")).getText();
    }

    @Test
    void anEngineThatReportsOnlyItsWholeOutputShowsTheThinkingAsAtMostThatSum(FxRobot robot) {
        RunMetrics anthropic = new RunMetrics(TokenCount.reported(30), TokenCount.unknown(), TokenCount.unknown(),
                900L, 4900L, 4000L, 5700L, 150.0, new Money(new BigDecimal("0.012"), "USD", "list price"), 0, null,
                4800L, 812);
        robot.interact(() -> strip.show(anthropic));

        assertThat(strip.valueOf("Thinking")).isEqualTo("\u2264 812");
        assertThat(strip.explanationOf("Thinking")).contains("at most 812").contains("thinking and answer together");

        robot.interact(() -> strip.show(costing("0.00072")));
        assertThat(strip.valueOf("Thinking")).isEqualTo("60");
        assertThat(strip.explanationOf("Thinking")).contains("counted here");
    }

    @Test
    void aCostTooWideForItsTileIsShownWholeInASmallerFontAndGoesBackWhenThereIsRoom(FxRobot robot) {
        robot.interact(() -> strip.show(costing("0.00072")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(costDrawn(robot)).isEqualTo("$0.00072");
        assertThat(strip.tight("Cost")).isTrue();

        robot.interact(() -> holder.setMaxWidth(560));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(strip.tight("Cost")).as("room again").isFalse();
        assertThat(costDrawn(robot)).isEqualTo("$0.00072");
    }

    @Test
    void everyCaptionIsShownWholeWhenCaptionsGrowApartFromTheValues(FxRobot robot) {
        robot.interact(() -> {
            strip.allShownProperty().set(true);
            holder.setMaxWidth(430);
            strip.setStyle("-fx-font-size: 13px;");
            strip.show(costing("0.00072"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        // the captions' font grows, the strip's width stays
        robot.interact(() -> strip.lookupAll(".stat-caption").forEach(n -> n.setStyle("-fx-font-size: 17px;")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".stat-caption").queryAllAs(Label.class))
                .filteredOn(l -> l.getScene() != null && l.getParent().getParent() == strip)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(((Text) l.lookup(".text")).getText()).as("drawn")
                        .isEqualTo(l.getText()));
    }
}
