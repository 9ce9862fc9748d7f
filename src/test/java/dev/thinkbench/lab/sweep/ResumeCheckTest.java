package dev.thinkbench.lab.sweep;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A results file of another sweep is refused naming only the settings that differ. */
class ResumeCheckTest {

    @Test
    void onlyTheSettingsThatDifferAreNamed() {
        assertThat(ResumeCheck.otherSettings("m.gguf, temperature 0, seed 3", "other.gguf, temperature 0, seed 3"))
                .isEqualTo("its runs were made with model m.gguf; this sweep runs with model other.gguf");
        assertThat(ResumeCheck.otherSettings("m, temperature 0.8, seed 3", "m, temperature the engine's"))
                .isEqualTo("its runs were made with temperature 0.8 and seed 3; this sweep runs with temperature "
                        + "the engine's and no seed");
        assertThat(ResumeCheck.otherSettings("m, temperature 0, answer cap 64",
                "m, temperature 0, top-p 0.9, answer cap 128, system prompt 1a2b3c4d"))
                .isEqualTo("its runs were made with no top-p, answer cap 64 and no system prompt; this sweep runs "
                        + "with top-p 0.9, answer cap 128 and system prompt 1a2b3c4d");
    }

    @Test
    void aModelNameWithACommaStaysWhole() {
        assertThat(ResumeCheck.otherSettings("qwen3, 8b, temperature 0", "qwen3, 4b, temperature 0"))
                .isEqualTo("its runs were made with model qwen3, 8b; this sweep runs with model qwen3, 4b");
    }
}
