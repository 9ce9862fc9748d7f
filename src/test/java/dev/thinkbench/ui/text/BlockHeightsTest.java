package dev.thinkbench.ui.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Block heights for a virtualized view: measured where drawn, estimated from those elsewhere. */
class BlockHeightsTest {

    private final TextBlocks blocks = new TextBlocks(10, 20);
    private final BlockHeights heights = new BlockHeights(blocks);

    /** Three blocks of 10, 10 and 5 characters. */
    private void threeBlocks() {
        blocks.append("abcdefghi\nabcdefghi\nabcde", "t");
        assertThat(blocks.blocks()).hasSize(3);
    }

    @Test
    void unmeasuredBlocksAreEstimatedFromTheMeasuredOnesPerCharacter() {
        threeBlocks();
        heights.useWidth(300);
        heights.measured(0, 40);

        assertThat(heights.heightOf(1)).isEqualTo(40);
        assertThat(heights.heightOf(2)).isEqualTo(20);
        assertThat(heights.total()).isEqualTo(100);
        assertThat(heights.above(2)).isEqualTo(80);
    }

    @Test
    void positionsFindTheBlockAndTheOffsetIntoIt() {
        threeBlocks();
        heights.useWidth(300);
        heights.measured(0, 40);
        heights.measured(1, 60);
        heights.measured(2, 10);

        assertThat(heights.at(0)).isEqualTo(new BlockHeights.Position(0, 0));
        assertThat(heights.at(45)).isEqualTo(new BlockHeights.Position(1, 5));
        assertThat(heights.at(100)).isEqualTo(new BlockHeights.Position(2, 0));
        assertThat(heights.at(500)).isEqualTo(new BlockHeights.Position(2, 400));
    }

    @Test
    void anotherWidthOrAChangedBlockForgetsWhatWasMeasured() {
        threeBlocks();
        heights.useWidth(300);
        heights.measured(0, 40);
        heights.measured(2, 20);

        heights.useWidth(300);
        assertThat(heights.isMeasured(0)).isTrue();
        heights.forget(2);
        assertThat(heights.isMeasured(2)).isFalse();
        heights.useWidth(200);
        assertThat(heights.isMeasured(0)).isFalse();
    }

    @Test
    void manyBlocksGrowTheTable() {
        for (int i = 0; i < 500; i++) {
            blocks.append("0123456789\n", "t");
        }
        heights.useWidth(300);
        heights.measured(499, 30);

        assertThat(heights.isMeasured(499)).isTrue();
        assertThat(heights.total()).isCloseTo(500 * 30.0, org.assertj.core.data.Offset.offset(1e-6));
    }
}
