package dev.thinkbench.forcing;

import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.ModelCatalogFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped download catalog reads, and every template it names is a built-in one. */
class CatalogTemplatesTest {

    @Test
    void everyCatalogTemplateExistsAndTheNewFamiliesAreListed() throws Exception {
        List<CatalogModel> catalog = ModelCatalogFile.load(Path.of("assets"));

        for (CatalogModel m : catalog) {
            if (m.chatTemplate() != null) {
                assertThat(ChatTemplates.named(m.chatTemplate()).name()).as(m.id()).isEqualTo(m.chatTemplate());
            }
        }
        assertThat(catalog).extracting(CatalogModel::family)
                .contains("qwen3", "gpt-oss", "deepseek-r1-0528 (qwen3)", "phi3", "smollm3");
        assertThat(catalog).filteredOn(m -> m.family().equals("gpt-oss")).extracting(CatalogModel::chatTemplate)
                .containsOnly("gpt-oss");
        // checksums as published for each file (see the catalog's "about"): well-formed and one per file
        List<String> checksums = catalog.stream().map(CatalogModel::sha256).filter(java.util.Objects::nonNull).toList();
        assertThat(checksums).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
    }
}
