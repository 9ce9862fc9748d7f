package dev.thinkbench.ui.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streamed text in bounded blocks: nothing lost or added, blocks bounded, cuts where a reader expects them. */
class TextBlocksTest {

    private static String joined(TextBlocks blocks) {
        StringBuilder b = new StringBuilder();
        blocks.blocks().forEach(block -> b.append(block.text()));
        return b.toString();
    }

    @Test
    void randomStreamsComeBackExactlyAndEveryBlockStaysWithinTheHardLimit() {
        Random random = new Random(7);
        String alphabet = "ab c\n\u00e9 \ud83d\ude00x\n\n  yz";
        for (int round = 0; round < 200; round++) {
            TextBlocks blocks = new TextBlocks(8, 20);
            StringBuilder sent = new StringBuilder();
            for (int batch = random.nextInt(30); batch >= 0; batch--) {
                StringBuilder b = new StringBuilder();
                for (int i = random.nextInt(60); i > 0; i--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                sent.append(b);
                blocks.append(b.toString(), random.nextBoolean() ? "thinking-text" : "inserted-text");
            }
            assertThat(blocks.text()).isEqualTo(sent.toString());
            assertThat(joined(blocks)).isEqualTo(sent.toString());
            assertThat(blocks.length()).isEqualTo(sent.length());
            int start = 0;
            for (TextBlocks.Block block : blocks.blocks()) {
                assertThat(block.length()).isBetween(1, 20);
                assertThat(block.start()).isEqualTo(start);
                start += block.length();
            }
        }
    }

    @Test
    void aBlockClosesAtTheFirstLineBreakAfterTheSoftLimit() {
        TextBlocks blocks = new TextBlocks(10, 100);

        blocks.append("short\nline two\nline three\nrest", "t");

        assertThat(blocks.blocks()).extracting(TextBlocks.Block::text)
                .containsExactly("short\nline two\n", "line three\n", "rest");
    }

    @Test
    void aLongLineWithoutBreaksIsCutAfterASpaceOrWhereTheBlockEnds() {
        TextBlocks blocks = new TextBlocks(5, 12);

        blocks.append("aaaa bbbb cccc dddd", "t");

        assertThat(blocks.blocks()).extracting(TextBlocks.Block::text)
                .containsExactly("aaaa bbbb ", "cccc dddd");

        blocks.append("eeeeeeee", "t");

        assertThat(blocks.blocks()).extracting(TextBlocks.Block::text)
                .containsExactly("aaaa bbbb ", "cccc dddd", "eeeeeeee");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        TextBlocks blocks = new TextBlocks(2, 5);

        blocks.append("abcd\ud83d\ude00efgh", "t");

        assertThat(blocks.blocks()).extracting(TextBlocks.Block::text)
                .containsExactly("abcd", "\ud83d\ude00efg", "h");
    }

    @Test
    void tokenByTokenAppendsGrowTheLastBlockAndReportNewOnes() {
        TextBlocks blocks = new TextBlocks(6, 12);

        assertThat(blocks.append("one ", "t")).isEqualTo(new TextBlocks.Change(false, 1));
        assertThat(blocks.append("two ", "t")).isEqualTo(new TextBlocks.Change(true, 0));
        assertThat(blocks.append("three\nfour", "t")).isEqualTo(new TextBlocks.Change(false, 2));
        assertThat(blocks.blocks()).extracting(TextBlocks.Block::text).containsExactly("one two ", "three\n", "four");
    }

    @Test
    void stylesAreKeptAsRunsAndTheFinalLineBreakIsNotDrawn() {
        TextBlocks blocks = new TextBlocks(100, 200);
        blocks.append("So the answer is 5.", "thinking-text");
        blocks.append("\nWait", "inserted-text");
        blocks.append(", no", "inserted-text");
        blocks.append(" it is 6.\n", "thinking-text");

        TextBlocks.Block block = blocks.blocks().getFirst();
        assertThat(block.runCount()).isEqualTo(3);
        assertThat(List.of(block.runStyle(0), block.runStyle(1), block.runStyle(2)))
                .containsExactly("thinking-text", "inserted-text", "thinking-text");
        assertThat(block.runText(1, true)).isEqualTo("\nWait, no");
        assertThat(block.runText(2, false)).isEqualTo(" it is 6.\n");
        assertThat(block.runText(2, true)).isEqualTo(" it is 6.");
    }

    @Test
    void versionsChangeOnlyForTheBlockThatTookText() {
        TextBlocks blocks = new TextBlocks(4, 8);
        blocks.append("abcd\nef", "t");
        TextBlocks.Block first = blocks.blocks().getFirst();
        int firstVersion = first.version();
        int lastVersion = blocks.blocks().getLast().version();

        blocks.append("g", "t");

        assertThat(first.version()).isEqualTo(firstVersion);
        assertThat(blocks.blocks().getLast().version()).isNotEqualTo(lastVersion);
    }

    @Test
    void aRangeOfTheTextSpansBlocks() {
        TextBlocks blocks = new TextBlocks(4, 8);
        blocks.append("abcd\nefgh\nijk", "t");

        assertThat(blocks.text(2, 12)).isEqualTo("cd\nefgh\nij");
        assertThat(blocks.text(5, 5)).isEmpty();
        assertThat(blocks.blocks().getFirst().shownLength()).isEqualTo(4);
        assertThatThrownBy(() -> blocks.text(3, 99)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void clearingForgetsEverything() {
        TextBlocks blocks = new TextBlocks();
        blocks.append("text\n", "t");

        blocks.clear();

        assertThat(blocks.blocks()).isEmpty();
        assertThat(blocks.text()).isEmpty();
        assertThat(blocks.append("again", "t")).isEqualTo(new TextBlocks.Change(false, 1));
        assertThat(blocks.blocks().getFirst().start()).isZero();
    }

    @Test
    void limitsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new TextBlocks(10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("softLimit < hardLimit");
    }
}
