package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Asks for files with the platform's file chooser, over the window of {@code owner}, starting in the folder used last
 * (at first {@code startFolder}). A name typed without its extension gets it. UI thread only.
 */
public final class ChooserFiles implements FileAsker {

    private final Node owner;
    private File folder;

    public ChooserFiles(Node owner, Path startFolder) {
        this.owner = owner;
        this.folder = startFolder == null ? null : startFolder.toFile();
    }

    @Override
    public Path saveAs(String title, String extension, String suggested) {
        FileChooser chooser = chooser(title, extension);
        chooser.setInitialFileName(suggested);
        File f = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f == null) {
            return null;
        }
        folder = f.getParentFile();
        String name = f.getName();
        return name.toLowerCase(Locale.ROOT).endsWith("." + extension) ? f.toPath()
                : f.toPath().resolveSibling(name + "." + extension);
    }

    @Override
    public Path open(String title, String extension) {
        File f = chooser(title, extension).showOpenDialog(owner.getScene() == null ? null
                : owner.getScene().getWindow());
        if (f == null) {
            return null;
        }
        folder = f.getParentFile();
        return f.toPath();
    }

    private FileChooser chooser(String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("files.filter", extension.toUpperCase(Locale.ROOT)),
                        "*." + extension),
                new FileChooser.ExtensionFilter(Messages.get("files.all"), "*"));
        if (folder != null && Files.isDirectory(folder.toPath())) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }
}
