package dev.thinkbench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-engine small / medium / large budgets from {@code assets/budget-presets.json}, which users may edit:
 * {@code {"version":1,"engines":{"ollama":[{"label":"small","budget":"none","means":"thinking off"},...]}}}.
 */
public final class BudgetPresets {

    /** One preset column: its label, budget and what that means on the engine. */
    public record Preset(String label, Budget budget, String means) {
    }

    private final Map<String, List<Preset>> byEngine;

    public BudgetPresets(Map<String, List<Preset>> byEngine) {
        this.byEngine = Map.copyOf(byEngine);
    }

    /** @throws IOException naming the engine and entry that do not parse */
    public static BudgetPresets read(InputStream in) throws IOException {
        JsonNode engines = new ObjectMapper().readTree(in).path("engines");
        if (!engines.isObject()) {
            throw new IOException("budget presets file has no \"engines\" object");
        }
        Map<String, List<Preset>> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : engines.properties()) {
            List<Preset> presets = new ArrayList<>();
            for (JsonNode p : e.getValue()) {
                try {
                    presets.add(new Preset(p.path("label").asText(), BudgetSpec.parse(p.path("budget").asText()),
                            p.path("means").asText("")));
                } catch (IllegalArgumentException ex) {
                    throw new IOException("budget preset for " + e.getKey() + " is wrong: " + ex.getMessage(), ex);
                }
            }
            map.put(e.getKey(), List.copyOf(presets));
        }
        return new BudgetPresets(map);
    }

    /** The presets for an engine id, empty when the file names none. */
    public List<Preset> forEngine(String engineId) {
        return byEngine.getOrDefault(engineId, List.of());
    }

    /**
     * The presets for a model on an engine: an entry keyed {@code engine:model-file-name} (e.g.
     * {@code builtin:micro-reasoner.gguf}) wins over the engine's own, so a tiny model and a 7B model on the same engine
     * get budgets that suit them.
     */
    public List<Preset> forModel(String engineId, String model) {
        String key = presetKey(engineId, model);
        return key.equals(engineId) ? forEngine(engineId) : byEngine.get(key);
    }

    /**
     * The key whose presets {@link #forModel} uses: {@code engine:file} when that entry exists, else the longest
     * {@code engine:prefix*} whose prefix starts the file name (hosted model families such as
     * {@code gemini:gemini-2.5-pro*}), else the engine.
     */
    public String presetKey(String engineId, String model) {
        if (model != null && !model.isBlank()) {
            String file = java.nio.file.Path.of(model.strip()).getFileName().toString();
            if (byEngine.containsKey(engineId + ":" + file)) {
                return engineId + ":" + file;
            }
            String family = engineId + ":";
            String best = null;
            for (String key : byEngine.keySet()) {
                if (key.startsWith(family) && key.endsWith("*")
                        && file.startsWith(key.substring(family.length(), key.length() - 1))
                        && (best == null || key.length() > best.length())) {
                    best = key;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return engineId;
    }

    /** The presets as comparison lanes. */
    public List<Lane> lanes(String engineId) {
        return forEngine(engineId).stream().map(p -> new Lane(p.label(), p.budget())).toList();
    }

    /** The presets for a model as comparison lanes (see {@link #forModel}). */
    public List<Lane> lanes(String engineId, String model) {
        return forModel(engineId, model).stream().map(p -> new Lane(p.label(), p.budget())).toList();
    }
}
