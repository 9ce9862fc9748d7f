package dev.thinkbench.ui.session;

import java.nio.file.Path;

/**
 * Asks the user for a file: a file chooser in the window, given paths in tests. Called on the UI thread; null when
 * the user cancelled.
 */
public interface FileAsker {

    /**
     * @param extension the file kind, e.g. {@code json}, {@code png}
     * @param suggested the file name to suggest
     */
    Path saveAs(String title, String extension, String suggested);

    Path open(String title, String extension);
}
