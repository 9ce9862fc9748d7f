package dev.thinkbench.lab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetPresetsTest {

    private static BudgetPresets read(String json) throws IOException {
        return BudgetPresets.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aModelEntryWinsOverItsEngineAndOthersFallBack() throws IOException {
        BudgetPresets p = read("""
                {"engines": {
                  "builtin": [{"label": "small", "budget": "force:min=0,max=256"}],
                  "builtin:micro-reasoner.gguf": [{"label": "tiny", "budget": "force:min=0,max=8"}]}}""");
        assertThat(p.forModel("builtin", "/any/dir/micro-reasoner.gguf")).extracting(BudgetPresets.Preset::label)
                .containsExactly("tiny");
        assertThat(p.forModel("builtin", "deepseek-r1-1.5b.gguf")).extracting(BudgetPresets.Preset::label)
                .containsExactly("small");
        assertThat(p.forModel("builtin", "")).extracting(BudgetPresets.Preset::label).containsExactly("small");
        assertThat(p.presetKey("builtin", "micro-reasoner.gguf")).isEqualTo("builtin:micro-reasoner.gguf");
        assertThat(p.lanes("builtin", "micro-reasoner.gguf").getFirst().budget().spec())
                .isEqualTo("force:min=0,max=8,waits=0,wait=Wait");
    }

    @Test
    void theShippedPresetsParseAndCoverEveryEngine() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("assets/budget-presets.json"))) {
            BudgetPresets p = BudgetPresets.read(in);
            for (String engine : new String[] {"builtin", "ollama", "openai-compatible", "llama-server",
                    "openai-completions", "ollama-raw", "deepseek-prefix"}) {
                assertThat(p.forEngine(engine)).as(engine).extracting(BudgetPresets.Preset::label)
                        .containsExactly("small", "medium", "large");
            }
            assertThat(p.forModel("builtin", "micro-reasoner.gguf")).hasSize(3);
        }
    }

    @Test
    void aFamilyPrefixGivesEveryModelOfTheFamilyItsPresetsAndTheLongestPrefixWins() throws IOException {
        BudgetPresets p = read("""
                {"engines": {
                  "gemini": [{"label": "small", "budget": "effort:low"}],
                  "gemini:gemini-2.5*": [{"label": "flash", "budget": "tokens:1024"}],
                  "gemini:gemini-2.5-pro*": [{"label": "pro", "budget": "tokens:2048"}]}}""");
        assertThat(p.forModel("gemini", "gemini-2.5-pro-preview-06")).extracting(BudgetPresets.Preset::label)
                .containsExactly("pro");
        assertThat(p.forModel("gemini", "gemini-2.5-flash")).extracting(BudgetPresets.Preset::label)
                .containsExactly("flash");
        assertThat(p.forModel("gemini", "gemini-3-flash")).extracting(BudgetPresets.Preset::label)
                .containsExactly("small");
        assertThat(p.presetKey("ollama", "gemini-2.5-pro")).isEqualTo("ollama");
    }

    @Test
    void theShippedPresetsCoverTheHostedEngines() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("assets/budget-presets.json"))) {
            BudgetPresets p = BudgetPresets.read(in);
            for (String engine : new String[] {"anthropic", "openai", "gemini", "deepseek"}) {
                assertThat(p.forEngine(engine)).as(engine).extracting(BudgetPresets.Preset::label)
                        .containsExactly("small", "medium", "large");
            }
            assertThat(p.forModel("anthropic", "claude-sonnet-4-5-20250929")).extracting(pr -> pr.budget().spec())
                    .containsExactly("tokens:1024", "tokens:4096", "tokens:16384");
        }
    }

    @Test
    void aBadBudgetNamesTheEngine() {
        assertThatThrownBy(() -> read("{\"engines\":{\"ollama\":[{\"label\":\"x\",\"budget\":\"tokens:-3\"}]}}"))
                .hasMessageContaining("ollama").hasMessageContaining("tokens must be between 1 and 1000000, was -3");
    }
}
