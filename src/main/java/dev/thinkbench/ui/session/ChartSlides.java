package dev.thinkbench.ui.session;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.compare.ChartsPane;
import dev.thinkbench.ui.compare.ColumnFigures;
import dev.thinkbench.ui.present.PresenterControls;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Compare tab's charts as a slide-sized PNG (1920 x 1080): the same chart views the window shows, laid out
 * off-screen under a title and snapshotted, in the window's look (light, dark or high contrast) or a light print look.
 * FX thread only.
 */
public final class ChartSlides {

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    /** How the slide looks. */
    public enum Look {
        LIGHT, DARK, HIGH_CONTRAST;

        /** The light look, for print and most slide decks. */
        public static Look print() {
            return LIGHT;
        }
    }

    private ChartSlides() {
    }

    /** The slide as PNG bytes. */
    public static byte[] png(List<ColumnFigures> figures, String costNote, String title, String subtitle, Look look) {
        Scene scene = laidOut(figures, costNote, title, subtitle, look);
        WritableImage image = scene.snapshot(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the charts as PNG", e);
        }
        return out.toByteArray();
    }

    /** The slide's scene, styled and laid out, ready for its picture; package-private for tests. */
    static Scene laidOut(List<ColumnFigures> figures, String costNote, String title, String subtitle, Look look) {
        Label heading = new Label(title);
        heading.getStyleClass().add("slide-title");
        Label sub = new Label(subtitle);
        sub.setWrapText(true);
        sub.getStyleClass().add("slide-subtitle");
        sub.setMaxHeight(120);
        ChartsPane charts = new ChartsPane(figures, costNote);
        VBox slide = new VBox(16, heading, sub, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        slide.setPadding(new Insets(48, 56, 40, 56));
        slide.getStyleClass().add("chart-slide");
        Scene scene = new Scene(slide, WIDTH, HEIGHT);
        scene.setUserAgentStylesheet(look == Look.LIGHT ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        scene.getStylesheets().add(WorkbenchView.STYLESHEET);
        if (look == Look.HIGH_CONTRAST) {
            scene.getStylesheets().add(PresenterControls.HIGH_CONTRAST);
        }
        charts.setForAudience(true);
        slide.applyCss();
        charts.fitNow(); // the note's place, in ems of the slide's font: before the picture, not after it
        slide.layout();
        return scene;
    }
}
