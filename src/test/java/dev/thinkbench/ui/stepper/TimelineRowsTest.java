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

    @Test
    void aHarmonyAnswerOpeningShowsAsItsChannelAndALongInsertIsCutWithTheWholeKept() {
        assertThat(TimelineRows.compact("<|end|><|start|>assistant<|channel|>final<|message|>Final Answer:"))
                .isEqualTo("final channel + Final Answer:");
        assertThat(TimelineRows.compact("<|end|><|start|>assistant<|channel|>final<|message|>"))
                .isEqualTo("final channel");
        assertThat(TimelineRows.compact("\n</think>\n\nFinal Answer:")).isEqualTo("\u21b5</think>\u21b5\u21b5Final Answer:");
        String longer = "Let me check the second step again, carefully.";
        assertThat(TimelineRows.compact(longer)).hasSize(TimelineRows.SHORT_CHARS).endsWith("\u2026")
                .startsWith("Let me check");
    }

    @Test
    void aRowKeepsTheWholeInsertedTextForItsTooltip() {
        dev.thinkbench.forcing.StepRecord forced = new dev.thinkbench.forcing.StepRecord(
                dev.thinkbench.forcing.StepRecord.Phase.ANSWER, dev.thinkbench.core.InterventionKind.ANSWER_FORCED,
                "<|end|><|start|>assistant<|channel|>final<|message|>Final Answer:", "4", 2, 64, null, null,
                dev.thinkbench.engine.CompletionResult.Stop.EOS, "model ended its answer", 0, 1_000_000);
        dev.thinkbench.forcing.BranchView branch = new dev.thinkbench.forcing.BranchView(1, "branch 1", null, 0,
                dev.thinkbench.forcing.StepperState.DONE, "", java.util.List.of(forced), "", 0, java.util.List.of(),
                java.util.List.of());

        TimelineRow row = TimelineRows.of(java.util.List.of(branch)).getFirst();

        assertThat(row.inserted()).isEqualTo("final channel + Final Answer:");
        assertThat(row.insertedWhole()).isEqualTo(forced.inserted());
    }
}
