package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Asks for files with the platform's file chooser, over the window of {@code owner}, starting in the folder used last;
 * before any, Open starts in {@code openFolder} (the sample sessions) and Save in {@code saveFolder} (the user's own,
 * made when first needed: saving into the app's samples put the user's files inside the app). A name typed without
 * its extension gets it. UI thread only.
 */
public final class ChooserFiles implements FileAsker {

    private final Node owner;
    private final Path openFolder;
    private final java.util.function.Supplier<Path> saveFolder;
    private File folder;

    /**
     * @param openFolder where Open starts before a folder was used, null for the platform's choice
     * @param saveFolder where Save starts before a folder was used (made if missing), null for the platform's choice
     */
    public ChooserFiles(Node owner, Path openFolder, java.util.function.Supplier<Path> saveFolder) {
        this.owner = owner;
        this.openFolder = openFolder;
        this.saveFolder = saveFolder == null ? () -> null : saveFolder;
    }

    @Override
    public Path saveAs(String title, String extension, String suggested) {
        FileChooser chooser = chooser(title, extension, start(true));
        chooser.setInitialFileName(suggested);
        File f = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f == null) {
            return null;
        }
        used(f.toPath());
        return withExtension(f.toPath(), extension);
    }

    /**
     * {@code file} ending in {@code .extension} once: added when missing, and a doubled one taken off (the dialog
     * selects the suggested name without its extension, so "name.json" typed over it became "name.json.json").
     */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        String dot = "." + extension;
        while (name.toLowerCase(Locale.ROOT).endsWith(dot + dot)) {
            name = name.substring(0, name.length() - dot.length());
        }
        return file.resolveSibling(name.toLowerCase(Locale.ROOT).endsWith(dot) ? name : name + dot);
    }

    @Override
    public Path open(String title, String extension) {
        File f = chooser(title, extension, start(false)).showOpenDialog(
                owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f == null) {
            return null;
        }
        used(f.toPath());
        return f.toPath();
    }

    /** Where a dialog starts: the folder used last, else Open's or Save's own (Save's made if missing). */
    Path start(boolean saving) {
        return folder != null ? folder.toPath() : saving ? made(saveFolder.get()) : openFolder;
    }

    /** Remembers the folder of a file chosen: the next dialog starts there. */
    void used(Path file) {
        folder = file.toAbsolutePath().getParent().toFile();
    }

    private static Path made(Path dir) {
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException | SecurityException e) {
                return null; // the platform's choice, then
            }
        }
        return dir;
    }

    private FileChooser chooser(String title, String extension, Path start) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("files.filter", extension.toUpperCase(Locale.ROOT)),
                        "*." + extension),
                new FileChooser.ExtensionFilter(Messages.get("files.all"), "*"));
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser;
    }
}
