package dev.thinkbench.engine.local.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The GGUF fuzz target, shared by the Jazzer fuzz test ({@code src/fuzz}, profile {@code fuzz}) and the corpus test
 * of the default run: any bytes must either parse and validate, or be refused with a {@link GgufFormatException}
 * (or an {@link IOException}). Anything else escaping, an exception or an error such as {@link OutOfMemoryError},
 * is a finding. Each input is read the three ways the app reads files: counted arrays, named arrays kept whole
 * (the engine host), and every array kept.
 */
final class GgufFuzzTarget {

    private static final Path NAME = Path.of("fuzz-input.gguf");
    private static final Set<String> HOST_ARRAYS = Set.of("tokenizer.ggml.tokens", "tokenizer.ggml.token_type");

    private GgufFuzzTarget() {
    }

    /** Returns normally when the input parsed or was refused cleanly; throws whatever else went wrong. */
    static void parseOrRefuse(byte[] data) {
        for (GgufReader reader : new GgufReader[] {
                new GgufReader(GgufReader.DEFAULT_KEPT_ARRAY_ELEMENTS, Set.of(), ReadBudget.standard()),
                new GgufReader(GgufReader.DEFAULT_KEPT_ARRAY_ELEMENTS, HOST_ARRAYS, ReadBudget.standard()),
                new GgufReader(Long.MAX_VALUE, Set.of(), ReadBudget.standard())}) {
            try (ByteArrayChannel channel = new ByteArrayChannel(data)) {
                GgufValidator.validate(reader.parse(NAME, channel, data.length));
            } catch (GgufFormatException | IOException refused) {
                // a clean refusal is a correct answer
            }
        }
    }
}
