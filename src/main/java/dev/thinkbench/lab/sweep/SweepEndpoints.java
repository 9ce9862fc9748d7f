package dev.thinkbench.lab.sweep;

import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.forcing.RawEngines;
import dev.thinkbench.forcing.TemplateChooser;
import dev.thinkbench.lab.strategy.RawAccess;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoints of a sweep, as the command line ({@code --base-url}) and the Experiments tab choose them: one per base
 * URL (the engine's default when none is given), each with its own engine and, for raw-continuation engines, the raw
 * backend and template adaptive thinking forks with. Creating them never contacts a server. Stateless; any thread.
 */
public final class SweepEndpoints {

    /**
     * Concurrency when none is given for the built-in engine: its host batches concurrent runs continuously (one
     * decode per step for all of them), so several at once multiply throughput; 8 leaves half its sequences to keep
     * the traces of the runs just finished cached for the next budgets of their prompts. At most
     * {@link LocalCompletionBackend#MAX_SEQUENCES}; a constant, so the command line's help can name it.
     */
    public static final int BUILTIN_CONCURRENCY = 8;
    /** Concurrency per server when none is given. */
    public static final int SERVER_CONCURRENCY = 4;

    private SweepEndpoints() {
    }

    /**
     * @param entry the engine kind, from the one engine registry
     * @param urls the base URLs given, empty for the engine's default
     * @param template a template name or file for raw engines, null for the engine's own choice
     * @param concurrency per endpoint, null for the default
     * @throws IllegalArgumentException for an unknown engine, a bad URL, a template on a chat engine, or base URLs
     *                                  on the built-in engine
     */
    public static List<Endpoint> build(EngineRegistry.Entry entry, String model, List<String> urls, String apiKey,
                                       String apiKeyEnv, Duration timeout, String template, Integer concurrency) {
        String engineId = entry.id();
        boolean raw = entry.continuesRawText();
        boolean builtin = LocalCompletionBackend.ID.equals(engineId);
        if (builtin && !urls.isEmpty()) {
            throw new IllegalArgumentException("the built-in engine runs here and takes no --base-url");
        }
        if (template != null && !raw) {
            throw new IllegalArgumentException("--template applies only to raw-continuation engines; '" + engineId
                    + "' applies the server's own chat template");
        }
        int perEndpoint = concurrency != null ? concurrency : builtin ? BUILTIN_CONCURRENCY : SERVER_CONCURRENCY;
        List<String> targets = urls.isEmpty() ? java.util.Collections.singletonList(entry.defaultBaseUrl()) : urls;
        List<Endpoint> endpoints = new ArrayList<>();
        for (String url : targets) {
            EngineConfig config = new EngineConfig(entry.id(), url == null ? null : URI.create(url), apiKey, timeout,
                    apiKeyEnv);
            ReasoningEngine engine = template == null ? entry.factory().create(config)
                    : RawEngines.create(entry, config, TemplateChooser.forOption(template));
            RawAccess access = raw ? rawAccess(entry, url, apiKey, apiKeyEnv, model, timeout, template, engine) : null;
            String name = builtin ? engineId : url == null ? engineId : url;
            endpoints.add(new Endpoint(name, engine, access, perEndpoint));
        }
        return endpoints;
    }

    /**
     * The tokens of context the endpoints' model is loaded with, where the engine loads it here: the built-in
     * engine's, as its settings or {@code --context} ask for it (not the size llama.cpp may round it up to once
     * loaded, so a sweep says the same whether or not its model was loaded when it started), else what the raw
     * backend reports; null for an engine with a server (it sets its own) or without raw access.
     */
    public static Integer contextSize(List<Endpoint> endpoints) {
        if (endpoints.isEmpty() || endpoints.getFirst().raw() == null) {
            return null;
        }
        CompletionBackend backend = endpoints.getFirst().raw().backend();
        if (backend instanceof LocalCompletionBackend local) {
            return local.settings().contextSize();
        }
        java.util.OptionalInt reported = backend.contextSize();
        return reported.isPresent() ? reported.getAsInt() : null;
    }

    private static RawAccess rawAccess(EngineRegistry.Entry entry, String url, String apiKey, String apiKeyEnv,
                                       String model, Duration timeout, String template, ReasoningEngine engine) {
        CompletionBackend backend = entry.backend(entry.backendSpec(url, apiKey, model, timeout, apiKeyEnv));
        ChatTemplate chosen = engine instanceof ForcingReasoningEngine forcing ? forcing.templates().choose(model, backend)
                : ChatTemplates.CHATML_THINK;
        return new RawAccess(backend, chosen);
    }
}
