package dev.thinkbench.testing;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.ChatTemplateSource;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double: a {@link ScriptedTestBackend} for one named model that also tells a chat template, by name, as
 * Jinja text, or neither, and counts how often it was asked.
 */
public final class TemplateSourceTestBackend implements CompletionBackend, ChatTemplateSource {

    private final ScriptedTestBackend scripted;
    private final String model;
    private final String templateName;
    private final String jinja;
    private final AtomicInteger asked = new AtomicInteger();

    /**
     * @param templateName what {@link #chatTemplateName()} says, null for nothing
     * @param jinja what {@link #chatTemplate()} says, null for nothing
     */
    public TemplateSourceTestBackend(ScriptedTestBackend scripted, String model, String templateName, String jinja) {
        this.scripted = scripted;
        this.model = model;
        this.templateName = templateName;
        this.jinja = jinja;
    }

    /** How many times a template was asked for (by name or text). */
    public int timesAsked() {
        return asked.get();
    }

    @Override
    public Optional<String> chatTemplateName() {
        asked.incrementAndGet();
        return Optional.ofNullable(templateName);
    }

    @Override
    public Optional<String> chatTemplate() {
        asked.incrementAndGet();
        return Optional.ofNullable(jinja);
    }

    @Override
    public String id() {
        return "template-source-test";
    }

    @Override
    public String displayName() {
        return "template source test backend";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws dev.thinkbench.engine.EngineException {
        return scripted.complete(request, listener, cancel);
    }
}
