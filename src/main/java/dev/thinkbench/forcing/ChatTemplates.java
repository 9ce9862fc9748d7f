package dev.thinkbench.forcing;

import dev.thinkbench.engine.ChatTemplateSource;
import dev.thinkbench.engine.EngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in chat templates and the ways to get others: a Jinja file, or the model's own template from the server
 * or GGUF. Names are case-sensitive; an unknown one gets a message listing the known ones.
 */
public final class ChatTemplates {

    /** DeepSeek-R1 distills, QwQ, the built-in micro model: ChatML, thinking in {@code <think>...</think>}. */
    public static final ChatTemplate CHATML_THINK = new MarkupTemplate("chatml-think",
            "ChatML with <think>...</think> (DeepSeek-R1 distills, QwQ, Qwen3, the built-in micro model)",
            "<|im_start|>system\n", "<|im_end|>\n", "<|im_start|>user\n",
            "<|im_end|>\n<|im_start|>assistant\n", "<think>\n", "</think>", "</think>\n", "<|im_end|>");

    /** DeepSeek-R1's own template (the BOS token is left to the server's tokenizer). */
    public static final ChatTemplate DEEPSEEK_R1 = new MarkupTemplate("deepseek-r1",
            "DeepSeek-R1: <\uFF5CUser\uFF5C>...<\uFF5CAssistant\uFF5C><think>",
            "", "", "<\uFF5CUser\uFF5C>", "<\uFF5CAssistant\uFF5C>", "<think>\n", "</think>", "</think>\n\n",
            "<\uFF5Cend\u2581of\u2581sentence\uFF5C>");

    /** s1 / s1.1: Qwen ChatML, thinking between {@code <|im_start|>think} and {@code <|im_start|>answer}. */
    public static final ChatTemplate S1 = new MarkupTemplate("s1",
            "s1 / s1.1 (Qwen ChatML; <|im_start|>think ... <|im_start|>answer)",
            "<|im_start|>system\n", "<|im_end|>\n", "<|im_start|>user\n",
            "<|im_end|>\n<|im_start|>assistant\n", "<|im_start|>think\n", "<|im_start|>", "<|im_start|>answer\n",
            "<|im_end|>");

    /**
     * Qwen3 thinking models (and DeepSeek-R1-0528-Qwen3, SmolLM3 with thinking on): ChatML, {@code <think>\n} opens the
     * thinking, and the answer follows {@code </think>} after a blank line, as Qwen3's own template writes it.
     */
    public static final ChatTemplate QWEN3 = new MarkupTemplate("qwen3",
            "Qwen3 thinking models: ChatML, <think>\n...\n</think> then a blank line (also DeepSeek-R1-0528-Qwen3)",
            "<|im_start|>system\n", "<|im_end|>\n", "<|im_start|>user\n",
            "<|im_end|>\n<|im_start|>assistant\n", "<think>\n", "</think>", "</think>\n\n", "<|im_end|>");

    /**
     * gpt-oss (OpenAI's harmony format): the analysis channel is the thinking; ending it closes the channel and opens
     * {@code final}.
     */
    public static final ChatTemplate GPT_OSS = new HarmonyTemplate("gpt-oss",
            "gpt-oss (harmony): thinking on the analysis channel, the answer on final", "medium");

    /**
     * The built-in templates' names, for a command's help (a constant, as help text must be; a test keeps it equal to
     * {@link #builtIns()}).
     */
    public static final String NAMES = "chatml-think, deepseek-r1, s1, qwen3, gpt-oss";

    private static final Map<String, ChatTemplate> BUILT_IN = new LinkedHashMap<>();

    static {
        for (ChatTemplate t : List.of(CHATML_THINK, DEEPSEEK_R1, S1, QWEN3, GPT_OSS)) {
            BUILT_IN.put(t.name(), t);
        }
    }

    private ChatTemplates() {
    }

    public static List<ChatTemplate> builtIns() {
        return List.copyOf(BUILT_IN.values());
    }

    /** @throws IllegalArgumentException naming the known templates */
    public static ChatTemplate named(String name) {
        ChatTemplate t = BUILT_IN.get(name == null ? "" : name.strip());
        if (t == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        return t;
    }

    /**
     * A built-in by name, else a Jinja template read from the file {@code nameOrFile}.
     *
     * @param markers the thinking markers for a file template (built-ins have their own)
     * @throws IllegalArgumentException for an unknown name, an unreadable file or a template that does not render
     */
    public static ChatTemplate resolve(String nameOrFile, TemplateMarkers markers) {
        if (nameOrFile != null && BUILT_IN.containsKey(nameOrFile.strip())) {
            return BUILT_IN.get(nameOrFile.strip());
        }
        Path file = nameOrFile == null || nameOrFile.isBlank() ? null : Path.of(nameOrFile.strip());
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(unknown(nameOrFile));
        }
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            return new JinjaChatTemplate(file.getFileName().toString(), source, markers);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read chat template file " + file + ": " + e.getMessage());
        }
    }

    /**
     * The model's own template, from a server or GGUF that carries one (blocks: call off the UI thread).
     *
     * @return empty when the source has none
     */
    public static Optional<ChatTemplate> fromModel(ChatTemplateSource source, TemplateMarkers markers)
            throws EngineException {
        Optional<String> text = source.chatTemplate();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JinjaChatTemplate("model", text.get(), markers));
    }

    private static String unknown(String name) {
        return "unknown chat template '" + name + "' (known: " + String.join(", ", BUILT_IN.keySet())
                + "; or the path of a Jinja template file)";
    }
}
