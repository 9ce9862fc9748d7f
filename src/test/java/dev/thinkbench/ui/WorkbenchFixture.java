package dev.thinkbench.ui;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.lab.samples.SamplePrompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Test wiring for the workbench: services around a given engine, the repository's samples, simple presets. */
public final class WorkbenchFixture {

    private WorkbenchFixture() {
    }

    /**
     * The workbench with the OpenAI-compatible engine pointed at {@code server} and the app's own budget presets, as a
     * user who chose that engine sees it (not shown: the caller puts it in a scene).
     */
    public static WorkbenchView openAiCompatible(dev.thinkbench.testing.OpenAiChatTestServer server) throws IOException {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry(
                dev.thinkbench.engine.compat.OpenAiCompatEngine.ID, "OpenAI-compatible", server.baseUrl().toString(),
                dev.thinkbench.engine.compat.OpenAiCompatEngine::new));
        BudgetPresets presets;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of("assets/budget-presets.json"))) {
            presets = BudgetPresets.read(in);
        }
        return dev.thinkbench.app.WorkbenchFactory.create(services(registry, presets), new FxBackgroundTasks(),
                dev.thinkbench.lab.settings.Settings.defaults());
    }

    /** Services with one engine kind {@code id} made by {@code engine}, and small / medium / large presets. */
    public static WorkbenchServices services(String id, String displayName, ReasoningEngine engine) {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry(id, displayName,
                "http://127.0.0.1:11434", config -> engine));
        BudgetPresets presets = new BudgetPresets(Map.of(id, List.of(
                new BudgetPresets.Preset("small", new Budget.None(), "thinking off"),
                new BudgetPresets.Preset("medium", budget("effort:low"), "low effort"),
                new BudgetPresets.Preset("large", budget("effort:high"), "high effort"))));
        return services(registry, presets);
    }

    public static WorkbenchServices services(EngineRegistry registry, BudgetPresets presets) {
        return services(registry, presets, PriceTable.empty());
    }

    /** Services over {@code registry} with {@code presets} and {@code prices}. */
    public static WorkbenchServices services(EngineRegistry registry, BudgetPresets presets, PriceTable prices) {
        List<SamplePrompt> samples = samples();
        return new WorkbenchServices() {
            @Override
            public EngineRegistry engines() {
                return registry;
            }

            @Override
            public BudgetPresets presets() {
                return presets;
            }

            @Override
            public PriceTable prices() {
                return prices;
            }

            @Override
            public List<SamplePrompt> samples() {
                return samples;
            }

            @Override
            public UnaryOperator<String> environment() {
                return name -> null;
            }
        };
    }

    private static Budget budget(String spec) {
        return dev.thinkbench.core.BudgetSpec.parse(spec);
    }

    /** The repository's sample prompts. */
    public static List<SamplePrompt> samples() {
        try {
            return SamplePrompts.read(Path.of("samples/prompts.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs background work on the calling thread: deterministic view-model tests without a toolkit. */
    public static final class SameThreadTasks implements BackgroundTasks {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    }
}
