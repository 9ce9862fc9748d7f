package dev.thinkbench.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StopStringMatcherTest {

    @Test
    void holdsBackAPossibleStartAndCutsBeforeTheMatch() {
        StopStringMatcher m = new StopStringMatcher(List.of("</think>"));
        assertThat(m.feed("two r's.</")).isEqualTo("two r's.");
        assertThat(m.holding()).isTrue();
        assertThat(m.feed("thi")).isEmpty();
        assertThat(m.feed("nk>\nanswer")).isEmpty();
        assertThat(m.matched()).isEqualTo("</think>");
        assertThat(m.feed("more")).isEmpty();
        assertThat(m.flush()).isEmpty();
    }

    @Test
    void releasesHeldTextThatTurnedOutNotToBeAStop() {
        StopStringMatcher m = new StopStringMatcher(List.of("</think>", "<|im_end|>"));
        assertThat(m.feed("a <")).isEqualTo("a ");
        assertThat(m.feed("b")).isEqualTo("<b");
        assertThat(m.feed("c </thi")).isEqualTo("c ");
        assertThat(m.flush()).isEqualTo("</thi");
        assertThat(m.matched()).isNull();
    }

    @Test
    void earliestOfSeveralStopsWinsWithinOnePiece() {
        StopStringMatcher m = new StopStringMatcher(List.of("END", "<|im_end|>"));

        assertThat(m.feed("a<|im_end|>b END")).isEqualTo("a");
        assertThat(m.matched()).isEqualTo("<|im_end|>");
        assertThat(m.flush()).isEmpty();
    }

    @Test
    void emptyAndMissingStopStringsAreIgnored() {
        StopStringMatcher m = new StopStringMatcher(java.util.Arrays.asList("", null));

        assertThat(m.feed("abc")).isEqualTo("abc");
        assertThat(m.matched()).isNull();
    }
}
