package dev.thinkbench.ui.common;

import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the bundled Inter font (SIL OFL 1.1, see {@code fonts/LICENSE-Inter.txt}) so the workbench looks the same on
 * every machine. If a file cannot be read the stylesheet falls back to the system font. Call once, on any thread,
 * after the toolkit started.
 */
public final class Fonts {

    private static final System.Logger LOG = System.getLogger(Fonts.class.getName());
    private static final String[] FILES = {"Inter-Regular.otf", "Inter-Bold.otf", "Inter-Italic.otf"};
    private static volatile boolean loaded;

    private Fonts() {
    }

    public static void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream("/dev/thinkbench/ui/fonts/" + file)) {
                if (in == null || Font.loadFont(in, 13) == null) {
                    LOG.log(System.Logger.Level.WARNING, "font " + file + " not loaded; using the system font");
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "font " + file + " not loaded: " + e.getMessage());
            }
        }
    }
}
