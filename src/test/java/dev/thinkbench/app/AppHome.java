package dev.thinkbench.app;

import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.testing.TinyGguf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Test fixture: an app installation in a temporary folder, with the repository's presets, prices, catalog, lessons
 * and samples, and a tiny GGUF (greedy: {@code Let x=2.}, then {@code  x=2.} after a Wait, {@code 4} after the answer
 * prefix) standing in for the bundled micro model; plus its own config and data folders.
 */
record AppHome(Path root) {

    static AppHome create(Path root) throws IOException {
        Path assets = root.resolve("assets");
        Files.createDirectories(assets.resolve("models"));
        for (String file : new String[] {"budget-presets.json", "pricing.json", "hosted-models.json",
                "models/catalog.json"}) {
            Files.copy(Path.of("assets").resolve(file), assets.resolve(file));
        }
        TinyGguf.writeForChat(assets.resolve("models").resolve(BundledModels.MICRO));
        copyTree(Path.of("assets/lessons"), assets.resolve("lessons"));
        Files.createDirectories(root.resolve("samples"));
        Files.copy(Path.of("samples/prompts.json"), root.resolve("samples/prompts.json"));
        Files.createDirectories(root.resolve("data/models"));
        return new AppHome(root);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    Path config() {
        return root.resolve("config");
    }

    Path data() {
        return root.resolve("data");
    }

    Path settingsFile() {
        return config().resolve(AppContext.SETTINGS_FILE);
    }

    /** A fresh launch over this installation, reading keys from {@code environment}. */
    AppContext launch(UnaryOperator<String> environment) {
        return AppContext.create(root.resolve("assets"), config(), data(), environment);
    }
}
