package dev.thinkbench.engine.hosted.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.hosted.RawEvents;

import java.util.List;

/**
 * The token counts of one Responses stream, from the {@code response.usage} of its final event
 * ({@code response.completed} or {@code response.incomplete}): {@code input_tokens} (with
 * {@code input_tokens_details.cached_tokens}, those read from OpenAI's prompt cache), {@code output_tokens} (reasoning
 * included) and {@code output_tokens_details.reasoning_tokens}. Read from the raw events because langchain4j turns a
 * missing count into 0. Stateless.
 */
final class ResponsesUsage {

    private ResponsesUsage() {
    }

    /** The counts of the final event, or null when it has none. */
    static Usage of(List<ServerSentEvent> events) {
        Usage found = null;
        for (ServerSentEvent e : events) {
            JsonNode usage = RawEvents.parse(e.data()).path("response").path("usage");
            if (usage.isObject()) {
                Integer input = RawEvents.count(usage, null, "input_tokens");
                Integer output = RawEvents.count(usage, null, "output_tokens");
                Integer reasoning = RawEvents.count(usage, null, "output_tokens_details", "reasoning_tokens");
                if (input != null || output != null) {
                    found = new Usage(input, output, reasoning,
                            RawEvents.count(usage, null, "input_tokens_details", "cached_tokens"));
                }
            }
        }
        return found;
    }
}
