package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.PrimerLight;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Charts as images sized for slides: a fresh copy of a figure view is laid out alone in a {@value #WIDTH} x
 * {@value #HEIGHT} scene in the light theme with large type and drawn ({@link #render}, UI thread); the view model
 * writes the PNG files in the background.
 */
final class ChartExport {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;

    private ChartExport() {
    }

    /**
     * Draws {@code copy} (a fresh view for export: {@link FigureView#exportViews}) for {@code figures} at slide
     * size, without its controls ({@link FigureView#exportNode}); UI thread.
     */
    static BufferedImage render(FigureView copy, SweepFigures figures, String subtitle, List<String> stylesheets) {
        copy.show(figures);
        Region node = copy.exportNode();
        StackPane root = new StackPane(node);
        root.getStyleClass().add("chart-export");
        root.setPadding(new Insets(28));
        root.setStyle("-fx-background-color: white; -fx-font-size: 22px;");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(stylesheets);
        // the sweep's name under every figure's title (it was under one of them only)
        javafx.scene.chart.Chart chart = node instanceof javafx.scene.chart.Chart c ? c
                : (javafx.scene.chart.Chart) node.lookup(".chart");
        if (chart != null && subtitle != null && !subtitle.isBlank()) {
            chart.setTitle(chart.getTitle() + "\n" + subtitle);
        }
        root.applyCss();
        root.layout();
        // a chart lays out its plot on the pulse after its axes: run layout until it settles
        root.applyCss();
        root.layout();
        WritableImage image = root.snapshot(new SnapshotParameters(), null);
        return SwingFXUtils.fromFXImage(image, null);
    }

}
