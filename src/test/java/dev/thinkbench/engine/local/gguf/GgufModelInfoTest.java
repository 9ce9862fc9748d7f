package dev.thinkbench.engine.local.gguf;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GgufModelInfoTest {

    private static String label(long parameters) {
        return new GgufModelInfo(Path.of("m.gguf"), 1, "m", "llama", parameters, "F32", null, null, null)
                .parameterLabel();
    }

    @Test
    void parameterCountsKeepADecimalBelowTenOfTheirUnit() {
        assertThat(label(1_130_000)).isEqualTo("1.1M");
        assertThat(label(494_032_768)).isEqualTo("494M");
        assertThat(label(120_384)).isEqualTo("120K");
        assertThat(label(7_600)).isEqualTo("7.6K");
        assertThat(label(1_777_088_000)).isEqualTo("1.78B");
        assertThat(label(512)).isEqualTo("512");
    }
}
