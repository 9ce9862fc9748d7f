package dev.thinkbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine kinds this build offers, by id, in the order the UI lists them. */
public final class EngineRegistry {

    /** One engine kind. */
    public record Entry(String id, String displayName, String defaultBaseUrl, EngineFactory factory) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public EngineRegistry register(Entry entry) {
        entries.put(entry.id(), entry);
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** @throws IllegalArgumentException naming the known ids */
    public Entry get(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown engine '" + id + "' (known: "
                    + String.join(", ", entries.keySet()) + ")");
        }
        return e;
    }
}
