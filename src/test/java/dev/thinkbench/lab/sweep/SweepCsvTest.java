package dev.thinkbench.lab.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** runs.csv: one row per run, a grade set by hand marked as such. */
class SweepCsvTest {

    @Test
    void aGradeSetByHandIsMarkedInItsRow() {
        SweepRecord graded = new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "4", "5", false, 8, 2,
                300L, null, "builtin", null);
        String csv = SweepCsv.runs(List.of(graded, graded.withGrade(true)));

        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("problemId,label,budget,strategy,sample,status,answer,expected,correct,"
                + "gradedByHand,thinkingTokens,answerTokens,totalMs,costUsd,endpoint,error");
        assertThat(lines.get(1)).isEqualTo("p1,small,tokens:8,fixed,0,ok,4,5,false,false,8,2,300,,builtin,");
        assertThat(lines.get(2)).isEqualTo("p1,small,tokens:8,fixed,0,ok,4,5,true,true,8,2,300,,builtin,");
    }
}
