package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.Sampling;

/** Writes the sampling settings the user chose; unset ones are left out so the server's defaults apply. */
final class SamplingFields {

    private SamplingFields() {
    }

    static void put(ObjectNode target, Sampling sampling) {
        if (sampling.temperature() != null) {
            target.put("temperature", sampling.temperature());
        }
        if (sampling.topP() != null) {
            target.put("top_p", sampling.topP());
        }
        if (sampling.seed() != null) {
            target.put("seed", sampling.seed());
        }
    }
}
