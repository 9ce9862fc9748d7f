package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.TokenProbability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionFileTest {

    @TempDir
    Path dir;

    private final SessionFile files = new SessionFile();

    @Test
    void everyEventTypeStepperBranchAndSweepRowSurviveARoundTrip() throws IOException {
        Session original = SessionSamples.full();
        Path file = dir.resolve("s.json");
        files.write(file, original);

        Session read = files.read(file);

        assertThat(read).isEqualTo(original);
        assertThat(read.columns().getFirst().events()).hasSize(11)
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Started", "RetryWaiting",
                        "TokenConfidence", "ThinkingDelta", "ThinkingDelta", "Intervention", "ThinkingDelta", "Intervention",
                        "AnswerDelta", "UsageReported", "Finished");
        assertThat(read.columns().get(1).recorder().status()).isEqualTo(RunStatus.FAILED);
        assertThat(read.columns().get(2).recorder().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(read.stepper().branches().get(1).parentId()).isEqualTo(1);
        assertThat(read.sweep().rows()).hasSize(2);
    }

    @Test
    void eventsAreWrittenOnePerLineWithTheirTimesFromTheRunStart() throws IOException {
        Path file = dir.resolve("s.json");
        files.write(file, SessionSamples.full());

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).anyMatch(l -> l.strip().equals(
                "{\"t\":1600000000,\"type\":\"thinking\",\"text\":\"Six sevens\",\"tokens\":2},"));
        assertThat(lines.getFirst()).isEqualTo("{");
        assertThat(String.join("\n", lines)).contains("\"format\" : \"thinkbench-session\"", "\"version\" : 1",
                "\"apiKeyEnv\" : \"OPENAI_API_KEY\"");
    }

    @Test
    void aFileCutShortSaysSoAndIsLeftAsItIs() throws IOException {
        Path file = dir.resolve("s.json");
        files.write(file, SessionSamples.full());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        expectProblem(file, SessionFileException.Problem.TRUNCATED, "cut short");
    }

    @Test
    void anEmptyFileIsTreatedAsCutShort() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "  \n");

        expectProblem(file, SessionFileException.Problem.TRUNCATED, "empty");
    }

    @Test
    void garbageIsNotJsonAndSaysWhereInPlainWords() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"a\": @oops}");

        expectProblem(file, SessionFileException.Problem.CORRUPT,
                "is not valid JSON (line 1, column 7: unexpected '@'); it was left as it is.");
    }

    @Test
    void aBinaryFileIsNotATextFile() throws IOException {
        Path file = dir.resolve("picture.json");
        Files.write(file, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});

        expectProblem(file, SessionFileException.Problem.CORRUPT, "is not a text file (a Thinkbench session is JSON "
                + "text: is it the right file?); it was left as it is.");
        Files.write(file, new byte[]{'{', '"', 'a', '"', ':', ' ', '@', 0x01, 0x02});
        expectProblem(file, SessionFileException.Problem.CORRUPT, "is not a text file");
    }

    @Test
    void otherJsonIsNotASession() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"theme\": \"dark\"}");

        expectProblem(file, SessionFileException.Problem.NOT_A_SESSION, "not a Thinkbench session: sessions are the "
                + "files Session > Save writes");
    }

    @Test
    void aProblemSetPickedByMistakeIsToldWhereItOpens() throws IOException {
        Path jsonl = dir.resolve("set.jsonl");
        Files.writeString(jsonl, "{\"id\":\"a\",\"prompt\":\"1+1?\",\"answer\":\"2\"}\n"
                + "{\"id\":\"b\",\"prompt\":\"2+2?\",\"answer\":\"4\"}\n");
        expectProblem(jsonl, SessionFileException.Problem.PROBLEM_SET, "set.jsonl is a problem set (2 problems), not a "
                + "session: open it in the Experiments tab with Import\u2026");
        Files.delete(jsonl);
        Path csv = dir.resolve("set.csv");
        Files.writeString(csv, "id,prompt,answer\na,1+1?,2\n");
        expectProblem(csv, SessionFileException.Problem.PROBLEM_SET, "(1 problem)");
    }

    @Test
    void aNewerFormatIsRefusedWithTheVersions() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, SessionJson.write(SessionSamples.full()).replace("\"version\" : 1",
                "\"version\" : 7"));

        expectProblem(file, SessionFileException.Problem.NEWER, "newer Thinkbench (format 7; this version reads up to 1)");
    }

    @Test
    void damagedContentSaysWhere() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, SessionJson.write(SessionSamples.full()).replace("\"type\":\"usage\"",
                "\"type\":\"telepathy\""));

        expectProblem(file, SessionFileException.Problem.DAMAGED, "columns[0]: events[9]: unknown event type 'telepathy'");
    }

    @Test
    void anAlternativeTokenOutOfRangeIsDamageAndTokensWithoutAlternativesStillRead() throws IOException {
        String saved = SessionJson.write(SessionSamples.full());
        assertThat(saved).contains("[\" sevens\",0.25,[[\" times\",0.5],[\" x\",0.125]]]");
        Path file = dir.resolve("s.json");
        Files.writeString(file, saved.replace("[\" times\",0.5]", "[\" times\",1.5]"));

        expectProblem(file, SessionFileException.Problem.DAMAGED, "a token's probability is between 0 and 1, was 1.5");

        // written before tokens had alternatives
        Files.writeString(file, saved.replace(",[[\" times\",0.5],[\" x\",0.125]]", ""));
        ReasoningEvent.TokenConfidence read = files.read(file).columns().getFirst().events().stream()
                .filter(ReasoningEvent.TokenConfidence.class::isInstance).map(ReasoningEvent.TokenConfidence.class::cast)
                .findFirst().orElseThrow();
        assertThat(read.tokens()).containsExactly(new TokenProbability("Six", 0.93),
                new TokenProbability(" sevens", 0.25));
    }

    @Test
    void aBudgetThatDoesNotParseIsDamage() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, SessionJson.write(SessionSamples.full()).replace("\"budget\" : \"effort:high\"",
                "\"budget\" : \"effort:enormous\""));

        expectProblem(file, SessionFileException.Problem.DAMAGED, "columns[1]: budget:");
    }

    @Test
    void aRunWithoutItsEndIsDamage() throws IOException {
        Path file = dir.resolve("s.json");
        ObjectNode tree = (ObjectNode) SessionJson.MAPPER.readTree(SessionJson.write(SessionSamples.full()));
        ArrayNode events = (ArrayNode) tree.get("columns").get(2).get("events");
        events.remove(events.size() - 1);
        Files.writeString(file, tree.toString());

        expectProblem(file, SessionFileException.Problem.DAMAGED, "exactly one finished, cancelled or failed");
    }

    @Test
    void aBestOfNRoundSurvivesARoundTripAndItsWhyReadsByReasonOrElseInEnglish() throws IOException {
        BestOfNRecord round = new BestOfNRecord(dev.thinkbench.lab.CandidateRound.Selection.VERIFIER, "judge-m",
                List.of(new BestOfNRecord.Candidate("small", 42L, 9.0), new BestOfNRecord.Candidate("medium", 43L, null)),
                "small", dev.thinkbench.core.Worded.of(dev.thinkbench.lab.strategy.StrategyNote.SCORE, "9"));
        Session original = SessionSamples.full().withBestOfN(round);
        Path file = dir.resolve("s.json");
        files.write(file, original);

        assertThat(files.read(file)).isEqualTo(original);
        assertThat(Files.readString(file)).contains("\"selection\" : \"verifier\"", "\"noteReason\" : \"SCORE\"");

        // a reason this version does not know: the English note, as written
        Files.writeString(file, Files.readString(file).replace("\"SCORE\"", "\"TELEPATHY\""));
        assertThat(files.read(file).bestOfN().why()).isEqualTo(dev.thinkbench.core.Worded.plain("verifier score 9"));
    }

    @Test
    void aBestOfNPickThatIsNoCandidateIsDamage() throws IOException {
        BestOfNRecord round = new BestOfNRecord(dev.thinkbench.lab.CandidateRound.Selection.MAJORITY, null,
                List.of(new BestOfNRecord.Candidate("small", 1L, null)), "small", null);
        Path file = dir.resolve("s.json");
        Files.writeString(file, SessionJson.write(SessionSamples.full().withBestOfN(round))
                .replace("\"picked\" : \"small\"", "\"picked\" : \"large\""));

        expectProblem(file, SessionFileException.Problem.DAMAGED, "bestOfN: the column picked, 'large', is not a "
                + "candidate");
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertThatThrownBy(() -> files.read(dir.resolve("nope.json")))
                .isInstanceOf(SessionFileException.class).hasMessageContaining("There is no session file");
    }

    private void expectProblem(Path file, SessionFileException.Problem problem, String words) throws IOException {
        byte[] before = Files.readAllBytes(file);
        FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, modified);

        assertThatThrownBy(() -> files.read(file)).isInstanceOfSatisfying(SessionFileException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).contains(words).contains(file.toString());
        });

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.toList()).containsExactly(file);
        }
    }

    @Test
    void anOlderFormatIsMigratedBeforeReading() throws IOException {
        // Version 0, made up for this test: columns were called "lanes" and event times were in milliseconds.
        String current = SessionJson.write(SessionSamples.full());
        String older = java.util.regex.Pattern.compile("\"t\":(\\d+)").matcher(current
                        .replace("\"version\" : 1", "\"version\" : 0").replace("\"columns\"", "\"lanes\""))
                .replaceAll(m -> "\"t\":" + Long.parseLong(m.group(1)) / 1_000_000L);
        Path file = dir.resolve("old.json");
        Files.writeString(file, older);
        SessionMigrations.Step laneToColumns = new SessionMigrations.Step() {
            @Override
            public int from() {
                return 0;
            }

            @Override
            public ObjectNode apply(ObjectNode tree) {
                tree.set("columns", tree.remove("lanes"));
                tree.get("columns").forEach(SessionFileTest::millisToNanos);
                tree.get("stepper").get("branches").forEach(SessionFileTest::millisToNanos);
                return tree;
            }
        };
        SessionFile migrating = new SessionFile(SessionMigrations.of(List.of(laneToColumns), 1), Files::write);

        Session read = migrating.read(file);

        assertThat(read).isEqualTo(SessionSamples.full());
        assertThatThrownBy(() -> files.read(file)).isInstanceOfSatisfying(SessionFileException.class,
                e -> assertThat(e.getMessage()).contains("format version 0 is not one this Thinkbench can read"));
    }

    private static void millisToNanos(com.fasterxml.jackson.databind.JsonNode owner) {
        owner.get("events").forEach(e -> ((ObjectNode) e).put("t", e.get("t").asLong() * 1_000_000L));
    }

    @Test
    void aFailedSaveLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("talk.json");
        files.write(file, SessionSamples.full());
        byte[] before = Files.readAllBytes(file);
        SessionFile diskFull = new SessionFile(SessionMigrations.standard(), (target, bytes) -> {
            Files.write(target, Arrays.copyOf(bytes, 100));
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> diskFull.write(file, SessionSamples.full().withNote("changed")))
                .hasMessageContaining("not saved to " + file)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("the file there is as it was before");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.toList()).containsExactly(file);
        }
    }

    @Test
    void savingIntoAFolderThatCannotBeMadeSaysSo() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> files.write(notAFolder.resolve("s.json"), SessionSamples.full()))
                .hasMessageContaining("The session was not saved to");
        assertThat(Files.readString(notAFolder, StandardCharsets.UTF_8)).isEqualTo("x");
    }
}
