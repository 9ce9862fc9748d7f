package dev.thinkbench.engine.local.llama;

import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The FFM binding on the pinned llama.cpp, with tiny models written by the test. */
@Timeout(120)
class LlamaBindingTest {

    static final String PROMPT = "<|im_start|>user\nWhat is x?<|im_end|>\n<|im_start|>assistant\n<think>";

    @TempDir
    static Path dir;
    static LlamaLibrary lib;
    static Path llama;
    static Path qwen3;

    @BeforeAll
    static void load() throws IOException {
        lib = LlamaLibrary.load();
        llama = TinyGguf.writeLooping(dir.resolve("tiny-llama.gguf"));
        qwen3 = TinyGguf.writeQwen3(dir.resolve("tiny-qwen3.gguf"));
    }

    /** Greedy decoding in sequence {@code seq} from position {@code from} (the prompt already decoded there). */
    private static String greedy(LlamaContext ctx, LlamaBatch batch, int seq, int from, int outputIndex, int max) {
        LlamaVocab vocab = ctx.model().vocab();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LlamaSampler sampler = LlamaSampler.create(lib, LlamaSampler.Settings.greedy())) {
            int index = outputIndex;
            for (int pos = from; pos < from + max; pos++) {
                int token = sampler.sample(ctx, index);
                if (vocab.isEndOfGeneration(token)) {
                    break;
                }
                out.writeBytes(vocab.piece(token, true));
                batch.clear();
                index = batch.add(token, pos, seq, true);
                ctx.decode(batch);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int decodePrompt(LlamaContext ctx, LlamaBatch batch, int[] prompt, int seq) {
        batch.clear();
        int last = -1;
        for (int i = 0; i < prompt.length; i++) {
            last = batch.add(prompt[i], i, seq, i == prompt.length - 1);
        }
        ctx.decode(batch);
        return last;
    }

    @Test
    void llamaAndQwen3ModelsDecodeTheirKnownGreedyOutput() {
        for (Path file : List.of(llama, qwen3)) {
            try (LlamaModel model = LlamaModel.load(lib, file, null);
                 LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 2, 1));
                 LlamaBatch batch = new LlamaBatch(512)) {
                int[] prompt = model.vocab().tokenize(PROMPT, true, true);
                int last = decodePrompt(ctx, batch, prompt, 0);

                assertThat(greedy(ctx, batch, 0, prompt.length, last, 40)).as(file.getFileName().toString())
                        .isEqualTo(TinyGguf.EXPECTED_OUTPUT);
                assertThat(model.description()).startsWith(file.equals(qwen3) ? "qwen3" : "llama");
            }
        }
    }

    /**
     * After a decode the context's worker threads may spin a little for the next one, then sleep: over the 300 ms
     * after it, the threads the context started use at most 5 scheduler ticks (50 ms) of CPU. With llama.cpp's
     * default polling level one of them spun for about 170 ms here. Linux: CPU time per thread from /proc.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theDecodeThreadsSleepSoonAfterADecodeInsteadOfSpinning() throws Exception {
        Set<String> before = tasks().keySet();
        try (LlamaModel model = LlamaModel.load(lib, llama, null);
             LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 1, 2));
             LlamaBatch batch = new LlamaBatch(512)) {
            int[] prompt = model.vocab().tokenize(PROMPT, true, true);
            for (int i = 0; i < 5; i++) {
                ctx.clear();
                decodePrompt(ctx, batch, prompt, 0);
            }
            Map<String, Long> started = tasks();
            started.keySet().removeAll(before);
            // ggml's workers carry the name of the thread that made them; the JVM's own threads have their own
            String ours = Files.readString(Path.of("/proc/thread-self/comm")).strip();
            started.keySet().removeIf(task -> !ours.equals(comm(task)));
            Thread.sleep(300); // the interval observed, not a wait for something to happen
            Map<String, Long> after = tasks();

            assertThat(started).as("the context's worker thread").isNotEmpty();
            for (Map.Entry<String, Long> t : started.entrySet()) {
                assertThat(after.getOrDefault(t.getKey(), t.getValue()) - t.getValue())
                        .as("CPU ticks of thread %s in the 300 ms after the decode", t.getKey()).isLessThanOrEqualTo(5);
            }
        }
    }

    /**
     * A context whose one-token decodes run on one thread (a tiny model's, see the host) decodes as one on two
     * threads does, and while a sequence generates token by token the two-thread pool it keeps for batches sleeps: over
     * 300 ms of one-token decodes its worker uses at most 5 ticks. Had those decodes used that pool, even at one
     * thread, its worker would have been woken and spun for each of them.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void oneTokenDecodesOnOneThreadDecodeTheSameAndLeaveTheBatchPoolAsleep() throws Exception {
        Set<String> before = tasks().keySet();
        try (LlamaModel model = LlamaModel.load(lib, llama, null);
             LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 1, 2, 1));
             LlamaBatch batch = new LlamaBatch(512);
             LlamaSampler sampler = LlamaSampler.create(lib, LlamaSampler.Settings.greedy())) {
            int[] prompt = model.vocab().tokenize(PROMPT, true, true);
            assertThat(greedy(ctx, batch, 0, prompt.length, decodePrompt(ctx, batch, prompt, 0), 40))
                    .isEqualTo(TinyGguf.EXPECTED_OUTPUT);

            int[] looping = model.vocab().tokenize(PROMPT + "b", true, true);
            ctx.clear();
            int index = decodePrompt(ctx, batch, looping, 0); // a batch: on the two-thread pool
            Map<String, Long> workers = tasks();
            workers.keySet().removeAll(before);
            String ours = Files.readString(Path.of("/proc/thread-self/comm")).strip();
            workers.keySet().removeIf(task -> !ours.equals(comm(task)));
            Thread.sleep(100); // the batch pool's short spin after the prompt ends (see the test above)
            Map<String, Long> rested = tasks();
            int pos = looping.length;
            int decoded = 0;
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                if (pos == 400) { // rewind to the prompt (nothing is decoded) and go on from there
                    ctx.removeTokens(0, looping.length, -1);
                    pos = looping.length;
                }
                int token = sampler.sample(ctx, index);
                batch.clear();
                index = batch.add(token, pos++, 0, true);
                ctx.decode(batch);
                decoded++;
            }
            Map<String, Long> after = tasks();

            assertThat(workers).as("the batch pool's worker").isNotEmpty();
            assertThat(decoded).isGreaterThan(100);
            for (Map.Entry<String, Long> t : workers.entrySet()) {
                assertThat(after.getOrDefault(t.getKey(), 0L) - rested.getOrDefault(t.getKey(), 0L))
                        .as("CPU ticks of worker %s during %d one-token decodes", t.getKey(), decoded)
                        .isLessThanOrEqualTo(5);
            }
        }
    }

    private static String comm(String task) {
        try {
            return Files.readString(Path.of("/proc/self/task", task, "comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** This process's threads (task ids) and the CPU ticks (user + system) each has used. */
    private static Map<String, Long> tasks() throws IOException {
        Map<String, Long> ticks = new java.util.HashMap<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : dirs) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended
                }
                String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
                ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        return ticks;
    }

    @Test
    void specialTokensAreParsedOnlyWhenAsked() {
        try (LlamaModel model = LlamaModel.load(lib, llama, null)) {
            LlamaVocab vocab = model.vocab();

            assertThat(vocab.tokenize("<|im_end|>x</think>", false, true)).containsExactly(TinyGguf.EOS, 351, 262);
            assertThat(vocab.tokenize("<|im_end|>", false, false)).doesNotContain(TinyGguf.EOS).hasSize(10);
            assertThat(vocab.tokenize("x", true, true)).as("BOS first").containsExactly(1, 351);
            assertThat(vocab.specialTokens()).contains("<|im_start|>", "<|im_end|>", "<think>", "</think>");
            assertThat(vocab.isEndOfGeneration(TinyGguf.EOS)).isTrue();
            assertThat(new String(vocab.piece(262, true), StandardCharsets.UTF_8)).isEqualTo("</think>");
        }
    }

    @Test
    void logProbabilitiesSumToOneOverTheVocabularyAndFavourTheSteeredToken() {
        try (LlamaModel model = LlamaModel.load(lib, llama, null);
             LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 1, 1));
             LlamaBatch batch = new LlamaBatch(512)) {
            int[] prompt = model.vocab().tokenize(PROMPT, true, true);
            int last = decodePrompt(ctx, batch, prompt, 0);
            int l = model.vocab().tokenize("L", false, false)[0];

            TokenProbabilities.Result all = TokenProbabilities.of(ctx.logits(last), l, model.vocab().size());

            double sum = all.top().stream().mapToDouble(c -> Math.exp(c.logprob())).sum();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(all.top()).hasSize(358);
            assertThat(all.top().getFirst().token()).isEqualTo(l);
            assertThat(all.logprob()).isEqualTo(all.top().getFirst().logprob()).isGreaterThan(Math.log(0.99));
            assertThat(all.top()).isSortedAccordingTo((a, b) -> Double.compare(b.logprob(), a.logprob()));
        }
    }

    @Test
    void aCopiedSequenceContinuesFromTheSharedPrefixAndARewindKeepsOnlyThePrefix() {
        try (LlamaModel model = LlamaModel.load(lib, llama, null);
             LlamaContext ctx = LlamaContext.create(model, new LlamaContext.Settings(512, 512, 4, 1));
             LlamaBatch batch = new LlamaBatch(512)) {
            int[] prompt = model.vocab().tokenize(PROMPT + "b", true, true);
            decodePrompt(ctx, batch, prompt, 0);
            assertThat(ctx.maxPosition(0)).isEqualTo(prompt.length - 1);

            // fork: sequence 1 shares all but the last prompt token, which it evaluates itself
            ctx.copySequence(0, 1, 0, prompt.length - 1);
            assertThat(ctx.maxPosition(1)).isEqualTo(prompt.length - 2);
            batch.clear();
            int index = batch.add(prompt[prompt.length - 1], prompt.length - 1, 1, true);
            ctx.decode(batch);
            assertThat(greedy(ctx, batch, 1, prompt.length, index, 6)).isEqualTo("cdbcdb");

            // rewind sequence 1 to the prompt without its "b": it then writes the chain's answer instead
            assertThat(ctx.removeTokens(1, prompt.length - 1, -1)).isTrue();
            assertThat(ctx.maxPosition(1)).isEqualTo(prompt.length - 2);
            assertThat(ctx.maxPosition(0)).as("the source is untouched").isEqualTo(prompt.length - 1);
            ctx.removeTokens(1, prompt.length - 2, -1);
            batch.clear();
            index = batch.add(prompt[prompt.length - 2], prompt.length - 2, 1, true);
            ctx.decode(batch);
            assertThat(greedy(ctx, batch, 1, prompt.length - 1, index, 40)).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
        }
    }

    @Test
    void aFreedModelRefusesUseAndLoadingAgainWorks() {
        LlamaModel first = LlamaModel.load(lib, llama, null);
        first.close();
        first.close();
        assertThatThrownBy(first::vocab).isInstanceOf(IllegalStateException.class).hasMessageContaining("freed");
        for (int i = 0; i < 5; i++) {
            try (LlamaModel again = LlamaModel.load(lib, i % 2 == 0 ? llama : qwen3, null)) {
                assertThat(again.parameterCount()).isPositive();
            }
        }
    }

    @Test
    void loadReportsProgressAndMetadata() {
        List<Float> progress = new ArrayList<>();
        try (LlamaModel model = LlamaModel.load(lib, qwen3, f -> progress.add(f))) {
            assertThat(progress).isNotEmpty().isSortedAccordingTo(Float::compare);
            assertThat(progress.getLast()).isEqualTo(1f);
            Map<String, String> meta = model.metadata();
            assertThat(meta).containsEntry("general.architecture", "qwen3").containsKey("qwen3.block_count");
            assertThat(model.metadata("qwen3.embedding_length")).contains("64");
            assertThat(model.metadata("no.such.key")).isEmpty();
            assertThat(model.chatTemplate()).isEmpty();
            assertThat(model.trainedContext()).isEqualTo(2048);
        }
    }

    @Test
    void aFileLlamaCppRefusesFailsWithItsOwnLogLines() throws IOException {
        Path noNorms = dir.resolve("qwen3-without-norms.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", "qwen3")
                .write(noNorms);
        // the llama.* keys do not count for qwen3: the file lacks qwen3.* keys and the q/k norms

        LlamaException e = catchThrowableOfType(LlamaException.class, () -> LlamaModel.load(lib, noNorms, null));

        assertThat(e.getMessage()).startsWith("llama.cpp could not load qwen3-without-norms.gguf");
        assertThat(e.log()).isNotEmpty();
        assertThat(String.join("\n", e.log())).containsAnyOf("qwen3.", "key not found", "missing tensor");
    }

    @Test
    void theLibraryNamesItsDevicesAndLogsWhereItsBackendCameFrom() {
        assertThat(lib.devices()).isNotEmpty();
        assertThat(lib.systemInfo()).contains("CPU");
        assertThat(lib.location().directory()).isDirectory();
        assertThat(Files.isRegularFile(lib.location().llama())).isTrue();
    }
}
