package dev.thinkbench.engine.local.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the download catalog ({@code assets/models/catalog.json}); an entry's {@code translations} give its notes in
 * other languages ({@code {"ko": {"notes": "..."}}}). A malformed entry fails the whole file with the
 * entry named, so a typo in the catalog is found at once rather than at download time. Stateless; blocks on I/O.
 */
public final class ModelCatalogFile {

    /** The asset path under {@code assets/}. */
    public static final String ASSET = "models/catalog.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Json(int schemaVersion, List<Entry> models) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, String name, String family, String parameters, String quantization, Long sizeBytes,
                 String license, String url, String sha256, String chatTemplate, Boolean recommended, String notes,
                 Map<String, Translation> translations) {
    }

    /** An entry's words in another language. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Translation(String notes) {
    }

    private ModelCatalogFile() {
    }

    /** Reads {@code assets/models/catalog.json} under {@code assetsDir}. */
    public static List<CatalogModel> load(Path assetsDir) throws IOException {
        return read(assetsDir.resolve(ASSET));
    }

    /** @throws IOException naming the file and the bad entry */
    public static List<CatalogModel> read(Path file) throws IOException {
        Json json = new ObjectMapper().readValue(file.toFile(), Json.class);
        if (json.schemaVersion() != 1) {
            throw new IOException(file + ": catalog schema version " + json.schemaVersion() + " is not supported");
        }
        List<CatalogModel> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry e : json.models() == null ? List.<Entry>of() : json.models()) {
            try {
                CatalogModel m = new CatalogModel(e.id(), e.name(), e.family(), e.parameters(), e.quantization(),
                        e.sizeBytes() == null ? 0 : e.sizeBytes(), e.license(), e.url() == null ? null
                        : URI.create(e.url()), e.sha256(), e.chatTemplate(), Boolean.TRUE.equals(e.recommended()),
                        e.notes(), translatedNotes(e));
                if (!ids.add(m.id())) {
                    throw new IllegalArgumentException("catalog id " + m.id() + " appears twice");
                }
                models.add(m);
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": " + bad.getMessage(), bad);
            }
        }
        return List.copyOf(models);
    }

    private static Map<String, String> translatedNotes(Entry e) {
        Map<String, String> out = new HashMap<>();
        if (e.translations() != null) {
            e.translations().forEach((language, t) -> {
                if (t != null && t.notes() != null) {
                    out.put(language, t.notes());
                }
            });
        }
        return out;
    }
}
