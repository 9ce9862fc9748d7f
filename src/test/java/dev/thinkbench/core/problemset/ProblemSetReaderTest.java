package dev.thinkbench.core.problemset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemSetReaderTest {

    @Test
    void readsEveryFieldOfAJsonlLineAndIgnoresUnknownOnes() {
        ProblemLoad load = ProblemSetReader.readJsonl("""
                {"id":"p1","prompt":"1 + 1 = ?","answer":"2","difficulty":1,"tags":["seed","trivial"],\
                "source":"seeds","license":"CC0-1.0","extra":{"nested":true}}
                {"id":7,"prompt":"Half of 3?","answer":1.5}
                """, "set.jsonl");

        assertThat(load.issues()).isEmpty();
        assertThat(load.problems()).containsExactly(
                new BenchProblem("p1", "1 + 1 = ?", "2", 1, List.of("seed", "trivial"), "seeds", "CC0-1.0"),
                new BenchProblem("7", "Half of 3?", "1.5", null, List.of(), "", ""));
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumberAndSkippedTheRestLoads() {
        ProblemLoad load = ProblemSetReader.readJsonl("""
                {"id":"a","prompt":"ok one","answer":"1"}
                {"id":"b","prompt":"cut in the mid
                ["not","an","object"]

                {"prompt":"no id"}
                {"id":"c"}
                {"id":"d","prompt":"x","difficulty":"hard"}
                {"id":"e","prompt":"x","difficulty":0}
                {"id":"a","prompt":"same id again"}
                {"id":"f","prompt":"x","answer":{"value":1}}
                {"id":"g","prompt":"no answer: run, shown ungraded"}
                """, "set.jsonl");

        assertThat(load.problems()).extracting(BenchProblem::id).as("a bad difficulty loads the problem without one")
                .containsExactly("a", "d", "e", "g");
        assertThat(load.problems().get(1).difficulty()).isNull();
        assertThat(load.problems().get(3).gradable()).isFalse();
        assertThat(load.issues()).extracting(LoadIssue::line).containsExactly(2, 3, 5, 6, 7, 8, 9, 10);
        assertThat(load.issues()).extracting(i -> i.reason().skips())
                .containsExactly(true, true, true, true, false, false, true, true);
        assertThat(load.issues().get(0).toString()).startsWith("line 2: not valid JSON");
        assertThat(load.issues().get(1).message()).isEqualTo("not a JSON object");
        assertThat(load.issues().get(2).message()).isEqualTo("no id");
        assertThat(load.issues().get(3).message()).contains("'c'", "has no prompt");
        assertThat(load.issues().get(4).message()).contains("difficulty must be a whole number", "'hard'",
                "loaded without one");
        assertThat(load.issues().get(5).message()).contains("difficulty must be 1 or more");
        assertThat(load.issues().get(6).message()).isEqualTo("id 'a' was already used on line 1");
        assertThat(load.issues().get(7).message()).contains("the answer must be text or a number");
    }

    @Test
    void aBrokenLineIsToldInWordsAWindowCanTranslate() {
        ProblemLoad load = ProblemSetReader.readJsonl("{\"id\":\"a\",\"prompt\":\"cut\",\"answer\":\"1\"\n"
                + "this is not json\n{\"id\":\"b\",\"prompt\":\"ok\",\"answer\":\"2\"}\n", "set.jsonl");

        assertThat(load.problems()).extracting(BenchProblem::id).containsExactly("b");
        assertThat(load.issues()).extracting(LoadIssue::reason).containsExactly(LoadIssue.Reason.JSON_CUT_SHORT,
                LoadIssue.Reason.JSON_UNEXPECTED);
        assertThat(load.issues().get(0).message()).isEqualTo("not valid JSON: the line ends before its object closes");
        assertThat(load.issues().get(1).message()).isEqualTo("not valid JSON: unexpected 'this'");
    }

    @Test
    void jsonlKeysAreReadInAnyCaseAsCsvHeadersAre() {
        ProblemLoad load = ProblemSetReader.readJsonl("""
                {"ID":"p1","Prompt":"1 + 1 = ?","ANSWER":"2","Difficulty":1}
                {"id":"p2","Id":"other","prompt":"2 + 2 = ?","answer":4}
                """, "set.jsonl");

        assertThat(load.issues()).isEmpty();
        assertThat(load.problems()).containsExactly(
                new BenchProblem("p1", "1 + 1 = ?", "2", 1, List.of(), "", ""),
                new BenchProblem("p2", "2 + 2 = ?", "4", null, List.of(), "", ""));
    }

    @Test
    void aLineWithTextAfterItsObjectIsSkippedNotLoadedWithoutTheRest() {
        ProblemLoad load = ProblemSetReader.readJsonl("""
                {"id":"a","prompt":"Start with 5. Add 5.","answer":10} garbage
                {"id":"b","prompt":"two on one line","answer":1}{"id":"c","prompt":"lost","answer":2}
                {"id":"d","prompt":"ok","answer":3}\t
                """, "set.jsonl");

        assertThat(load.problems()).extracting(BenchProblem::id).as("trailing white space is fine").containsExactly("d");
        assertThat(load.issues()).extracting(LoadIssue::line).containsExactly(1, 2);
        assertThat(load.issues()).extracting(LoadIssue::reason).containsOnly(LoadIssue.Reason.TEXT_AFTER_OBJECT);
        assertThat(load.issues().getFirst().toString())
                .isEqualTo("line 1: not valid JSON: text after the object closes");
    }

    @Test
    void readsCsvWithQuotedFieldsLineBreaksAndAnyColumnOrder() throws IOException {
        String csv = "Prompt,ID,answer,tags,difficulty,notes\r\n"
                + "\"Say \"\"hi\"\", then add 2, 3\",q1,5,math;easy,2,ignored\r\n"
                + "\"two\nlines\",q2,,,,\r\n"
                + "\r\n"
                + "x,q3,1,,high\r\n"
                + "x,q4,1,,,,too many\r\n"
                + ",q5,1\r\n"
                + "last,q6,B";
        ProblemLoad load = ProblemSetReader.readCsv(new StringReader(csv), "set.csv");

        assertThat(load.problems()).containsExactly(
                new BenchProblem("q1", "Say \"hi\", then add 2, 3", "5", 2, List.of("math", "easy"), "", ""),
                new BenchProblem("q2", "two\nlines", null, null, List.of(), "", ""),
                new BenchProblem("q3", "x", "1", null, List.of(), "", ""),
                new BenchProblem("q6", "last", "B", null, List.of(), "", ""));
        assertThat(load.issues()).extracting(LoadIssue::line).containsExactly(6, 7, 8);
        assertThat(load.issues().get(0).message()).contains("difficulty must be a whole number");
        assertThat(load.issues().get(1).message()).isEqualTo("the row has 7 fields but the header 6");
        assertThat(load.issues().get(2).message()).contains("'q5' has no prompt");
    }

    @Test
    void aCsvWithoutTheNeededColumnsOrWithAnOpenQuoteSaysSo() throws IOException {
        ProblemLoad noHeader = ProblemSetReader.readCsv(new StringReader("question,answer\nx,1\n"), "s.csv");
        assertThat(noHeader.problems()).isEmpty();
        assertThat(noHeader.issues()).singleElement().hasToString(
                "line 1: the header row must name the columns id and prompt (found question, answer)");

        ProblemLoad open = ProblemSetReader.readCsv(new StringReader("id,prompt\na,\"never closed\n"), "s.csv");
        assertThat(open.issues()).singleElement().hasToString("line 2: a quoted field is never closed");
    }

    @Test
    void aRecordWithTextAfterAClosingQuoteIsSkippedAndTheOtherRowsLoad() throws IOException {
        String csv = "id,prompt,answer\n"
                + "p1,\"1+1\",2\n"
                + "p2,\"two\nlines\" x,5\n"
                + "p3,2+2,4\n"
                + "p4,\"3+3\"?,6\r\n"
                + "p5,\"4+4\",8";
        ProblemLoad load = ProblemSetReader.readCsv(new StringReader(csv), "q3.csv");

        assertThat(load.problems()).extracting(BenchProblem::id).containsExactly("p1", "p3", "p5");
        assertThat(load.issues()).extracting(LoadIssue::toString).as("the line each bad record starts on")
                .containsExactly("line 3: text after a closing quote", "line 6: text after a closing quote");
    }

    @Test
    void aQuoteNeverClosedSkipsItsRecordAndReadingGoesOnAtTheNextLine() throws IOException {
        String csv = "id,prompt,answer\n"
                + "p1,1+1,2\n"
                + "p2,\"2+2\n"
                + "p3,3+3,6\n"
                + "p4,4+4,8\n";
        ProblemLoad load = ProblemSetReader.readCsv(new StringReader(csv), "q3.csv");

        assertThat(load.problems()).extracting(BenchProblem::id).containsExactly("p1", "p3", "p4");
        assertThat(load.issues()).singleElement().hasToString("line 3: a quoted field is never closed");

        ProblemLoad header = ProblemSetReader.readCsv(new StringReader("id,\"prompt\nq,x\n"), "h.csv");
        assertThat(header.problems()).isEmpty();
        assertThat(header.issues()).as("without its header no row can be read").singleElement()
                .hasToString("line 1: a quoted field is never closed");
    }

    @Test
    void aQuoteLeftOpenThatTheNextRecordsQuoteClosesSpoilsOnlyItsOwnRecord() throws IOException {
        String csv = "id,prompt,answer\n"
                + "p1,\"Tom has 12 apples, gives away 5, buys 9 more. How many?\",16\n"
                + "p2,\"Sam has 7 pens, buys 3 more. How many?,10\n"
                + "p3,\"Ann has 20 cards, loses 4. How many?\",16\n"
                + "p4,Bob has 5 cats and gets 2 more. How many?,7\n";
        ProblemLoad load = ProblemSetReader.readCsv(new StringReader(csv), "p.csv");

        assertThat(load.problems()).extracting(BenchProblem::id).as("p3 is not swallowed by p2's open quote")
                .containsExactly("p1", "p3", "p4");
        assertThat(load.issues()).singleElement().hasToString("line 3: a quoted field is never closed");
    }

    @Test
    void readsAFileByItsExtensionAndFailsClearlyWhenItIsMissing(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("set.csv");
        Files.writeString(csv, "id,prompt,answer\na,1+1,2\n");
        Path jsonl = dir.resolve("set.jsonl");
        Files.writeString(jsonl, ProblemSetWriter.jsonl(ProblemSetReader.read(csv).problems()));

        assertThat(ProblemSetReader.read(jsonl).problems()).containsExactly(BenchProblem.of("a", "1+1", "2"));
        assertThatThrownBy(() -> ProblemSetReader.read(dir.resolve("missing.jsonl"))).isInstanceOf(IOException.class);
    }

    @Test
    void writtenLinesReadBackIntoEqualProblems() {
        List<BenchProblem> problems = List.of(
                new BenchProblem("x", "multi\nline \"quoted\"", "3/4", 4, List.of("a", "b"), "src", "CC0-1.0"),
                BenchProblem.of("y", "no answer", null));
        ProblemLoad back = ProblemSetReader.readJsonl(ProblemSetWriter.jsonl(problems), "round.jsonl");
        assertThat(back.issues()).isEmpty();
        assertThat(back.problems()).isEqualTo(problems);
        assertThat(back.limit(1).problems()).containsExactly(problems.getFirst());
    }
}
