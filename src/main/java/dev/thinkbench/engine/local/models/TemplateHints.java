package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.local.gguf.GgufFile;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the built-in chat template a model file is known to use, for the forcer to lay out prompts with: the models
 * bundled with Thinkbench are trained in {@value #CHATML_THINK}; a download catalog entry says its own (a DeepSeek-R1
 * distill family means {@value #DEEPSEEK_R1}); a file whose GGUF name or base name says it is a DeepSeek-R1 distill
 * (as Ollama's and LM Studio's copies do) gets {@value #DEEPSEEK_R1}; a {@code qwen3} file (or a Qwen3.5 or Qwen3-Next
 * one) gets {@value #QWEN3} and a {@code gpt-oss} one {@value #GPT_OSS}. Anything else is unknown, and the forcer may
 * fall back to the file's own Jinja template.
 *
 * <p>Immutable and thread-safe; {@link #forModel} blocks (it may read the file's header).
 */
public final class TemplateHints {

    /** The layout of the bundled models' training text (ChatML with {@code <think>}). */
    public static final String CHATML_THINK = "chatml-think";
    /** DeepSeek-R1's own layout, which its distills keep. */
    public static final String DEEPSEEK_R1 = "deepseek-r1";
    /** Qwen3 thinking models. */
    public static final String QWEN3 = "qwen3";
    /** gpt-oss, in OpenAI's harmony format. */
    public static final String GPT_OSS = "gpt-oss";

    /** DeepSeek-R1 distills, and DeepSeek-R1-0528-Qwen3 (a Qwen3 with DeepSeek-R1's tokenizer and template). */
    private static final Pattern R1_DISTILL = Pattern.compile("deepseek[-_ ]?r1[-_ ]?(distill|0528)");

    private final List<CatalogModel> catalog;
    private final BundledModels bundled;

    /**
     * @param catalog the download catalog (matched by file name)
     * @param bundled the models shipped with the app
     */
    public TemplateHints(List<CatalogModel> catalog, BundledModels bundled) {
        this.catalog = List.copyOf(catalog);
        this.bundled = bundled;
    }

    /** Knows nothing: every model is left to its own template or the forcer's default. */
    public static TemplateHints none() {
        return new TemplateHints(List.of(), BundledModels.none());
    }

    /** The template name for this file, empty when nothing is known about it. */
    public Optional<String> forModel(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (bundled.directory().filter(d -> d.equals(absolute.getParent())).isPresent()) {
            return Optional.of(CHATML_THINK);
        }
        String fileName = absolute.getFileName().toString();
        for (CatalogModel m : catalog) {
            if (m.fileName().equals(fileName)) {
                return ofCatalog(m);
            }
        }
        return fromMetadata(absolute);
    }

    private static Optional<String> ofCatalog(CatalogModel m) {
        if (m.chatTemplate() != null && !m.chatTemplate().isBlank()) {
            return Optional.of(m.chatTemplate().strip());
        }
        return isR1Distill(m.family()) ? Optional.of(DEEPSEEK_R1) : Optional.empty();
    }

    private static Optional<String> fromMetadata(Path file) {
        try {
            GgufFile gguf = GgufReader.read(file);
            boolean r1 = isR1Distill(gguf.string("general.name")) || isR1Distill(gguf.string("general.basename"))
                    || isR1Distill(file.getFileName().toString());
            if (r1) {
                return Optional.of(DEEPSEEK_R1);
            }
            return switch (String.valueOf(gguf.string("general.architecture"))) {
                // Qwen3.5 and Qwen3-Next think in Qwen3's layout (ChatML, <think>)
                case "qwen3", "qwen35", "qwen35moe", "qwen3next" -> Optional.of(QWEN3);
                case "gpt-oss" -> Optional.of(GPT_OSS);
                default -> Optional.empty();
            };
        } catch (GgufFormatException | IOException unreadable) {
            // the run reports the file's problem; nothing is known about its template
            return Optional.empty();
        }
    }

    private static boolean isR1Distill(String text) {
        return text != null && R1_DISTILL.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
