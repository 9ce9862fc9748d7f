package dev.thinkbench.engine.raw;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.http.BoundedBody;
import dev.thinkbench.engine.http.Endpoint;
import dev.thinkbench.engine.http.EventReader;
import dev.thinkbench.engine.http.FailureMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The stream fuzz target, shared by the Jazzer fuzz test ({@code src/fuzz}, profile {@code fuzz}) and the corpus test
 * of the default run: any bytes, read as a response body the way a raw backend reads one (a {@link BoundedBody},
 * langchain4j's SSE parser or the NDJSON line parser through {@link EventReader}, then {@link ProtocolReader} and the
 * protocol), must end normally or with an {@link EngineException} or {@link IOException}. Anything else escaping
 * (a runtime exception, an error such as {@link OutOfMemoryError}) is a finding. The first byte picks the protocol:
 * llama-server, /v1/completions, Ollama raw, DeepSeek prefix.
 */
final class StreamFuzzTarget {

    private static final FailureMapper FAILURES = new FailureMapper(
            new Endpoint("fuzz", "http://127.0.0.1:1", false, null, "Is it running?"), null);
    private static final CompletionRequest REQUEST = new CompletionRequest("<|im_start|>user\nq<|im_end|>\n"
            + "<|im_start|>assistant\n<think>\n", 64, List.of("</think>", "<|im_end|>"), Sampling.defaults(), true);

    private StreamFuzzTarget() {
    }

    /** Returns normally when the body was read or refused cleanly; throws whatever else went wrong. */
    static void readOrRefuse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        StreamProtocol protocol = switch ((data[0] & 0xff) % 4) {
            case 0 -> new LlamaServerBackend.Reading();
            case 1 -> new OpenAiCompletionsBackend.Reading(REQUEST);
            case 2 -> new OllamaRawBackend.Reading(REQUEST);
            default -> DeepSeekPrefixBackend.reading(REQUEST.prompt(), REQUEST.stop());
        };
        BoundedBody.Framing framing = protocol.framing() == StreamProtocol.Framing.SSE
                ? BoundedBody.Framing.SSE : BoundedBody.Framing.LINES;
        ProtocolReader reader = new ProtocolReader(protocol, new Continuation((text, tokens) -> { }), FAILURES);
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        try {
            EventReader.read(new BoundedBody(new ByteArrayInputStream(body), framing, null), framing,
                    reader::onEvent);
            reader.atEnd();
        } catch (EngineException | IOException refused) {
            // a clean refusal is a correct answer
        }
    }
}
