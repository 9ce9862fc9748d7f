package dev.thinkbench.engine.local.host;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written chunk line: what Jackson writes, read back by the app's reader as the same event. */
class ChunkLineTest {

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aChunkReadsBackAsTheSameEventWhateverItsText() throws Exception {
        for (String text : List.of("", "7+5=12\n", "say \"hi\" \\ back", "tab\there\r\n", "\u0000\u0001\u001f\u007f",
                "한국어 생각", "emoji \uD83E\uDD14 pair", "lone \uD800 high", "lone \uDC00 low", "</think>")) {
            HostEvent.Chunk chunk = new HostEvent.Chunk(42, text, 3);
            byte[] line = ChunkLine.encode(chunk);
            assertThat(new String(line, StandardCharsets.UTF_8)).doesNotContain("\n");
            HostEvent read = json.readValue(line, HostEvent.class);
            if (text.contains("lone")) {
                // a lone surrogate travels escaped and arrives as itself, not as a '?' that UTF-8 would make of it
                assertThat(((HostEvent.Chunk) read).text()).isEqualTo(text);
            }
            assertThat(read).as(text).isEqualTo(chunk);
        }
    }

    @Test
    void theLineIsTheOneJacksonWrites() throws Exception {
        HostEvent.Chunk chunk = new HostEvent.Chunk(7, "a \"b\"\nc \uD83E\uDD14", 2);
        assertThat(new String(ChunkLine.encode(chunk), StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(chunk));
    }

    @Test
    void aChunkWithProbabilitiesIsLeftToJackson() {
        HostEvent.Chunk chunk = new HostEvent.Chunk(1, "x", 1, List.of());
        assertThatThrownBy(() -> ChunkLine.encode(chunk)).isInstanceOf(IllegalArgumentException.class);
    }
}
