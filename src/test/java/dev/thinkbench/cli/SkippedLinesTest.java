package dev.thinkbench.cli;

import dev.thinkbench.core.problemset.LoadIssue;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkippedLinesTest {

    static List<String> report(List<LoadIssue> issues) {
        StringWriter text = new StringWriter();
        SkippedLines.report(new PrintWriter(text), "set.jsonl", issues, "problems");
        return text.toString().lines().toList();
    }

    static List<LoadIssue> broken(int... lines) {
        List<LoadIssue> issues = new ArrayList<>();
        for (int line : lines) {
            issues.add(LoadIssue.of(line, LoadIssue.Reason.NOT_AN_OBJECT));
        }
        return issues;
    }

    @Test
    void oneIssueMoreThanTheFewSaidOneByOneIsSaidItselfNotCounted() {
        assertThat(report(broken(2, 3, 4, 5, 6, 9))).hasSize(6)
                .last().isEqualTo("thinkbench: set.jsonl line 9: not a JSON object (skipped)");
    }

    @Test
    void theLinesNotSaidOneByOneAreNamedByNumber() {
        assertThat(report(broken(2, 3, 4, 5, 6, 9, 12, 14))).hasSize(6).last()
                .isEqualTo("thinkbench: set.jsonl: ... and 3 more lines that are not problems (skipped): lines 9, 12, 14");
        assertThat(report(broken(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))).last()
                .isEqualTo("thinkbench: set.jsonl: ... and 15 more lines that are not problems (skipped): lines 6, "
                        + "7, 8, 9, 10, 11, 12, 13, 14, 15, ...");
    }

    @Test
    void problemsLoadedWithAWarningAreNotCountedAsSkipped() {
        List<LoadIssue> issues = broken(2, 3, 4, 5, 6);
        issues.add(LoadIssue.of(8, LoadIssue.Reason.DIFFICULTY_NOT_A_NUMBER, "p8", "easy"));
        issues.add(LoadIssue.of(9, LoadIssue.Reason.DIFFICULTY_BELOW_ONE, "p9", 0));
        issues.add(LoadIssue.of(11, LoadIssue.Reason.NOT_AN_OBJECT));

        assertThat(report(issues)).hasSize(7).endsWith(
                "thinkbench: set.jsonl: ... and 1 more line that is not problems (skipped): line 11",
                "thinkbench: set.jsonl: ... and 2 more lines loaded without a field they got wrong: lines 8, 9");
    }
}
