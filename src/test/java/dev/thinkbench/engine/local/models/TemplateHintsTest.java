package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which built-in chat template the built-in engine names for a model file (read in Java, no engine process). */
class TemplateHintsTest {

    @TempDir
    Path dir;

    private static CatalogModel catalogEntry(String fileName, String family, String template) {
        return new CatalogModel(fileName.toLowerCase().replace(".gguf", ""), "A model", family, "1.5B", "Q4_K_M", 1,
                "MIT", URI.create("https://example.org/files/" + fileName), null, template, false, "");
    }

    private Path tiny(String name) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        return TinyGguf.write(dir.resolve(name));
    }

    @Test
    void bundledModelsUseChatmlThink() throws IOException {
        Path micro = tiny("assets/models/micro-reasoner.gguf");

        TemplateHints hints = new TemplateHints(List.of(), BundledModels.inAssets(dir.resolve("assets")));

        assertThat(hints.forModel(micro)).contains("chatml-think");
    }

    @Test
    void aCatalogDownloadUsesTheTemplateItsEntryNames() throws IOException {
        Path download = tiny("models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf");
        Path other = tiny("models/Other-Q8_0.gguf");
        TemplateHints hints = new TemplateHints(List.of(
                catalogEntry("DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf", "deepseek-r1-distill (qwen2)", "deepseek-r1"),
                catalogEntry("Other-Q8_0.gguf", "qwq", "chatml-think")), BundledModels.none());

        assertThat(hints.forModel(download)).contains("deepseek-r1");
        assertThat(hints.forModel(other)).contains("chatml-think");
    }

    @Test
    void aCatalogEntryWithoutATemplateButOfTheR1DistillFamilyUsesDeepseekR1() throws IOException {
        Path download = tiny("models/distill-8b.gguf");
        TemplateHints hints = new TemplateHints(List.of(catalogEntry("distill-8b.gguf",
                "deepseek-r1-distill (llama)", null)), BundledModels.none());

        assertThat(hints.forModel(download)).contains("deepseek-r1");
    }

    @Test
    void anR1DistillFromAnotherToolIsKnownByTheNameInItsMetadata() throws IOException {
        Path blob = dir.resolve("sha256-" + "d".repeat(64));
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 7)
                .put("general.name", "DeepSeek R1 Distill Qwen 1.5B").write(blob);

        assertThat(TemplateHints.none().forModel(blob)).contains("deepseek-r1");
    }

    @Test
    void qwen3AndGptOssFilesGetTheirFamilysTemplateAndR1Qwen3KeepsDeepSeeks() throws IOException {
        Path qwen = dir.resolve("Qwen3-0.6B-Q8_0.gguf");
        TinyGguf.writeQwen3(qwen);
        Path oss = dir.resolve("gpt-oss-20b-mxfp4.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", "gpt-oss")
                .write(oss);
        Path r1 = dir.resolve("r1-qwen3.gguf");
        TinyGguf.writer("qwen3", TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1)
                .put("general.name", "DeepSeek R1 0528 Qwen3 8B").write(r1);

        assertThat(TemplateHints.none().forModel(qwen)).contains("qwen3");
        assertThat(TemplateHints.none().forModel(oss)).contains("gpt-oss");
        assertThat(TemplateHints.none().forModel(r1)).contains("deepseek-r1");
    }

    @Test
    void qwen35AndQwen3NextFilesGetQwen3sTemplate() throws IOException {
        for (String arch : List.of("qwen35", "qwen35moe", "qwen3next")) {
            Path file = dir.resolve(arch + "-file.gguf");
            TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", arch)
                    .write(file);
            assertThat(TemplateHints.none().forModel(file)).as(arch).contains("qwen3");
        }
    }

    @Test
    void anyOtherFileIsUnknownEvenWhenItIsNoModel() throws IOException {
        Path plain = tiny("plain.gguf");
        Path notes = Files.writeString(dir.resolve("notes.gguf"), "not a model");

        assertThat(TemplateHints.none().forModel(plain)).isEmpty();
        assertThat(TemplateHints.none().forModel(notes)).isEmpty();
        assertThat(TemplateHints.none().forModel(dir.resolve("missing.gguf"))).isEmpty();
    }

    @Test
    void theBuiltInEngineBackendTellsItsModelsTemplateName() throws IOException {
        ModelStore store = ModelStore.inDataDirectory(dir.resolve("data"));
        Files.createDirectories(store.directory());
        TinyGguf.write(store.directory().resolve("DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"));
        TinyGguf.write(store.directory().resolve("mine.gguf"));
        TemplateHints hints = new TemplateHints(List.of(catalogEntry("DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf",
                "deepseek-r1-distill (qwen2)", "deepseek-r1")), BundledModels.none());
        try (LocalBackends backends = new LocalBackends(new LocalEngineProcess(), BundledModels.none(),
                store, new ExternalModels(dir, Map.of()), hints, () -> new LocalEngineSettings(1, 512))) {

            assertThat(backends.backend("DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf").chatTemplateName())
                    .contains("deepseek-r1");
            assertThat(backends.backend("mine.gguf").chatTemplateName()).isEmpty();
        }
    }
}
