package dev.thinkbench.engine.hosted.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.hosted.RawEvents;

import java.util.List;

/**
 * The token counts of one Anthropic stream, read from its raw events: {@code input_tokens} from
 * {@code message_start}, the cumulative {@code output_tokens} from the last event that has one (thinking included,
 * since thinking is billed as output), and {@code output_tokens_details.thinking_tokens} where the API reports the
 * thinking part apart (newer API versions, on the final {@code message_delta}). Anthropic's {@code input_tokens} leaves
 * out the prompt tokens read from or written to its prompt cache ({@code cache_read_input_tokens},
 * {@code cache_creation_input_tokens}): the prompt tokens are the three together, of which the cache reads are the
 * cached ones. (A cache write is billed above the input rate; no such rate is in the price table, so it is costed at
 * the input rate.)
 *
 * <p>Why raw events: langchain4j's {@code AnthropicTokenUsage} turns a missing count into 0, which would be a fake
 * number, and ignores {@code thinking_tokens}. Stateless.
 */
final class AnthropicUsage {

    private AnthropicUsage() {
    }

    /** The counts the stream reported, or null when it reported none. */
    static Usage of(List<ServerSentEvent> events) {
        Integer input = null;
        Integer output = null;
        Integer thinking = null;
        Integer cacheRead = null;
        Integer cacheWrite = null;
        for (ServerSentEvent e : events) {
            JsonNode event = RawEvents.parse(e.data());
            JsonNode usage = event.has("message") ? event.path("message").path("usage") : event.path("usage");
            if (usage.isObject()) {
                input = RawEvents.count(usage, input, "input_tokens");
                output = RawEvents.count(usage, output, "output_tokens");
                thinking = RawEvents.count(usage, thinking, "output_tokens_details", "thinking_tokens");
                cacheRead = RawEvents.count(usage, cacheRead, "cache_read_input_tokens");
                cacheWrite = RawEvents.count(usage, cacheWrite, "cache_creation_input_tokens");
            }
        }
        if (input == null && output == null) {
            return null;
        }
        Integer prompt = input == null ? null
                : input + (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
        return new Usage(prompt, output, thinking, input == null ? null : cacheRead);
    }
}
