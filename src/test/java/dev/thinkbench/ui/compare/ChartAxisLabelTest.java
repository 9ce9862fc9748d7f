package dev.thinkbench.ui.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Compare charts' column labels: long ones on two lines (side by side they ran together: "64 + 2 Waits128 + 6"). */
class ChartAxisLabelTest {

    @Test
    void aLongLabelBreaksAtTheSpaceNearestItsMiddleAndAShortOneStaysWhole() {
        assertThat(ChartsPane.axisLabel("64 + 2 Waits")).isEqualTo("64 + 2\nWaits");
        assertThat(ChartsPane.axisLabel("128 + 6 Waits")).isEqualTo("128 + 6\nWaits");
        assertThat(ChartsPane.axisLabel("24 tokens")).isEqualTo("24 tokens");
        assertThat(ChartsPane.axisLabel("small")).isEqualTo("small");
        assertThat(ChartsPane.axisLabel("effort:medium")).as("no space to break at").isEqualTo("effort:medium");
        assertThat(ChartsPane.axisLabel("16 tokens (2)")).isEqualTo("16 tokens\n(2)");
        assertThat(ChartsPane.axisLabel("sample 3", 5)).as("five candidates side by side").isEqualTo("sample\n3");
        assertThat(ChartsPane.axisLabel("#3", 5)).isEqualTo("#3");
    }

    @Test
    void aLongColumnNameIsShownByItsStartAndEndUnlessTwoWouldLookAlike() {
        String longName = "tiny budget with a very very long label that goes on and on";
        assertThat(ChartsPane.shortened(longName)).isEqualTo("tiny budget\u2026s on and on").hasSizeLessThanOrEqualTo(24);
        assertThat(ChartsPane.axisLabels(java.util.List.of(longName, "small"), 9))
                .containsExactly("tiny budget\u2026s\non and on", "small");
        String a = "the same long beginning, x, and the same long end";
        String b = "the same long beginning, y, and the same long end";
        assertThat(ChartsPane.axisLabels(java.util.List.of(a, b), 9)).as("cut alike: kept whole, not merged")
                .doesNotHaveDuplicates().allSatisfy(l -> assertThat(l).doesNotContain("\u2026"));
    }
}
