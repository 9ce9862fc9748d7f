package dev.thinkbench.engine.local.gguf;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of the GGUF reader and validator (profile {@code fuzz}: {@code mvn -Pfuzz test}). Seeds and any
 * crash found are in {@code src/test/resources/.../GgufFuzzTestInputs/parsesOrRefuses}, which the default run also
 * replays ({@code GgufFuzzCorpusTest}).
 */
class GgufFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parsesOrRefuses(byte[] data) {
        GgufFuzzTarget.parseOrRefuse(data);
    }
}
