package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The slot for an Experiments sweep's results: where its results file (JSON lines) is, and its result rows as written
 * there, one JSON object per finished run (problem, budget, strategy, sample, status, answer, correctness, tokens,
 * time, cost). The rows are kept as JSON so a session keeps whatever fields the sweep wrote; the Experiments tab reads
 * them back with its own record type. Immutable.
 *
 * @param resultsFile the sweep's results file as it was named when saved, null when the rows are all there is
 * @param rows the result rows, possibly none
 */
public record SweepResults(String resultsFile, List<JsonNode> rows) {

    public SweepResults {
        rows = rows.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    }
}
