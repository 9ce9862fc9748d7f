package dev.thinkbench.lab.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultLogTest {

    @TempDir
    Path dir;

    static SweepRecord record(String problem, String status) {
        return new SweepRecord(problem, "small", "tokens:8", "fixed", 0, status, "1", "1",
                status.equals("ok") ? true : null, 8, 2, 12L, null, "e", status.equals("ok") ? null : "boom");
    }

    @Test
    void linesCarryTheDocumentedFieldsInOrderAndReadBack() {
        SweepRecord r = record("p1", "ok");
        String line = SweepRecordJson.line(r);
        assertThat(line).startsWith("{\"problemId\":\"p1\",\"label\":\"small\",\"budget\":\"tokens:8\","
                + "\"strategy\":\"fixed\",\"sample\":0,\"status\":\"ok\",\"answer\":\"1\",\"expected\":\"1\","
                + "\"correct\":true,\"thinkingTokens\":8,\"answerTokens\":2,\"totalMs\":12,\"costUsd\":null,"
                + "\"endpoint\":\"e\"");
        assertThat(SweepRecordJson.parse(line)).isEqualTo(r);
        assertThatThrownBy(() -> SweepRecordJson.parse("{\"label\":\"x\"}")).hasMessage("no \"problemId\"");
    }

    @Test
    void aNoteOnThePickIsWrittenAfterTheOtherFieldsAndALineWithoutOneReadsAsNone() {
        SweepRecord r = record("p1", "ok").withStrategySettings("5 candidates").withRanWith("m, temperature 0.7")
                .withNote("3 of 5 votes for 42");
        String line = SweepRecordJson.line(r);

        assertThat(line).endsWith(",\"ranWith\":\"m, temperature 0.7\",\"strategySettings\":\"5 candidates\","
                + "\"note\":\"3 of 5 votes for 42\"}");
        assertThat(SweepRecordJson.parse(line)).isEqualTo(r);
        assertThat(SweepRecordJson.parse(line.replace(",\"note\":\"3 of 5 votes for 42\"", "")))
                .as("a line written before results kept the note")
                .isEqualTo(r.withNote(null));
    }

    @Test
    void aMalformedLineIsReportedAndTheLatestResultOfARunWins() throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, SweepRecordJson.line(record("p1", "failed")) + "\n"
                + "garbage\n"
                + SweepRecordJson.line(record("p1", "ok")) + "\n", StandardCharsets.UTF_8);

        ResultLog.Contents c = ResultLog.read(file);
        assertThat(c.records()).hasSize(2);
        assertThat(c.issues()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(2);
            assertThat(i.message()).startsWith("not valid JSON");
        });
        assertThat(c.latest()).singleElement().satisfies(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void aFileThatIsNoResultsFileIsRefusedAndLeftAsItWas() throws Exception {
        // a saved session given as --out: its lines were reported one by one, results appended and its last line cut
        Path session = dir.resolve("s3.json");
        String text = "{\n  \"schemaVersion\" : 3,\n  \"columns\" : [ ]\n}";
        Files.writeString(session, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultLog.open(session)).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("s3.json is not a results file (line 1: not valid JSON");
        assertThat(Files.readString(session)).isEqualTo(text);

        // a results file with one damaged line in the middle is still resumed
        Path results = dir.resolve("r.jsonl");
        Files.writeString(results, SweepRecordJson.line(record("p1", "ok")) + "\ngarbage\n"
                + SweepRecordJson.line(record("p2", "ok")) + "\n", StandardCharsets.UTF_8);
        try (ResultLog log = ResultLog.open(results)) {
            assertThat(log.existing().records()).hasSize(2);
        }
    }

    @Test
    void openingCutsAPartialLastLineAndAppendingGoesOnCleanly() throws Exception {
        Path file = dir.resolve("sub/r.jsonl");
        try (ResultLog log = ResultLog.open(file)) {
            log.append(record("p1", "ok"));
            log.append(record("p2", "ok"));
        }
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() - 20));

        try (ResultLog log = ResultLog.open(file)) {
            assertThat(log.existing().records()).hasSize(1);
            assertThat(log.existing().issues()).singleElement()
                    .satisfies(i -> assertThat(i.toString()).startsWith("line 2: the last line was cut off"));
            log.append(record("p2", "ok"));
        }
        ResultLog.Contents after = ResultLog.read(file);
        assertThat(after.issues()).isEmpty();
        assertThat(after.records()).extracting(SweepRecord::problemId).containsExactly("p1", "p2");
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineIsKept() throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, SweepRecordJson.line(record("p1", "ok")));
        try (ResultLog log = ResultLog.open(file)) {
            assertThat(log.existing().records()).hasSize(1);
            log.append(record("p2", "ok"));
        }
        assertThat(ResultLog.read(file).records()).extracting(SweepRecord::problemId).containsExactly("p1", "p2");
    }

    @Test
    void aGradeSetByHandIsAppendedAsTheRunsLatestLineAndCanBeTakenBack() throws Exception {
        Path file = dir.resolve("r.jsonl");
        SweepRecord graded = new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "41", "42", false, 8, 2,
                12L, null, "e", null);
        SweepRecord overridden = graded.withGrade(true);
        assertThat(overridden.correct()).isTrue();
        assertThat(overridden.gradeOverridden()).isTrue();
        assertThat(SweepRecordJson.line(overridden)).endsWith(",\"gradeOverridden\":true}");
        assertThat(SweepRecordJson.line(graded)).doesNotContain("gradeOverridden");
        try (ResultLog log = ResultLog.open(file)) {
            log.append(graded);
            log.append(overridden);
        }
        assertThat(ResultLog.read(file).latest()).containsExactly(overridden);

        SweepRecord back = overridden.withGrade(null);
        assertThat(back.correct()).isFalse();
        assertThat(back.gradeOverridden()).isFalse();
        assertThat(new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "42", "42", true, 8, 2, 12L, null,
                "e", null).withGrade(false).withGrade(null).correct()).isTrue();
        assertThatThrownBy(() -> record("p2", "failed").withGrade(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a finished run");
    }
}
