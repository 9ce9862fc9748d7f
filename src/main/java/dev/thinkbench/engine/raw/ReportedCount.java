package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;

/** Token counts a server reports in its JSON, where a count it did not send stays unknown (null), never 0. */
final class ReportedCount {

    private ReportedCount() {
    }

    /** The first of {@code values} that is an integer (servers differ in which field they fill), else null. */
    static Integer first(JsonNode... values) {
        for (JsonNode value : values) {
            if (value.isIntegralNumber()) {
                return value.asInt();
            }
        }
        return null;
    }
}
