package dev.thinkbench.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the {@code assets/} folder: {@code -Dthinkbench.home}, then the working directory and its parents. */
public final class Assets {

    private Assets() {
    }

    public static Path locate() {
        String home = System.getProperty("thinkbench.home");
        if (home != null && Files.isDirectory(Path.of(home, "assets"))) {
            return Path.of(home, "assets").toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("assets/pricing.json"))) {
                return p.resolve("assets");
            }
        }
        return Path.of("assets").toAbsolutePath();
    }
}
