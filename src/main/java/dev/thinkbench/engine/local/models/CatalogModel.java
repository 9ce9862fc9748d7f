package dev.thinkbench.engine.local.models;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A model the catalog offers for download.
 *
 * @param sizeBytes approximate size, for display and the free-space check
 * @param sha256 lower-case hex checksum published for the file, null when none is known (never invented)
 * @param chatTemplate the template id the forcer should use, e.g. {@code deepseek-r1}
 * @param notes what the file is good for, in English
 * @param translatedNotes the notes in other languages, by language code (e.g. {@code ko})
 */
public record CatalogModel(String id, String name, String family, String parameters, String quantization,
                           long sizeBytes, String license, URI url, String sha256, String chatTemplate,
                           boolean recommended, String notes, Map<String, String> translatedNotes) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,100}");

    public CatalogModel {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("catalog id must be lower-case letters, digits, '.', '_' or '-', was "
                    + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("catalog model " + id + " has no name");
        }
        if (url == null || !"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("catalog model " + id + " needs an http(s) URL, was " + url);
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("catalog model " + id + " has a malformed sha256: " + sha256);
            }
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("catalog model " + id + " has a negative size");
        }
        try {
            ModelFileNames.fromUrl(url, id + ".gguf");
        } catch (IllegalArgumentException unsafe) {
            throw new IllegalArgumentException("catalog model " + id + ": " + unsafe.getMessage(), unsafe);
        }
        notes = notes == null ? "" : notes;
        translatedNotes = translatedNotes == null ? Map.of() : Map.copyOf(translatedNotes);
    }

    /** A model whose notes are in English only. */
    public CatalogModel(String id, String name, String family, String parameters, String quantization,
                        long sizeBytes, String license, URI url, String sha256, String chatTemplate,
                        boolean recommended, String notes) {
        this(id, name, family, parameters, quantization, sizeBytes, license, url, sha256, chatTemplate, recommended,
                notes, Map.of());
    }

    /** The notes in {@code language} where the catalog has them, else in English. */
    public String notesIn(String language) {
        String translated = translatedNotes.get(language);
        return translated == null || translated.isBlank() ? notes : translated;
    }

    /** The file name the download gets: the URL's last path segment, decoded, checked plain when constructed. */
    public String fileName() {
        return ModelFileNames.fromUrl(url, id + ".gguf");
    }

    /** For lists: {@code DeepSeek-R1-Distill-Qwen-1.5B · Q4_K_M · 1.1 GB}. */
    public String label() {
        return name + " \u00b7 " + quantization + " \u00b7 "
                + dev.thinkbench.engine.local.gguf.GgufModelInfo.humanBytes(sizeBytes);
    }
}
