package dev.thinkbench.engine.local.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds GGUF models other tools already downloaded, so the built-in engine can run them without a second copy:
 * Ollama's store ({@code ~/.ollama/models}, or {@code $OLLAMA_MODELS}: manifests name the blob holding each model's
 * weights) and LM Studio's folders ({@code ~/.lmstudio/models}, {@code ~/.cache/lm-studio/models}). Each file is
 * inspected, so a model the engine cannot run (an architecture the pinned llama.cpp does not know, a file it
 * refuses) is listed with its reason. Blocks on file I/O.
 */
public final class ExternalModels {

    static final String OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model";
    private static final String OLLAMA_DEFAULT_REGISTRY = "registry.ollama.ai";
    private static final int MAX_DEPTH = 6;

    private final Path home;
    private final Map<String, String> env;
    private final ObjectMapper json = new ObjectMapper();

    /** @param home the user's home folder; {@code env} supplies {@code OLLAMA_MODELS} */
    public ExternalModels(Path home, Map<String, String> env) {
        this.home = home;
        this.env = Map.copyOf(env);
    }

    /** Looks in the current user's home with the process environment. */
    public static ExternalModels forCurrentUser() {
        return new ExternalModels(Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** Ollama's and LM Studio's models, Ollama first. */
    public List<LocalModel> all() {
        List<LocalModel> all = new ArrayList<>(ollama());
        all.addAll(lmStudio());
        return all;
    }

    /** Ollama's models, named like {@code ollama run} names them ({@code deepseek-r1:1.5b}). */
    public List<LocalModel> ollama() {
        String override = env.get("OLLAMA_MODELS");
        Path root = override != null && !override.isBlank() ? Path.of(override) : home.resolve(".ollama/models");
        Path manifests = root.resolve("manifests");
        List<LocalModel> models = new ArrayList<>();
        for (Path manifest : files(manifests)) {
            Path blob = modelBlob(root, manifest);
            if (blob != null) {
                String name = ollamaName(manifests.relativize(manifest));
                models.add(LocalModel.inspect(blob, LocalModel.Source.OLLAMA, name + " (Ollama)"));
            }
        }
        return models;
    }

    private Path modelBlob(Path root, Path manifest) {
        try {
            JsonNode layers = json.readTree(manifest.toFile()).path("layers");
            for (JsonNode layer : layers) {
                if (OLLAMA_MODEL_LAYER.equals(layer.path("mediaType").asText())) {
                    String digest = layer.path("digest").asText();
                    if (!digest.matches("sha256:[0-9a-f]{64}")) {
                        return null;
                    }
                    Path blob = root.resolve("blobs").resolve(digest.replace(':', '-'));
                    return Files.isRegularFile(blob) ? blob : null;
                }
            }
        } catch (IOException notAManifest) {
            // a stray file among the manifests: not a model
        }
        return null;
    }

    /** {@code registry.ollama.ai/library/deepseek-r1/1.5b} becomes {@code deepseek-r1:1.5b}. */
    static String ollamaName(Path relative) {
        int n = relative.getNameCount();
        if (n < 2) {
            return relative.toString();
        }
        String model = relative.getName(n - 2) + ":" + relative.getName(n - 1);
        List<String> prefix = new ArrayList<>();
        for (int i = 0; i < n - 2; i++) {
            prefix.add(relative.getName(i).toString());
        }
        if (prefix.size() == 2 && prefix.get(0).equals(OLLAMA_DEFAULT_REGISTRY) && prefix.get(1).equals("library")) {
            return model;
        }
        if (!prefix.isEmpty() && prefix.getFirst().equals(OLLAMA_DEFAULT_REGISTRY)) {
            prefix.removeFirst();
        }
        prefix.add(model);
        return String.join("/", prefix);
    }

    /** LM Studio's GGUF files (vision projectors excluded), named {@code publisher/repo/file}. */
    public List<LocalModel> lmStudio() {
        List<LocalModel> models = new ArrayList<>();
        for (Path root : List.of(home.resolve(".lmstudio/models"), home.resolve(".cache/lm-studio/models"))) {
            for (Path file : files(root)) {
                String name = file.getFileName().toString().toLowerCase();
                if (name.endsWith(".gguf") && !name.startsWith("mmproj")) {
                    String label = root.relativize(file).toString().replace('\\', '/');
                    models.add(LocalModel.inspect(file, LocalModel.Source.LM_STUDIO, label + " (LM Studio)"));
                }
            }
        }
        return models;
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            return walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
