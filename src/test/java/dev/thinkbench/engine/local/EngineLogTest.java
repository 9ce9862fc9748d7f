package dev.thinkbench.engine.local;

import dev.thinkbench.testing.FakeKeys;
import dev.thinkbench.core.SecretScrubber;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineLogTest {

    @Test
    void keepsTheLastLinesWithinItsLineAndCharacterBounds() {
        EngineLog log = new EngineLog();
        for (int i = 0; i < 1000; i++) {
            log.add("line " + i);
        }

        assertThat(log.lines()).hasSize(EngineLog.MAX_LINES).endsWith("line 999").startsWith("line 800");

        for (int i = 0; i < 100; i++) {
            log.add("x".repeat(5000));
        }
        assertThat(log.lines()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(EngineLog.MAX_LINE_CHARS + 1));
        assertThat(log.lines().stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(EngineLog.MAX_CHARS);
    }

    @Test
    void sinceGivesOnlyTheLinesWrittenAfterAPosition() {
        EngineLog log = new EngineLog();
        log.add("before");
        long mark = log.position();
        log.add("during 1");
        log.add("during 2");

        assertThat(log.since(mark)).containsExactly("during 1", "during 2");
        assertThat(log.since(log.position())).isEmpty();
    }

    @Test
    void theReasonIsTheLastErrorLineElseTheLastFailureLine() {
        List<String> llama = List.of("load_tensors: loading model tensors",
                "llama_model_load: error loading model: check_tensor_dims: tensor 'a' has wrong shape;  expected   64",
                "common_init_from_params: failed to load model '/x.gguf'");
        List<String> jvm = List.of("java.lang.OutOfMemoryError: Java heap space", "\tat dev.x.Y.z(Y.java:1)");

        assertThat(EngineLog.reason(llama)).isEqualTo("llama_model_load: error loading model: check_tensor_dims: "
                + "tensor 'a' has wrong shape; expected 64");
        assertThat(EngineLog.reason(jvm)).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(EngineLog.reason(List.of("srv failed to load"))).isEqualTo("srv failed to load");
        assertThat(EngineLog.reason(List.of("print_info: n_vocab = 358"))).isNull();
    }

    @Test
    void noKeyIsKeptEvenIfSomethingPrintedOneAndMaskingComesBeforeTheCut() {
        EngineLog log = new EngineLog();
        SecretScrubber.register("tb-engine-log-secret-1234");

        log.add("echo tb-engine-log-secret-1234 and Authorization: Bearer abcdefghijklmnop");
        log.add("x".repeat(EngineLog.MAX_LINE_CHARS - 10) + " " + FakeKeys.of("sk-proj", "ABCDEFGHIJKLMNOPQRSTUVWX"));

        assertThat(String.join("\n", log.lines())).doesNotContain("tb-engine-log-secret", "abcdefghijklmnop",
                FakeKeys.of("sk-proj", "ABCDEFGH"), "sk-proj");
        assertThat(log.lines().getFirst()).contains(SecretScrubber.MASK);
    }
}
