package dev.thinkbench.engine.local.gguf;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the UI shows about a validated model file.
 *
 * @param name {@code general.name}, else the file name without {@code .gguf}
 * @param parameterCount the sum of all tensors' elements
 * @param quantization the {@code general.file_type} name (e.g. {@code Q4_K_M}), else the tensor type holding most
 *                     bytes
 * @param contextLength the training context length, null if the file does not say
 * @param chatTemplate the Jinja chat template ({@code tokenizer.chat_template}), null if absent
 * @param sizeLabel {@code general.size_label} (e.g. {@code 1.5B}), null if absent
 */
public record GgufModelInfo(Path path, long fileSize, String name, String architecture, long parameterCount,
                            String quantization, Integer contextLength, String chatTemplate, String sizeLabel) {

    /** The parameter count for people: {@code 1.78B}, {@code 494M}, {@code 1.1M}, {@code 120K}. */
    public String parameterLabel() {
        return humanCount(parameterCount);
    }

    /** One line for lists: {@code DeepSeek R1 Distill Qwen 1.5B · qwen2 · 1.78B · Q4_K_M · 1.1 GB}. */
    public String summary() {
        return String.join(" \u00b7 ", name, architecture, parameterLabel(), quantization, humanBytes(fileSize));
    }

    static String humanCount(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, n < 10_000_000L ? "%.1fM" : "%.0fM", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format(Locale.ROOT, n < 10_000L ? "%.1fK" : "%.0fK", n / 1e3);
        }
        return Long.toString(n);
    }

    /** Bytes for people, in decimal units as download pages show them. */
    public static String humanBytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        if (bytes >= 1_000L) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
        }
        return bytes + " B";
    }
}
