package dev.thinkbench.lab.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRecordJson;

import java.util.ArrayList;
import java.util.List;

/**
 * The slot for an Experiments sweep's results: where its results file (JSON lines) is, and its result rows as written
 * there, one JSON object per finished run (problem, budget, strategy, sample, status, answer, correctness, tokens,
 * time, cost). The rows are kept as JSON so a session keeps whatever fields the sweep wrote; {@link #records()} reads
 * them back as the sweep's own record type. Immutable.
 *
 * @param resultsFile the sweep's results file as it was named when saved, null when the rows are all there is
 * @param rows the result rows, possibly none
 */
public record SweepResults(String resultsFile, List<JsonNode> rows) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepResults {
        rows = rows.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    }

    /** The slot for a sweep's latest results, each written as its results file writes it. */
    public static SweepResults of(String resultsFile, List<SweepRecord> records) {
        List<JsonNode> rows = new ArrayList<>();
        for (SweepRecord r : records) {
            try {
                rows.add(JSON.readTree(SweepRecordJson.line(r)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a sweep result did not read back as JSON", e);
            }
        }
        return new SweepResults(resultsFile, rows);
    }

    /**
     * The rows as the sweep's results.
     *
     * @throws IllegalArgumentException naming the first row that is not a sweep result
     */
    public List<SweepRecord> records() {
        List<SweepRecord> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                out.add(SweepRecordJson.parse(rows.get(i).toString()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("sweep row " + (i + 1) + " is not a sweep result: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }
}
