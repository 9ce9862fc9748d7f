package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaContext.FlashAttention;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaModel;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which models get llama.cpp's flash-attention kernel, and that the context is created with that choice. */
class AttentionChoiceTest {

    static final List<String> CPU = List.of("CPU (AMD EPYC)");
    static LlamaLibrary lib;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        lib = LlamaLibrary.load();
    }

    @Test
    void narrowHeadsOnTheCpuAloneRunPlainAttention() {
        try (LlamaModel micro = LlamaModel.load(lib, Path.of("assets/models/micro-reasoner.gguf").toAbsolutePath(),
                null)) {
            assertThat(AttentionChoice.headDimension(micro)).contains(32);
            assertThat(AttentionChoice.forModel(micro, CPU)).isEqualTo(FlashAttention.OFF);
            assertThat(AttentionChoice.forModel(micro, List.of("CPU (AMD EPYC)", "CUDA0 (NVIDIA RTX 4090)")))
                    .as("a GPU keeps llama.cpp's choice").isEqualTo(FlashAttention.AUTO);
            assertThat(AttentionChoice.forModel(micro, List.of())).as("no device known").isEqualTo(FlashAttention.AUTO);
        }
    }

    @Test
    void headsOfSixtyFourOrMoreKeepLlamaCppsChoice() throws IOException {
        Path wide = dir.resolve("wide.gguf");
        TinyGguf.writer(new TinyGguf.Shape(128, 2, 2, 2, 256, 512), List.of(TinyGguf.CHAIN), 3).write(wide);
        try (LlamaModel model = LlamaModel.load(lib, wide, null)) {
            assertThat(AttentionChoice.headDimension(model)).contains(64);
            assertThat(AttentionChoice.forModel(model, CPU)).isEqualTo(FlashAttention.AUTO);
        }
    }

    @Test
    void theContextIsCreatedWithTheChoiceAndEveryChoicePredictsTheSameToken() {
        java.util.Set<Integer> predicted = new java.util.HashSet<>();
        try (LlamaModel micro = LlamaModel.load(lib, Path.of("assets/models/micro-reasoner.gguf").toAbsolutePath(),
                null)) {
            for (FlashAttention choice : FlashAttention.values()) {
                try (LlamaContext ctx = LlamaContext.create(micro, new LlamaContext.Settings(512, 64, 2, 1, choice));
                     dev.thinkbench.engine.local.llama.LlamaBatch batch =
                             new dev.thinkbench.engine.local.llama.LlamaBatch(64)) {
                    int[] prompt = micro.vocab().tokenize("<|im_start|>user\nStart with 2. Add 3.", false, true);
                    for (int i = 0; i < prompt.length; i++) {
                        batch.add(prompt[i], i, 0, i == prompt.length - 1);
                    }
                    ctx.decode(batch);
                    assertThat(ctx.flashAttention()).isEqualTo(choice);
                    float[] logits = ctx.logits(prompt.length - 1).toArray(java.lang.foreign.ValueLayout.JAVA_FLOAT);
                    assertThat(logits).hasSize(micro.vocab().size());
                    int best = 0;
                    for (int t = 1; t < logits.length; t++) {
                        best = logits[t] > logits[best] ? t : best;
                    }
                    predicted.add(best);
                }
            }
        }
        assertThat(predicted).as("the most likely next token, with and without the kernel").hasSize(1);
    }
}
