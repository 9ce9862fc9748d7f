package dev.thinkbench.engine.stream;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InlineThinkingTest {

    /** Feeds the pieces one by one, then flushes; returns "T:" or "A:" per piece, merged where they run on. */
    private static List<String> split(String... pieces) {
        return split(new InlineThinking(), pieces);
    }

    /** As {@link #split(String...)}, the prompt having opened the thinking. */
    private static List<String> splitOpenedByPrompt(String... pieces) {
        InlineThinking inline = new InlineThinking();
        inline.openedByPrompt();
        return split(inline, pieces);
    }

    private static List<String> split(InlineThinking inline, String... pieces) {
        List<InlineThinking.Piece> out = new ArrayList<>();
        for (String p : pieces) {
            out.addAll(inline.content(p));
        }
        out.addAll(inline.flush());
        List<String> merged = new ArrayList<>();
        for (InlineThinking.Piece p : out) {
            String kind = p.thinking() ? "T:" : "A:";
            if (!merged.isEmpty() && merged.getLast().startsWith(kind)) {
                merged.set(merged.size() - 1, merged.getLast() + p.text());
            } else {
                merged.add(kind + p.text());
            }
        }
        return merged;
    }

    @Test
    void taggedThinkingIsThinkingAndTheAnswerFollowsWithoutItsLeadingBlankLines() {
        assertThat(split("<think>", "Six sevens", " are 42.", "</think>", "\n\n", "42"))
                .containsExactly("T:Six sevens are 42.", "A:42");
    }

    @Test
    void tagsSplitAcrossPiecesAreFoundAndNothingOfThemLeaks() {
        assertThat(split("\n<th", "ink>\nLet me", " see.</thi", "nk>\n\nThe answer", " is 3."))
                .containsExactly("T:\nLet me see.", "A:The answer is 3.");
        assertThat(split("<think>a</think>b")).containsExactly("T:a", "A:b");
    }

    @Test
    void aReplyThatDoesNotOpenWithTheTagIsAllAnswerEvenIfItMentionsIt() {
        assertThat(split("The <think> tag", " opens thinking.")).containsExactly("A:The <think> tag opens thinking.");
        assertThat(split("<b>bold</b>")).containsExactly("A:<b>bold</b>");
        assertThat(split("<thin", "g>")).containsExactly("A:<thing>");
    }

    @Test
    void thinkingThatNeverClosesIsThinkingAndAHeldTagBeginningIsGivenBackAtTheEnd() {
        assertThat(split("<think>", "cut off mid-thought </thi")).containsExactly("T:cut off mid-thought </thi");
        assertThat(split("  <thi")).containsExactly("A:  <thi");
    }

    @Test
    void thinkingIsPassedOnAsItStreamsNotHeldToTheEnd() {
        InlineThinking inline = new InlineThinking();
        inline.content("<think>");
        assertThat(inline.content("Step one. ")).containsExactly(new InlineThinking.Piece("Step one. ", true));
        assertThat(inline.content("Step two </")).containsExactly(new InlineThinking.Piece("Step two ", true));
    }

    @Test
    void whenThePromptOpenedTheThinkingTheReplyIsThinkingUntilItClosesIt() {
        assertThat(splitOpenedByPrompt("12-5=7", "\n7+9=16\n", "</th", "ink>\n", "Final Answer: 16"))
                .containsExactly("T:12-5=7\n7+9=16\n", "A:Final Answer: 16");
        assertThat(splitOpenedByPrompt("<thi", "nk>\n", "3+4=7", "</think>", "7"))
                .as("a <think> the model writes again is dropped").containsExactly("T:\n3+4=7", "A:7");
        assertThat(splitOpenedByPrompt("12-5=7\n7")).as("cut before it closes: all thinking")
                .containsExactly("T:12-5=7\n7");
        assertThat(splitOpenedByPrompt("<t")).as("a held tag's beginning at the end is thinking too")
                .containsExactly("T:<t");
    }
}
