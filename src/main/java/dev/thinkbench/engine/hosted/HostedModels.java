package dev.thinkbench.engine.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of hosted models and their thinking knobs, {@code assets/hosted-models.json}, which users may edit when a
 * provider changes what a model accepts:
 * <pre>{@code
 * {"version":1,"models":[{"engine":"anthropic","model":"claude-sonnet-4-5*","name":"Claude Sonnet 4.5",
 *   "tokens":{"min":1024,"max":63999},"efforts":[],"off":true,"maxOutput":64000,"summary":true,
 *   "askForSummary":false,"tokensDeprecated":false,"knob":"budget_tokens ...","source":"... (2026)"}]}
 * }</pre>
 * A model matches its exact name first, then the longest prefix entry. A model the table does not know is sent as the
 * budget says and the provider's answer decides (see {@link BudgetRejection}).
 *
 * <p>Immutable; any thread.
 */
public final class HostedModels {

    private final List<HostedModel> models;

    public HostedModels(List<HostedModel> models) {
        this.models = models.stream()
                .sorted(Comparator.comparingInt((HostedModel m) -> m.pattern().length()).reversed())
                .toList();
    }

    public static HostedModels empty() {
        return new HostedModels(List.of());
    }

    /** @throws IOException naming the entry that is wrong */
    public static HostedModels read(InputStream in) throws IOException {
        JsonNode list = new ObjectMapper().readTree(in).path("models");
        if (!list.isArray()) {
            throw new IOException("hosted models file has no \"models\" list");
        }
        List<HostedModel> models = new ArrayList<>();
        for (JsonNode n : list) {
            try {
                models.add(entry(n));
            } catch (IllegalArgumentException e) {
                throw new IOException("hosted model entry " + n.path("model").asText("?") + " is wrong: "
                        + e.getMessage(), e);
            }
        }
        return new HostedModels(models);
    }

    private static HostedModel entry(JsonNode n) {
        String engine = n.path("engine").asText("");
        String pattern = n.path("model").asText("");
        if (engine.isBlank() || pattern.isBlank()) {
            throw new IllegalArgumentException("needs engine and model");
        }
        JsonNode t = n.path("tokens");
        HostedModel.TokenRange tokens = t.isObject()
                ? new HostedModel.TokenRange(t.path("min").asInt(), t.path("max").asInt()) : null;
        List<String> efforts = new ArrayList<>();
        n.path("efforts").forEach(e -> efforts.add(e.asText().toLowerCase(Locale.ROOT)));
        Integer maxOutput = n.path("maxOutput").isInt() ? n.get("maxOutput").asInt() : null;
        String source = (n.path("source").asText("") + " " + n.path("date").asText("")).strip();
        return new HostedModel(engine, pattern.toLowerCase(Locale.ROOT), n.path("name").asText(pattern), tokens,
                efforts, n.path("off").asBoolean(false), maxOutput, n.path("summary").asBoolean(false),
                n.path("askForSummary").asBoolean(false), n.path("tokensDeprecated").asBoolean(false),
                n.path("knob").asText(""), source);
    }

    /** The row for a model on an engine: exact name first, then the longest matching prefix. */
    public Optional<HostedModel> lookup(String engine, String model) {
        if (model == null) {
            return Optional.empty();
        }
        String m = model.strip().toLowerCase(Locale.ROOT);
        Optional<HostedModel> exact = models.stream()
                .filter(h -> h.engine().equals(engine) && h.pattern().equals(m)).findFirst();
        return exact.isPresent() ? exact
                : models.stream().filter(h -> h.engine().equals(engine) && h.matches(m)).findFirst();
    }

    /** The rows of one engine, longest pattern first. */
    public List<HostedModel> forEngine(String engine) {
        return models.stream().filter(h -> h.engine().equals(engine)).toList();
    }
}
