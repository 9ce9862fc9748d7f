package dev.thinkbench.lab.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** runs.csv: one row per run, a grade set by hand marked as such; summary.csv; no cell runs as a formula. */
class SweepCsvTest {

    @Test
    void aGradeSetByHandIsMarkedInItsRow() {
        SweepRecord graded = new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "4", "5", false, 8, 2,
                300L, null, "builtin", null);
        String csv = SweepCsv.runs(List.of(graded, graded.withGrade(true)));

        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("problemId,label,budget,strategy,sample,status,answer,expected,correct,"
                + "thinkingTokens,answerTokens,totalMs,costUsd,endpoint,error,gradedByHand,note");
        assertThat(lines.get(1)).isEqualTo("p1,small,tokens:8,fixed,0,ok,4,5,false,8,2,300,,builtin,,false,");
        assertThat(lines.get(2)).isEqualTo("p1,small,tokens:8,fixed,0,ok,4,5,true,8,2,300,,builtin,,true,");
    }

    @Test
    void eachRowEndsWithHowItsStrategyPicked() {
        SweepRecord voted = new SweepRecord("p1", "small", "tokens:8", "majority", 0, "ok", "42", "42", true, 31, 2,
                300L, null, "builtin", null).withNote("3 of 5 votes for 42, tied with 7: the answer given first wins");

        assertThat(SweepCsv.runs(List.of(voted)).lines().toList().get(1)).isEqualTo("p1,small,tokens:8,majority,0,ok,"
                + "42,42,true,31,2,300,,builtin,,false,\"3 of 5 votes for 42, tied with 7: the answer given first wins\"");
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaGetsALeadingApostropheInBothFiles() {
        SweepRecord run = new SweepRecord("=cmd|' /C calc'!A0", "+big", "tokens:8", "@strategy", 0, "ok",
                "-1+2", "\t1", false, 8, 2, 300L, null, "\rendpoint", "=HYPERLINK(\"http://x\",\"y\")");

        List<String> runs = List.of(SweepCsv.runs(List.of(run)).split("\r\n"));
        assertThat(runs.get(1)).isEqualTo("'=cmd|' /C calc'!A0,'+big,tokens:8,'@strategy,0,ok,'-1+2,'\t1,false,8,2,"
                + "300,,\"'\rendpoint\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",false,");
        List<String> summary = List.of(SweepCsv.summary(SweepSummary.rows(List.of(run))).split("\r\n"));
        assertThat(summary.get(1)).startsWith("'+big,tokens:8,'@strategy,1,0,0,");
    }
}
