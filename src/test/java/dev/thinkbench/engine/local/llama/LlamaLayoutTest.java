package dev.thinkbench.engine.local.llama;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written struct layouts against the real thing, two ways: a C program compiled with gcc against llama.h at
 * the pinned tag (fetched by the build into {@code target/natives/include}) prints every member's offset and size and
 * each struct's size; and the library's own defaults ({@code llama_*_default_params}), read through the layouts, are
 * llama.cpp's documented defaults, member by member. A wrong layout fails here instead of loading a broken model.
 */
@Timeout(120)
class LlamaLayoutTest {

    private static final Path INCLUDE = Path.of("target", "natives", "include");
    private static final Map<String, StructLayout> STRUCTS = new LinkedHashMap<>();

    static {
        STRUCTS.put("llama_model_params", LlamaLayouts.MODEL_PARAMS);
        STRUCTS.put("llama_context_params", LlamaLayouts.CONTEXT_PARAMS);
        STRUCTS.put("llama_batch", LlamaLayouts.BATCH);
        STRUCTS.put("llama_sampler_chain_params", LlamaLayouts.SAMPLER_CHAIN_PARAMS);
        STRUCTS.put("ggml_threadpool_params", LlamaLayouts.THREADPOOL_PARAMS);
    }

    @TempDir
    Path dir;

    @Test
    void everyMemberAndStructSizeMatchesLlamaH() throws Exception {
        assertThat(INCLUDE.resolve("include/llama.h")).as("llama.h at the pinned tag (mvn generate-test-resources "
                + "fetches it)").exists();
        Map<String, Long> expected = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include \"llama.h\"\n"
                + "int main(void) {\n");
        for (Map.Entry<String, StructLayout> s : STRUCTS.entrySet()) {
            String struct = "struct " + s.getKey();
            c.append("  printf(\"%s %zu\\n\", \"").append(s.getKey()).append(".sizeof\", sizeof(").append(struct)
                    .append("));\n");
            expected.put(s.getKey() + ".sizeof", s.getValue().byteSize());
            for (MemoryLayout m : s.getValue().memberLayouts()) {
                if (m.name().isEmpty()) {
                    continue; // padding
                }
                String name = m.name().get();
                String key = s.getKey() + "." + name;
                c.append("  printf(\"%s %zu %zu\\n\", \"").append(key).append("\", offsetof(").append(struct)
                        .append(", ").append(name).append("), sizeof(((").append(struct).append(" *) 0)->")
                        .append(name).append("));\n");
                expected.put(key, s.getValue().byteOffset(MemoryLayout.PathElement.groupElement(name)) * 1000
                        + m.byteSize());
            }
        }
        c.append("  return 0;\n}\n");
        Path source = dir.resolve("layout.c");
        Files.writeString(source, c);
        Path binary = dir.resolve("layout");
        run(List.of("gcc", "-std=c11", "-I", INCLUDE.resolve("include").toString(), "-I",
                INCLUDE.resolve("ggml/include").toString(), source.toString(), "-o", binary.toString()));

        Map<String, Long> actual = new LinkedHashMap<>();
        for (String line : run(List.of(binary.toString())).split("\n")) {
            String[] f = line.trim().split(" ");
            actual.put(f[0], f.length == 2 ? Long.parseLong(f[1]) : Long.parseLong(f[1]) * 1000 + Long.parseLong(f[2]));
        }

        assertThat(actual).as("offset*1000+size of every member, and each struct's size").isEqualTo(expected);
    }

    @Test
    void theLibrarysDefaultsReadThroughTheLayoutsAreLlamaCppsDefaults() throws Throwable {
        LlamaLibrary lib = LlamaLibrary.load();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = (MemorySegment) lib.fn.contextDefaultParams.invokeExact((SegmentAllocator) arena);
            Map<String, Object> c = read(LlamaLayouts.CONTEXT_PARAMS, ctx);
            assertThat(c).containsEntry("n_ctx", 512).containsEntry("n_batch", 2048).containsEntry("n_ubatch", 512)
                    .containsEntry("n_seq_max", 1).containsEntry("n_rs_seq", 0).containsEntry("n_outputs_max", 0)
                    .containsEntry("n_outputs_max_per_seq", 1).containsEntry("n_threads", 4)
                    .containsEntry("n_threads_batch", 4).containsEntry("ctx_type", 0)
                    .containsEntry("rope_scaling_type", -1).containsEntry("pooling_type", -1)
                    .containsEntry("attention_type", -1).containsEntry("flash_attn_type", -1)
                    .containsEntry("rope_freq_base", 0f).containsEntry("rope_freq_scale", 0f)
                    .containsEntry("yarn_ext_factor", -1f).containsEntry("yarn_attn_factor", -1f)
                    .containsEntry("yarn_beta_fast", -1f).containsEntry("yarn_beta_slow", -1f)
                    .containsEntry("yarn_orig_ctx", 0).containsEntry("defrag_thold", -1f)
                    .containsEntry("cb_eval", 0L).containsEntry("cb_eval_user_data", 0L)
                    .containsEntry("type_k", LlamaLayouts.GGML_TYPE_F16).containsEntry("type_v", 1)
                    .containsEntry("abort_callback", 0L).containsEntry("abort_callback_data", 0L)
                    .containsEntry("embeddings", false).containsEntry("offload_kqv", true)
                    .containsEntry("no_perf", true).containsEntry("op_offload", true).containsEntry("swa_full", true)
                    .containsEntry("kv_unified", false).containsEntry("samplers", 0L)
                    .containsEntry("n_samplers", 0L).containsEntry("ctx_other", 0L);

            MemorySegment model = (MemorySegment) lib.fn.modelDefaultParams.invokeExact((SegmentAllocator) arena);
            Map<String, Object> m = read(LlamaLayouts.MODEL_PARAMS, model);
            assertThat(m).containsEntry("devices", 0L).containsEntry("tensor_buft_overrides", 0L)
                    .containsEntry("n_gpu_layers", -1).containsEntry("split_mode", 1).containsEntry("load_mode", -1)
                    .containsEntry("lazy_mode", 1).containsEntry("main_gpu", 0).containsEntry("tensor_split", 0L)
                    .containsEntry("progress_callback", 0L).containsEntry("progress_callback_user_data", 0L)
                    .containsEntry("kv_overrides", 0L).containsEntry("vocab_only", false)
                    .containsEntry("check_tensors", false).containsEntry("use_extra_bufts", true)
                    .containsEntry("no_host", false).containsEntry("no_alloc", false)
                    .containsEntry("load_mtp", false);

            MemorySegment pool = arena.allocate(LlamaLayouts.THREADPOOL_PARAMS);
            lib.fn.threadpoolParamsInit.invokeExact(pool, 3);
            assertThat(pool.get(ValueLayout.JAVA_INT, 512)).as("n_threads").isEqualTo(3);
            assertThat(pool.get(ValueLayout.JAVA_INT, 516)).as("prio: normal").isZero();
            assertThat(pool.get(ValueLayout.JAVA_INT, 520)).as("poll").isEqualTo(50);
            assertThat(pool.get(ValueLayout.JAVA_BOOLEAN, 524)).as("strict_cpu").isFalse();
            assertThat(pool.get(ValueLayout.JAVA_BOOLEAN, 525)).as("paused").isFalse();
        }
    }

    private static Map<String, Object> read(StructLayout layout, MemorySegment s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().isEmpty()) {
                continue;
            }
            long at = layout.byteOffset(MemoryLayout.PathElement.groupElement(m.name().get()));
            Object v = switch (m) {
                case ValueLayout.OfInt i -> s.get(i, at);
                case ValueLayout.OfFloat f -> s.get(f, at);
                case ValueLayout.OfLong l -> s.get(l, at);
                case ValueLayout.OfBoolean b -> s.get(b, at);
                case java.lang.foreign.AddressLayout a -> s.get(a, at).address();
                default -> throw new IllegalStateException("unexpected member " + m);
            };
            out.put(m.name().get(), v);
        }
        return out;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.getFirst() + " is needed to check the struct layouts against llama.h "
                    + "(install gcc): " + e.getMessage(), e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + " failed:\n" + output).isZero();
        return output;
    }
}
