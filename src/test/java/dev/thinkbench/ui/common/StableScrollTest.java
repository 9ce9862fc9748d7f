package dev.thinkbench.ui.common;

import dev.thinkbench.testing.OnFx;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A note appearing under a scrolled form leaves what the form shows where it was; without it, the form slides. */
@ExtendWith(ApplicationExtension.class)
class StableScrollTest {

    private ScrollPane kept;
    private ScrollPane plain;
    private Label keptNote;
    private Label plainNote;

    private static Region tall() {
        Region r = new Region();
        r.setPrefSize(200, 1000);
        return r;
    }

    @Start
    void start(Stage stage) {
        kept = new ScrollPane(tall());
        plain = new ScrollPane(tall());
        keptNote = new Label();
        plainNote = new Label();
        // as the form's: as tall as the room left, the note below at its full height
        kept.setPrefViewportHeight(50);
        plain.setPrefViewportHeight(50);
        StableScroll.keepOffset(kept);
        VBox left = new VBox(kept, keptNote);
        VBox right = new VBox(plain, plainNote);
        VBox.setVgrow(kept, Priority.ALWAYS);
        VBox.setVgrow(plain, Priority.ALWAYS);
        stage.setScene(new Scene(new javafx.scene.layout.HBox(left, right), 440, 400));
        stage.show();
    }

    @Test
    void aNoteBelowTheFormKeepsTheFormWhereItWas() throws Exception {
        OnFx.call(() -> {
            kept.setVvalue(0.5);
            plain.setVvalue(0.5);
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double keptBefore = OnFx.call(() -> StableScroll.offset(kept));
        double plainBefore = OnFx.call(() -> StableScroll.offset(plain));
        double viewportBefore = OnFx.call(() -> kept.getViewportBounds().getHeight());
        OnFx.call(() -> {
            keptNote.setText("one\ntwo\nthree\nfour\nfive");
            plainNote.setText("one\ntwo\nthree\nfour\nfive");
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(OnFx.call(() -> kept.getViewportBounds().getHeight())).as("the viewport lost height")
                .isLessThan(viewportBefore - 20);
        assertThat(OnFx.call(() -> StableScroll.offset(kept))).isCloseTo(keptBefore, within(1.0));
        assertThat(OnFx.call(() -> StableScroll.offset(plain))).as("a plain scroll pane slides")
                .isNotCloseTo(plainBefore, within(10.0));
    }
}
