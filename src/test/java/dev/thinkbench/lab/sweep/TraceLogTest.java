package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.ThinkingSegment;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Trace;
import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.strategy.Call;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.lab.strategy.StrategyNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceLogTest {

    @TempDir
    Path dir;

    private static final RunKey P1 = new RunKey("p1", "small", "tokens:8", "majority", 0);

    static Trace trace(String thinking, String answer) {
        return new Trace(List.of(new ThinkingSegment(null, "", thinking, 5, 10, 20),
                new ThinkingSegment(InterventionKind.WAIT_INSERTED, "Wait", " again", 2, 21, 30)), answer,
                RunStatus.OK, null, null);
    }

    static RunMetrics metrics() {
        return new RunMetrics(TokenCount.reported(12), TokenCount.counted(7), TokenCount.reported(3), 4L, 9L, 5L,
                12L, 583.5, new Money(new BigDecimal("0.000123"), "USD", "list price"), 1, null, 8L);
    }

    static TraceLog.Stored stored(String thinking) {
        Call call = new Call(trace("candidate " + thinking, "Final Answer: 4"), metrics(), "http://a", null);
        return new TraceLog.Stored(trace(thinking, "Final Answer: 4"), metrics(),
                List.of(new Candidate(0, call, "4", 0.75, 10), new Candidate(1, null, "5", null, null)),
                Worded.of(StrategyNote.VOTES, 1, 2, "4"));
    }

    @Test
    void aRunsTraceNumbersAndCandidatesReadBackWhole() throws Exception {
        Path file = dir.resolve("sweep/traces.jsonl");
        TraceLog.Stored s = stored("let me think " + "x".repeat(50_000));
        try (TraceLog log = TraceLog.open(file)) {
            log.append(P1, s);
            log.append(new RunKey("p2", "small", "tokens:8", "majority", 0), stored("other"));
        }
        assertThat(Files.readAllLines(file)).hasSize(2).first().asString()
                .startsWith("{\"v\":1,\"problemId\":\"p1\",\"label\":\"small\"");
        assertThat(TraceLog.find(file, P1)).hasValue(s);
        assertThat(TraceLog.find(file, new RunKey("p1", "small", "tokens:8", "majority", 1))).isEmpty();
        assertThat(TraceLog.find(dir.resolve("missing.jsonl"), P1)).isEmpty();
    }

    @Test
    void aForcedAnswersTextReadsBackAndALineWrittenBeforeItWasKeptReadsEmpty() throws Exception {
        Path file = dir.resolve("forced.jsonl");
        Trace forced = new Trace(List.of(new ThinkingSegment(null, "", "x=2.", 2, 10, 20)), " 4", RunStatus.OK, null,
                null, false, "\n</think>\nFinal Answer:");
        TraceLog.Stored s = new TraceLog.Stored(forced, metrics(), List.of(), null);
        try (TraceLog log = TraceLog.open(file)) {
            log.append(P1, s);
        }
        assertThat(TraceLog.find(file, P1)).hasValueSatisfying(r -> assertThat(r.trace().forcedText())
                .isEqualTo("\n</think>\nFinal Answer:"));
        Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"forcedText\"\\s*:\\s*\"[^\"]*\"", ""));
        assertThat(Files.readString(file)).doesNotContain("forcedText");
        assertThat(TraceLog.find(file, P1)).hasValueSatisfying(r -> assertThat(r.trace().forcedText()).isEmpty());
    }

    @Test
    void theLatestLineOfARunWinsAndLinesThatDoNotParseAreSkipped() throws Exception {
        Path file = dir.resolve("traces.jsonl");
        try (TraceLog log = TraceLog.open(file)) {
            log.append(P1, stored("first try"));
        }
        Files.writeString(file, "garbage \"problemId\":\"p1\",\n{\"v\":1,\"problemId\":\"p1\",\"run\":7}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        // a crash mid-write: the last line is cut off; opening again starts a clean line
        String cut = TraceLog.line(P1, stored("cut off"));
        Files.writeString(file, cut.substring(0, cut.length() / 2), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(TraceLog.find(file, P1)).hasValueSatisfying(s -> assertThat(s.trace().thinking())
                .isEqualTo("first tryWait again"));
        try (TraceLog log = TraceLog.open(file)) {
            log.append(P1, stored("retried"));
        }
        assertThat(TraceLog.find(file, P1)).hasValueSatisfying(s -> assertThat(s.trace().thinking())
                .isEqualTo("retriedWait again"));
    }

    @Test
    void aNoteIsReadBackByItsReasonAndAnOlderLinesNoteAsItsEnglish() throws Exception {
        String line = TraceLog.line(P1, stored("x"));
        assertThat(line).contains("\"note\":\"1 of 2 votes for 4\",\"noteReason\":\"VOTES\"");
        assertThat(TraceLog.parse(line, P1).note()).isEqualTo(Worded.of(StrategyNote.VOTES, 1, 2, "4"));

        String older = line.replaceAll(",\"noteReason\":\"VOTES\",\"noteArguments\":\\[[^]]*]", "");
        assertThat(older).doesNotContain("noteReason");
        assertThat(TraceLog.parse(older, P1).note()).isEqualTo(Worded.plain("1 of 2 votes for 4"));
        assertThat(TraceLog.parse(TraceLog.line(P1, new TraceLog.Stored(trace("t", "a"), null, List.of(), null)), P1)
                .note()).as("no note").isNull();
    }

    @Test
    void textsAreMaskedAndARunawayTextIsCut() {
        String key = "sk-" + "a1B2c3D4e5F6g7H8i9J0";
        TraceLog.Stored s = new TraceLog.Stored(trace("my key is " + key, "y".repeat(TraceLog.MAX_TEXT_CHARS + 10)),
                null, List.of(), Worded.plain("picked with Bearer abcdefgh1234"));
        String line = TraceLog.line(P1, s);
        assertThat(line).doesNotContain(key).doesNotContain("abcdefgh1234").contains("my key is ***");
        TraceLog.Stored back = TraceLog.parse(line, P1);
        assertThat(back).isNotNull();
        assertThat(back.metrics()).isNull();
        assertThat(back.note().english()).isEqualTo("picked with Bearer ***");
        assertThat(back.trace().answer()).startsWith("y".repeat(1000)).contains("cut: the traces file keeps")
                .hasSizeLessThan(TraceLog.MAX_TEXT_CHARS + 100);
    }
}
