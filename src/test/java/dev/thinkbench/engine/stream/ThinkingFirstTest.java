package dev.thinkbench.engine.stream;

import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThinkingFirstTest {

    @Test
    void answerOfAChunkWaitsForThatChunksThinking() {
        CollectingSink sink = new CollectingSink();
        ThinkingFirst order = new ThinkingFirst(new RunEvents(sink, "m", "none"));

        order.answer("The answer");
        order.thinking(" done.");
        order.endOfChunk();

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "AnswerDelta");
    }

    @Test
    void answerIsReleasedAtTheEndOfItsChunkWithOneTokenPerCallback() {
        CollectingSink sink = new CollectingSink();
        ThinkingFirst order = new ThinkingFirst(new RunEvents(sink, "m", "none"));

        order.answer("4");
        order.answer("2");
        assertThat(sink.ofType(ReasoningEvent.AnswerDelta.class)).isEmpty();
        order.endOfChunk();

        assertThat(sink.ofType(ReasoningEvent.AnswerDelta.class)).singleElement()
                .satisfies(d -> assertThat(d.text()).isEqualTo("42"))
                .satisfies(d -> assertThat(d.tokens()).isEqualTo(2));
    }

    @Test
    void thinkingLeftInTheAnswerTextBetweenTagsIsThinkingWithItsTokens() {
        CollectingSink sink = new CollectingSink();
        ThinkingFirst order = new ThinkingFirst(new RunEvents(sink, "m", "none"));

        for (String piece : new String[] {"<think>", "Six", " sevens", "</think>", "\n\n", "4", "2"}) {
            order.answer(piece);
            order.endOfChunk();
        }
        order.flush();

        assertThat(sink.thinking()).isEqualTo("Six sevens");
        assertThat(sink.answer()).isEqualTo("42");
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class).stream().mapToInt(ReasoningEvent.ThinkingDelta::tokens)
                .sum()).as("the tag's token goes with the first thinking").isEqualTo(3);
        assertThat(sink.ofType(ReasoningEvent.AnswerDelta.class).stream().mapToInt(ReasoningEvent.AnswerDelta::tokens)
                .sum()).as("the closing tag and the blank line go with the answer's first token").isEqualTo(4);
    }
}
