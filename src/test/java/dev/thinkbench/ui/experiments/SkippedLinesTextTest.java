package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.problemset.LoadIssue;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Experiments form says under an imported problem set about the lines it skipped. */
class SkippedLinesTextTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    static List<LoadIssue> broken(int... lines) {
        List<LoadIssue> issues = new ArrayList<>();
        for (int line : lines) {
            issues.add(LoadIssue.of(line, LoadIssue.Reason.NOT_AN_OBJECT));
        }
        return issues;
    }

    @Test
    void aSixthIssueIsSaidItselfNotAsOneMore() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(SweepSetupController.issuesText(broken(2, 3, 4, 5, 6, 16)).lines())
                .hasSize(6).last().isEqualTo("line 16: not a JSON object (skipped)");
    }

    @Test
    void theIssuesNotSaidOneByOneAreNamedByLineNumberInEitherLanguage() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(SweepSetupController.issuesText(broken(2, 3, 4, 5, 6, 14, 16, 17)).lines()).hasSize(6).last()
                .isEqualTo("\u2026 and 3 more: lines 14, 16, 17");
        Messages.setLocale(Locale.KOREAN);
        assertThat(SweepSetupController.issuesText(broken(2, 3, 4, 5, 6, 14, 16, 17)).lines()).last()
                .isEqualTo("\u2026 외 3개: 14, 16, 17번째 줄");
    }
}
