package dev.thinkbench.engine.local.host;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StopMatcherTest {

    @Test
    void passesTextThroughWhenNoStopCouldStart() {
        StopMatcher m = new StopMatcher(List.of("</think>"));

        assertThat(m.accept("abc").emit()).isEqualTo("abc");
        assertThat(m.accept(" x").emit()).isEqualTo(" x");
        assertThat(m.matched()).isNull();
    }

    @Test
    void holdsBackAPossibleStartAndReleasesItWhenItDiverges() {
        StopMatcher m = new StopMatcher(List.of("</think>"));

        assertThat(m.accept("x</th").emit()).isEqualTo("x");
        assertThat(m.accept("ing").emit()).isEqualTo("</thing");
        assertThat(m.matched()).isNull();
    }

    @Test
    void matchAcrossPiecesCutsTheTextAtTheMatch() {
        StopMatcher m = new StopMatcher(List.of("</think>"));

        assertThat(m.accept("done</thi").emit()).isEqualTo("done");
        StopMatcher.Step step = m.accept("nk>\nafter");

        assertThat(step.emit()).isEmpty();
        assertThat(step.matched()).isEqualTo("</think>");
        assertThat(m.flush()).isEmpty();
    }

    @Test
    void earliestOfSeveralStopsWins() {
        StopMatcher m = new StopMatcher(List.of("END", "<|im_end|>"));

        StopMatcher.Step step = m.accept("a<|im_end|>b END");

        assertThat(step.emit()).isEqualTo("a");
        assertThat(step.matched()).isEqualTo("<|im_end|>");
    }

    @Test
    void flushReturnsHeldTextWhenGenerationEndsWithoutAMatch() {
        StopMatcher m = new StopMatcher(List.of("</think>"));
        m.accept("tail</");

        assertThat(m.flush()).isEqualTo("</");
    }

    @Test
    void emptyStopStringsAreIgnored() {
        StopMatcher m = new StopMatcher(List.of(""));

        assertThat(m.accept("abc").emit()).isEqualTo("abc");
        assertThat(m.matched()).isNull();
    }
}
