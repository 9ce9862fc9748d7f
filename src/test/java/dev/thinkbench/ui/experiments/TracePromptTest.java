package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.RunKey;
import javafx.scene.control.Hyperlink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep run's trace shows a long prompt's start, so its verdict and thinking stay in sight; the whole on a click. */
@ExtendWith(ApplicationExtension.class)
class TracePromptTest {

    @Test
    void aLongPromptShowsItsStartWithALinkToTheWholeAndAShortOneShowsWhole() throws Exception {
        String longPrompt = "A train leaves at 9. ".repeat(1000);
        RunKey key = new RunKey("huge", "small", "none", "fixed", 0);
        WaitForAsyncUtils.asyncFx(() -> {
            TraceView view = new TraceView(k -> Optional.empty(), (k, v) -> { }, (k, then) -> false);
            view.show(key, longPrompt);
            Hyperlink more = (Hyperlink) view.lookup("#tracePromptMore");
            assertThat(view.promptShown()).hasSizeLessThanOrEqualTo(TraceView.PROMPT_HEAD_CHARS + 1).endsWith("\u2026");
            assertThat(more.isVisible()).isTrue();
            assertThat(more.getText()).isEqualTo("Show the whole prompt (21,000 characters)");

            more.fire();
            assertThat(view.promptShown()).isEqualTo(longPrompt);
            assertThat(more.getText()).isEqualTo("Show its start only");
            view.show(key, longPrompt);
            assertThat(view.promptShown()).as("the same run shown again stays whole").isEqualTo(longPrompt);

            view.show(new RunKey("p1", "small", "none", "fixed", 0), "What is 2 + 2?");
            assertThat(view.promptShown()).isEqualTo("What is 2 + 2?");
            assertThat(more.isVisible()).isFalse();
        }).get();
    }
}
