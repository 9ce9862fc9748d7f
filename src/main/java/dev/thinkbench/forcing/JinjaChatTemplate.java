package dev.thinkbench.forcing;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.thinkbench.core.SpecialTokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat template in Jinja (Hugging Face style: {@code messages}, {@code add_generation_prompt}, {@code bos_token},
 * {@code eos_token}), rendered with Jinjava the way transformers does ({@code trim_blocks}, {@code lstrip_blocks},
 * {@code raise_exception}). The rendered generation prompt is followed by the thinking start marker unless it already
 * ends with it. Rendering happens locally; the template is checked when built so a broken one fails early, with the
 * renderer's message. Immutable and thread-safe (a new renderer per call).
 */
public final class JinjaChatTemplate implements ChatTemplate {

    private final String name;
    private final String source;
    private final TemplateMarkers markers;

    /**
     * @param name what to call it, e.g. the file name or {@code model}
     * @throws IllegalArgumentException when the template does not render a simple conversation
     */
    public JinjaChatTemplate(String name, String source, TemplateMarkers markers) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("chat template '" + name + "' is empty");
        }
        this.name = name;
        this.source = source;
        this.markers = markers;
        prompt("system check", "user check");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Jinja chat template '" + name + "', thinking ends at " + markers.thinkingEnd();
    }

    @Override
    public String prompt(String system, String user) {
        List<Map<String, Object>> messages = new ArrayList<>();
        if (system != null && !system.isEmpty()) {
            messages.add(Map.of("role", "system", "content", escape(system)));
        }
        messages.add(Map.of("role", "user", "content", escape(user)));
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("messages", messages);
        bindings.put("add_generation_prompt", true);
        bindings.put("enable_thinking", true);
        bindings.put("bos_token", "");
        bindings.put("eos_token", markers.endOfTurn());
        String rendered = render(bindings);
        String start = markers.thinkingStart();
        if (start.isEmpty() || rendered.endsWith(start)) {
            return rendered;
        }
        String bare = start.strip();
        if (!bare.isEmpty() && rendered.stripTrailing().endsWith(bare)) {
            // The template opens thinking itself; only the trailing newline may differ.
            return rendered.stripTrailing() + start.substring(start.indexOf(bare) + bare.length());
        }
        return rendered + start;
    }

    private String render(Map<String, Object> bindings) {
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withMaxOutputSize(4_000_000)
                .withLegacyOverrides(LegacyOverrides.newBuilder().withUsePyishObjectMapper(true)
                        .withParseWhitespaceControlStrictly(true).withUseTrimmingForNotesAndExpressions(true).build())
                .build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                JinjaFunctions.class, "raiseException", String.class));
        RenderResult result = jinjava.renderForResult(source, bindings);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new IllegalArgumentException("chat template '" + name + "' does not render: "
                        + raisedMessage(error).orElse(error.getMessage())
                        + (error.getLineno() > 0 ? " (line " + error.getLineno() + ")" : ""));
            }
        }
        return result.getOutput();
    }

    /** The template's own words when it called {@code raise_exception}. */
    private static java.util.Optional<String> raisedMessage(TemplateError error) {
        for (Throwable t = error.getException(); t != null; t = t.getCause()) {
            if (t instanceof TemplateRaised raised) {
                return java.util.Optional.of(raised.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String thinkingEnd() {
        return markers.thinkingEnd();
    }

    @Override
    public String answerOpening() {
        return markers.answerOpening();
    }

    @Override
    public String endOfTurn() {
        return markers.endOfTurn();
    }

    @Override
    public String escape(String text) {
        return SpecialTokens.escape(text, markers.thinkingStart(), markers.thinkingEnd(), markers.endOfTurn());
    }

    /** Functions Hugging Face templates call. Public for Jinjava's reflection only. */
    public static final class JinjaFunctions {
        private JinjaFunctions() {
        }

        /** Jinja's {@code raise_exception(msg)}: stops rendering with the template's message. */
        public static String raiseException(String message) {
            throw new TemplateRaised(message);
        }
    }

    /** What {@code raise_exception} throws, so its message can be found again. */
    private static final class TemplateRaised extends RuntimeException {
        TemplateRaised(String message) {
            super(message);
        }
    }
}
