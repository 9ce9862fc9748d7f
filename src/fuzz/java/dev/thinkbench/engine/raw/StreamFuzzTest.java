package dev.thinkbench.engine.raw;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of the stream parsers every raw backend reads with (profile {@code fuzz}:
 * {@code mvn -Pfuzz test -Dtest=StreamFuzzTest}). Seeds and any finding are in
 * {@code src/test/resources/.../StreamFuzzTestInputs/readsOrRefuses}, which the default run also replays
 * ({@code StreamFuzzCorpusTest}).
 */
class StreamFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] data) {
        StreamFuzzTarget.readOrRefuse(data);
    }
}
