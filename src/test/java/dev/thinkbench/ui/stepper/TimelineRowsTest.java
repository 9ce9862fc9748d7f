package dev.thinkbench.ui.stepper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline shows inserted text on one line, with line breaks as a sign people read, not a code escape. */
class TimelineRowsTest {

    @Test
    void lineBreaksAndTabsShowAsSigns() {
        assertThat(TimelineRows.shown("\nWait")).isEqualTo("\u21b5Wait");
        assertThat(TimelineRows.shown("</think>\r\n\nFinal Answer:")).isEqualTo("</think>\u21b5\u21b5Final Answer:");
        assertThat(TimelineRows.shown("a\tb")).isEqualTo("a\u2192b");
        assertThat(TimelineRows.shown("Wait")).isEqualTo("Wait");
        assertThat(TimelineRows.shown("")).isEmpty();
    }
}
