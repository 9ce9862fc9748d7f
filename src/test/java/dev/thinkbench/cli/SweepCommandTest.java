package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.AnswerTestEngine.Reply;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class SweepCommandTest {

    @TempDir
    Path dir;

    /** Engines by base URL: "http://dead" never answers, anything else solves "q N" with N. */
    final Map<String, AnswerTestEngine> byUrl = new ConcurrentHashMap<>();
    final RecordingTestClock clock = new RecordingTestClock();

    static Reply solve(RunSpec spec) {
        if (spec.prompt().equals("q bad")) {
            return Reply.fail(FailureKind.BAD_REQUEST, "prompt rejected");
        }
        int tokens = spec.budget().spec().equals("tokens:4") ? 4 : 16;
        return Reply.answer("Final Answer: " + spec.prompt().substring(2), tokens);
    }

    /** The raw backend of "raw-answer": it refuses every prompt (a run on it fails, quickly). */
    static ScriptedTestBackend rawBackend() {
        ScriptedTestBackend backend = new ScriptedTestBackend();
        for (int i = 0; i < 8; i++) {
            backend.thenFail(FailureKind.BAD_REQUEST, "prompt rejected");
        }
        return backend;
    }

    CliServices services() {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry("answer", "Answer test",
                "http://default", config -> byUrl.computeIfAbsent(String.valueOf(config.baseUrl()),
                url -> new AnswerTestEngine(url, url.equals("http://dead")
                        ? spec -> Reply.fail(FailureKind.UNREACHABLE, "connection refused")
                        : SweepCommandTest::solve))))
                .register(new EngineRegistry.Entry("raw-answer", "Raw answer test", "Raw answer test",
                        "http://raw-default", null, config -> byUrl.computeIfAbsent("raw " + config.baseUrl(),
                        url -> new AnswerTestEngine(url, SweepCommandTest::solve)), spec -> rawBackend()))
                .register(new EngineRegistry.Entry("judge", "Judge test", "http://judge-default",
                        config -> byUrl.computeIfAbsent("judge " + config.baseUrl(), url -> new AnswerTestEngine(url,
                                spec -> Reply.answer("Score: 9", 2)))));
        BudgetPresets presets = new BudgetPresets(Map.of("answer", List.of(
                new BudgetPresets.Preset("small", dev.thinkbench.core.BudgetSpec.parse("tokens:4"), ""),
                new BudgetPresets.Preset("large", dev.thinkbench.core.BudgetSpec.parse("tokens:64"), ""))));
        return new CliServices() {
            @Override
            public PriceTable prices() {
                return PriceTable.empty();
            }

            @Override
            public EngineRegistry engines() {
                return registry;
            }

            @Override
            public BudgetPresets presets() {
                return presets;
            }

            @Override
            public SweepRunner.Options sweepOptions() {
                return SweepRunner.Options.defaults().withClock(clock);
            }
        };
    }


    CliRun run(CliServices services, String... args) {
        return CliRun.of(services, args);
    }

    Path problems(String... lines) throws Exception {
        Path file = dir.resolve("problems.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    Path threeProblems() throws Exception {
        return problems("{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\",\"difficulty\":1}",
                "{\"id\":\"b\",\"prompt\":\"q 2\",\"answer\":\"2\",\"difficulty\":2}",
                "{\"id\":\"c\",\"prompt\":\"q 3\",\"answer\":\"3\",\"difficulty\":2}");
    }

    @Test
    void problemsWithoutAnAnswerAreNamedAndASessionFileGivenAsOutIsRefusedUntouched() throws Exception {
        String problems = problems("{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\"}",
                "{\"id\":\"open\",\"prompt\":\"q 2\"}").toString();
        CliRun r = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("thinkbench: 1 problem has no answer (open): its runs are shown ungraded");

        Path session = Files.writeString(dir.resolve("s3.json"), "{\n  \"schemaVersion\" : 3\n}\n");
        CliRun refused = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--out", session.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("s3.json is not a results file");
        assertThat(Files.readString(session)).isEqualTo("{\n  \"schemaVersion\" : 3\n}\n");
    }

    @Test
    void anOutFileOfASweepWithAnotherModelOrSamplingIsRefusedNotReportedAsThisOnesRuns() throws Exception {
        Path out = dir.resolve("model.jsonl");
        String problems = threeProblems().toString();
        assertThat(run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--temperature", "0.8", "--seed", "3", "--out", out.toString())
                .code()).isZero();
        assertThat(Files.readAllLines(out).getFirst()).contains("\"ranWith\":\"m, temperature 0.8, seed 3\"");
        long lines = Files.lines(out).count();

        CliRun otherModel = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "other",
                "--budget", "small=tokens:8", "--temperature", "0.8", "--seed", "3", "--out", out.toString());
        assertThat(otherModel.code()).isEqualTo(2);
        assertThat(otherModel.err()).as("only what differs is named")
                .contains("holds runs of another sweep: its runs were made with model m; this sweep runs with model other");

        CliRun otherSampling = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--temperature", "1.5", "--seed", "99", "--system", "Answer in French",
                "--out", out.toString());
        assertThat(otherSampling.code()).isEqualTo(2);
        assertThat(otherSampling.err()).contains("its runs were made with temperature 0.8, seed 3 and no system prompt;"
                + " this sweep runs with temperature 1.5, seed 99 and system prompt ");
        assertThat(Files.lines(out).count()).as("nothing appended").isEqualTo(lines);

        CliRun same = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--temperature", "0.8", "--seed", "3", "--out", out.toString());
        assertThat(same.code()).as("the same sweep resumes").isZero();
        assertThat(same.err()).contains("3 of 3 runs already in the results file");
    }

    @Test
    void anOutFileOfASweepWithOtherBudgetsIsRefusedNotMixedIn() throws Exception {
        Path out = dir.resolve("mixed.jsonl");
        String problems = threeProblems().toString();
        assertThat(run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--out", out.toString()).code()).isZero();
        long lines = Files.lines(out).count();

        CliRun other = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:16", "--out", out.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("--out mixed.jsonl holds runs of another sweep: its 'small' is tokens:8, "
                + "this sweep's is tokens:16");
        assertThat(Files.lines(out).count()).as("nothing appended").isEqualTo(lines);

        CliRun same = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--out", out.toString());
        assertThat(same.code()).as("the same sweep resumes").isZero();

        CliRun fewer = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "a=tokens:16", "--out", out.toString());
        assertThat(fewer.code()).isEqualTo(2);
        assertThat(fewer.err()).contains("--out mixed.jsonl holds runs of another sweep: it has a budget 'small' "
                + "(tokens:8) that this sweep does not run");

        CliRun added = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--budget", "large=tokens:64", "--out", out.toString());
        assertThat(added.code()).as("a budget added to the same sweep resumes it").isZero();

        CliRun strategy = run(services(), "sweep", "--problems", problems, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--budget", "large=tokens:64", "--strategy", "majority", "--out",
                out.toString());
        assertThat(strategy.err()).contains("it has runs of strategy 'fixed', which this sweep does not run");

        long before = Files.lines(out).count();
        String otherSet = problems("{\"id\":\"z\",\"prompt\":\"other 1\",\"answer\":\"7\"}").toString();
        CliRun set = run(services(), "sweep", "--problems", otherSet, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--budget", "large=tokens:64", "--out", out.toString());
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).containsPattern("it has problem '[abc]', which is not among this sweep's problems");
        String sameIds = problems("{\"id\":\"a\",\"prompt\":\"other 1\",\"answer\":\"7\"}",
                "{\"id\":\"b\",\"prompt\":\"other 2\",\"answer\":\"2\"}",
                "{\"id\":\"c\",\"prompt\":\"other 3\",\"answer\":\"3\"}").toString();
        CliRun ids = run(services(), "sweep", "--problems", sameIds, "--engine", "answer", "--model", "m",
                "--budget", "small=tokens:8", "--budget", "large=tokens:64", "--out", out.toString());
        assertThat(ids.err()).contains("its problem 'a' expects 1, this sweep's expects 7 (another problem set?)");
        assertThat(Files.lines(out).count()).as("nothing appended").isEqualTo(before);
    }

    @Test
    void budgetsGivenLargestFirstAreWarnedOfAndTheTableShowsEachBudgetWhole() throws Exception {
        CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer", "--model",
                "m", "--budget", "big=force:min=0,max=64,waits=0,wait=Wait", "--budget", "small=force:max=8");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("thinkbench: budgets are read smallest first (routing climbs them in that order; "
                + "the tables list them so): 'big' (force:min=0,max=64,waits=0,wait=Wait) comes before 'small' "
                + "(force:min=0,max=8,waits=0,wait=Wait)");
        assertThat(r.out()).as("the shortest spec, not one cut at 30 characters")
                .contains("big          force:max=64 ").contains("small        force:max=8 ")
                .doesNotContain("\u2026");

        CliRun ordered = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--budget", "small=tokens:8", "--budget", "off=none", "--budget", "big=tokens:64");
        assertThat(ordered.err()).doesNotContain("smallest first");
    }

    @Test
    void aSeedOutsideWhatEveryEngineTakesIsRefusedBeforeAnyRun() throws Exception {
        for (String seed : List.of("-1", "-7", "2147483648")) {
            CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                    "--model", "m", "--budget", "small=tokens:8", "--seed", seed);

            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--seed must be a whole number from 0 to 2147483647, was " + seed);
        }
        assertThat(byUrl).as("no run started").isEmpty();

        for (String seed : List.of("0", "2147483647")) {
            CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                    "--model", "m", "--budget", "small=tokens:8", "--seed", seed);
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    @Test
    void anEqualComputeBudgetThatIsNotAPositiveNumberOfTokensIsRefusedBeforeAnyRun() throws Exception {
        CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer", "--model",
                "m", "--equal-compute", "-5,0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--equal-compute must be a positive number of tokens, was -5 "
                + "(e.g. --equal-compute 64,256)");
        assertThat(byUrl).as("no run started").isEmpty();
    }

    @Test
    void aProblemFileOfAnotherKindTakesAFewWarningsThenSaysHowManyMore() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.jsonl"), "a note\n".repeat(12));

        CliRun r = run(services(), "sweep", "--problems", notes.toString(), "--engine", "answer", "--model", "m");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("thinkbench: notes.jsonl line "))).hasSize(5);
        assertThat(r.err()).contains("thinkbench: notes.jsonl: ... and 7 more lines that are not problems (skipped): "
                        + "lines 6, 7, 8, 9, 10, 11, 12")
                .contains("holds no problem that loads");
    }

    @Test
    void jsonFormatPrintsExactlyTheDocumentedObjectAndOutGetsOneLinePerRun() throws Exception {
        Path out = dir.resolve("results.jsonl");
        CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--out", out.toString(), "--format", "json", "--seed", "3");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = r.json();
        assertThat(root.properties()).extracting(Map.Entry::getKey)
                .containsExactly("summary", "runs", "failed", "wallMs", "interrupted");
        assertThat(root.path("runs").asInt()).isEqualTo(6);
        assertThat(root.path("interrupted").isBoolean()).isTrue();
        assertThat(root.path("interrupted").asBoolean()).isFalse();
        assertThat(root.path("failed").asInt()).isZero();
        assertThat(root.path("wallMs").isIntegralNumber()).isTrue();
        JsonNode small = root.path("summary").get(0);
        assertThat(small.properties()).extracting(Map.Entry::getKey).containsExactly("label", "budget", "strategy",
                "n", "correct", "accuracy", "meanThinkingTokens", "meanTotalMs", "costUsd");
        assertThat(small.path("label").asText()).isEqualTo("small");
        assertThat(small.path("budget").asText()).isEqualTo("tokens:4");
        assertThat(small.path("strategy").asText()).isEqualTo("fixed");
        assertThat(small.path("n").asInt()).isEqualTo(3);
        assertThat(small.path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(small.path("meanThinkingTokens").asDouble()).isEqualTo(4.0);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.properties()).extracting(Map.Entry::getKey).startsWith("problemId", "label", "budget",
                "strategy", "sample", "status", "answer", "expected", "correct", "thinkingTokens", "answerTokens",
                "totalMs", "costUsd", "endpoint");
        assertThat(byUrl.get("http://default").started()).allSatisfy(s -> assertThat(s.sampling().seed()).isEqualTo(3L));
    }

    @Test
    void atTemperatureZeroSamplesAndCandidatesThatRepeatOneRunAreSaidOnStandardErrorAndTheSweepStillRuns()
            throws Exception {
        CliRun greedy = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--temperature", "0", "--samples", "2", "--strategy", "fixed", "--strategy",
                "majority", "--strategy", "shortest", "--candidates", "3", "--format", "json");
        assertThat(greedy.code()).as(greedy.err()).isZero();
        assertThat(greedy.err()).contains("at temperature 0 (greedy) the 2 samples of each problem are one run "
                + "repeated").contains("majority, shortest pick among 3 identical candidates")
                .doesNotContain("fixed pick");

        CliRun sampled = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--temperature", "0.7", "--samples", "2", "--strategy", "majority", "--format",
                "json");
        CliRun engineDefault = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine",
                "answer", "--model", "m", "--samples", "2", "--strategy", "majority", "--format", "json");
        CliRun oneEach = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--temperature", "0", "--strategy", "majority", "--candidates", "1", "--format",
                "json");
        assertThat(List.of(sampled, engineDefault, oneEach)).allSatisfy(r -> {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).doesNotContain("greedy");
        });
    }

    @Test
    void aRerunWithTheSameOutResumesAndRunsNothingTwice() throws Exception {
        Path out = dir.resolve("results.jsonl");
        Path problems = threeProblems();
        assertThat(run(services(), "sweep", "--problems", problems.toString(), "--engine", "answer", "--model", "m",
                "--out", out.toString()).code()).isZero();
        int before = byUrl.get("http://default").started().size();

        CliRun again = run(services(), "sweep", "--problems", problems.toString(), "--engine", "answer", "--model",
                "m", "--out", out.toString());

        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("3 problems \u00d7 2 budgets \u00d7 1 sample \u00d7 fixed \u00b7 6 runs (6 resumed)");
        assertThat(byUrl.get("http://default").started()).hasSize(before);
        assertThat(Files.readAllLines(out)).hasSize(6);
    }

    @Test
    void runsSpreadOverSeveralBaseUrlsAndADeadOneIsDropped() throws Exception {
        CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--base-url", "http://dead", "--base-url", "http://one", "--base-url", "http://two",
                "--concurrency", "1", "--strategy", "fixed,majority", "--candidates", "3", "--out",
                dir.resolve("r.jsonl").toString(), "--equal-compute", "20");

        assertThat(r.code()).as(r.err()).isZero();
        List<SweepRecord> records = ResultLog.read(dir.resolve("r.jsonl")).records();
        assertThat(records).hasSize(12).allSatisfy(rec -> {
            assertThat(rec.ok()).isTrue();
            assertThat(rec.endpoint()).isIn("http://one", "http://two");
        });
        assertThat(byUrl.get("http://dead").started()).as("dropped after 3 failures at most").hasSizeLessThanOrEqualTo(3);
        assertThat(r.out()).contains("majority").contains("at 20 compute tokens per problem:");
        assertThat(r.out()).contains("accuracy by difficulty");
        assertThat(records).filteredOn(rec -> rec.strategy().equals("majority"))
                .allSatisfy(rec -> assertThat(rec.note()).startsWith("3 of 3 votes for "));
        assertThat(r.out()).contains(", results in " + dir.resolve("r.jsonl")
                + " (each run's \"note\" says how its strategy picked the answer)");
    }

    @Test
    void theVerifierCanJudgeOnAnotherEngineAndModel() throws Exception {
        CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--strategy", "verifier", "--candidates", "2", "--budget", "b=tokens:64",
                "--judge-engine", "judge", "--judge-model", "jm", "--judge-base-url", "http://judge1");

        assertThat(r.code()).as(r.err()).isZero();
        AnswerTestEngine judge = byUrl.get("judge http://judge1");
        assertThat(judge.started()).as("one judge prompt per candidate").hasSize(6).allSatisfy(spec -> {
            assertThat(spec.model()).isEqualTo("jm");
            assertThat(spec.prompt()).startsWith("You are checking a proposed answer");
        });
        assertThat(byUrl.get("http://default").started()).as("the sweep's engine only made candidates")
                .hasSize(6).noneMatch(spec -> spec.prompt().startsWith("You are checking"));

        CliRun sameEngine = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine",
                "answer", "--model", "m", "--strategy", "verifier", "--candidates", "1", "--budget", "b=tokens:64",
                "--judge-model", "bigger");
        assertThat(sameEngine.code()).as(sameEngine.err()).isZero();
        assertThat(byUrl.get("http://default").started()).filteredOn(spec -> spec.prompt().startsWith(
                "You are checking")).hasSize(3).allSatisfy(spec -> assertThat(spec.model()).isEqualTo("bigger"));

        CliRun noModel = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--strategy", "verifier", "--judge-engine", "judge");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--judge-model NAME is needed for judge engine 'judge'");
        CliRun noProbabilities = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine",
                "raw-answer", "--model", "m", "--strategy", "adaptive", "--confidence", "0.9", "--limit", "1",
                "--budget", "b=tokens:8");
        assertThat(noProbabilities.err()).contains("raw-answer reports no token probabilities for m: --confidence cannot "
                + "apply, adaptive thinking stops when --agree probes agree");
        assertThat(noProbabilities.out()).as("counted in the singular").contains("1 problem \u00d7 1 budget \u00d7");
        CliRun urlAlone = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--judge-base-url", "http://x");
        assertThat(urlAlone.code()).isEqualTo(2);
        assertThat(urlAlone.err()).contains("--judge-base-url and --judge-api-key-env need --judge-engine");
    }

    @Test
    void aLoneDeadEndpointIsDroppedAndEveryRunFailsWithTheReason() throws Exception {
        CliRun r = run(services(), "sweep", "--problems", threeProblems().toString(), "--engine", "answer",
                "--model", "m", "--base-url", "http://dead", "--concurrency", "1");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("sweep: dropped endpoint http://dead: failed 3 times in a row, last: "
                + "connection refused");
        assertThat(r.out()).contains("no endpoint is left: http://dead failed 3 times in a row");
        assertThat(byUrl.get("http://dead").started()).hasSize(3);
        assertThat(clock.sleeps()).containsExactly(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2));
    }

    @Test
    void failedRunsExitOneAndAreListedWithTheirReason() throws Exception {
        Path problems = problems("{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\"}",
                "{\"id\":\"bad\",\"prompt\":\"q bad\",\"answer\":\"2\"}");
        CliRun r = run(services(), "sweep", "--problems", problems.toString(), "--engine", "answer", "--model", "m",
                "--budget", "one=tokens:4");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("failed runs").contains("bad \u00b7 one \u00b7 fixed #0: prompt rejected");
    }

    @Test
    void withJsonOutputAFailedRunsReasonIsSaidOnStandardErrorOncePerReason() throws Exception {
        Path problems = problems("{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\"}",
                "{\"id\":\"bad\",\"prompt\":\"q bad\",\"answer\":\"2\"}");
        CliRun r = run(services(), "sweep", "--problems", problems.toString(), "--engine", "answer", "--model", "m",
                "--budget", "one=tokens:4", "--budget", "two=tokens:8", "--format", "json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().path("failed").asInt()).isEqualTo(2);
        // the JSON carries only the count: why they failed is said where a person reads it, and only once
        assertThat(r.err()).containsOnlyOnce("prompt rejected")
                .containsPattern("sweep: run bad \u00b7 (one|two) \u00b7 fixed #0 failed: prompt rejected");
    }

    @Test
    void malformedProblemLinesAreReportedAndTheRestRuns() throws Exception {
        Path problems = problems("{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\"}", "not json",
                "{\"id\":\"b\"}");
        CliRun r = run(services(), "sweep", "--problems", problems.toString(), "--engine", "answer", "--model", "m",
                "--budget", "one=tokens:4", "--format", "json");

        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("problems.jsonl line 2: not valid JSON").contains("problems.jsonl line 3:");
        assertThat(r.json().path("runs").asInt()).isEqualTo(1);
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws Exception {
        Path problems = threeProblems();
        Map<List<String>, String> cases = Map.ofEntries(
                Map.entry(List.of("--problems", dir.resolve("missing.jsonl").toString()),
                        "cannot read --problems"),
                Map.entry(List.of("--problems", problems.toString(), "--budget", "oops"),
                        "--budget needs LABEL=SPEC"),
                Map.entry(List.of("--problems", problems.toString(), "--budget", "x=tokens:-1"),
                        "--budget x=tokens:-1: tokens must be between 1 and 1000000, was -1"),
                Map.entry(List.of("--problems", problems.toString(), "--budget", "ok=tokens:8", "--budget",
                        "y=force:min=50,max=10"),
                        "--budget y=force:min=50,max=10: min (50) is above max (10)"),
                Map.entry(List.of("--problems", problems.toString(), "--strategy", "beam"),
                        "unknown strategy 'beam'"),
                Map.entry(List.of("--problems", problems.toString(), "--format", "xml"),
                        "--format must be json or table"),
                Map.entry(List.of("--problems", problems.toString(), "--engine", "nope"),
                        "unknown engine 'nope'"),
                Map.entry(List.of("--problems", problems.toString(), "--engine", "answer"),
                        "--model NAME is needed"),
                Map.entry(List.of("--problems", problems.toString(), "--limit", "0"),
                        "--limit must be at least 1"),
                Map.entry(List.of("--problems", problems.toString(), "--confidence", "1.5"),
                        "--confidence must be above 0 and at most 1"),
                Map.entry(List.of("--problems", problems.toString(), "--agree", "0"),
                        "--agree must be at least 1, was 0"),
                Map.entry(List.of("--problems", problems.toString(), "--samples", "0"),
                        "thinkbench: --samples must be between 1 and 10000, was 0"),
                Map.entry(List.of("--problems", problems.toString(), "--temperature", "3"),
                        "thinkbench: --temperature must be between 0 and 2, was 3.0"),
                Map.entry(List.of("--problems", problems.toString(), "--top-p", "1.5"),
                        "thinkbench: --top-p must be above 0 and at most 1, was 1.5"));
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of("sweep"));
            args.addAll(c.getKey());
            if (!c.getKey().contains("--engine")) {
                args.addAll(List.of("--engine", "answer", "--model", "m"));
            }
            CliRun r = run(services(), args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(c.getValue());
        }
        Path empty = problems("nothing here");
        CliRun r = run(services(), "sweep", "--problems", empty.toString(), "--engine", "answer", "--model", "m");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holds no problem that loads");
    }

    @Test
    void anOpenAiCompatibleFleetOnLoopbackServesTheSweep() throws Exception {
        try (OpenAiChatTestServer one = OpenAiChatTestServer.start();
             OpenAiChatTestServer two = OpenAiChatTestServer.start()) {
            for (OpenAiChatTestServer s : List.of(one, two)) {
                s.respond(request -> {
                    JsonNode messages = request.json().path("messages");
                    String prompt = messages.get(messages.size() - 1).path("content").asText();
                    return OpenAiChatScript.of("r1").reasoning("Let", " me", " see").content("Final Answer: "
                            + prompt.substring(2)).finish("stop").usage(10, 5, 3).done();
                });
            }
            CliRun r = run(dev.thinkbench.app.AppContext.create(), "sweep", "--problems",
                    threeProblems().toString(), "--engine", "openai-compatible", "--model", "r1", "--base-url",
                    one.baseUrl().toString(), "--base-url", two.baseUrl().toString(), "--budget", "low=effort:low",
                    "--format", "json");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.json().path("summary").get(0).path("accuracy").asDouble()).isEqualTo(1.0);
            assertThat(r.json().path("summary").get(0).path("meanThinkingTokens").asDouble()).isEqualTo(3.0);
            assertThat(one.chatRequests().size() + two.chatRequests().size()).isEqualTo(3);
        }
    }

    @Test
    void aRejectedApiKeyIsSentOnceAndTheRunsLeftFailWithItsMessage() throws Exception {
        try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
            server.requireApiKey("the-right-key");
            server.respond(request -> OpenAiChatScript.of("m").content("Final Answer: 1").finish("stop").done());
            // the key is PATH's value: long, and nothing else prints it
            String key = System.getenv("PATH");
            CliRun r = run(dev.thinkbench.app.AppContext.create(), "sweep", "--problems",
                    threeProblems().toString(), "--engine", "openai-compatible", "--model", "m", "--base-url",
                    server.baseUrl().toString(), "--api-key-env", "PATH", "--concurrency", "1", "--budget",
                    "low=effort:low", "--budget", "high=effort:high", "--format", "json");

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(server.chatRequests()).as("the first run only").hasSize(1);
            assertThat(r.json().path("runs").asInt()).isEqualTo(6);
            assertThat(r.json().path("failed").asInt()).isEqualTo(6);
            assertThat(r.err()).contains("dropped endpoint " + server.baseUrl()).contains(
                    "rejected the API key (HTTP 401). Check the key in the environment variable PATH.");
            assertThat(r.out() + r.err()).doesNotContain(key);
        }
    }

    @Test
    void aRowWhoseRunsAllFailedHasAnUnknownCostNotAFreeOne() throws Exception {
        // the test engine is free, and refuses "q bad" at once: nothing was generated
        Path problems = problems("{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\"}",
                "{\"id\":\"bad\",\"prompt\":\"q bad\",\"answer\":\"2\"}");
        CliRun json = run(services(), "sweep", "--problems", problems.toString(), "--engine", "answer", "--model",
                "m", "--budget", "one=tokens:4", "--strategy", "fixed", "--format", "json");
        assertThat(json.json().path("summary").get(0).path("costUsd").asDouble(-1)).as("free: a run finished")
                .isZero();

        Path onlyBad = problems("{\"id\":\"bad\",\"prompt\":\"q bad\",\"answer\":\"2\"}");
        CliRun failing = run(services(), "sweep", "--problems", onlyBad.toString(), "--engine", "answer", "--model",
                "m", "--budget", "one=tokens:4", "--format", "json");
        assertThat(failing.code()).isEqualTo(1);
        assertThat(failing.json().path("summary").get(0).has("costUsd")).isTrue();
        assertThat(failing.json().path("summary").get(0).path("costUsd").isNull()).as(failing.out()).isTrue();

        CliRun table = run(services(), "sweep", "--problems", onlyBad.toString(), "--engine", "answer", "--model",
                "m", "--budget", "one=tokens:4");
        assertThat(table.out()).contains("one ").doesNotContain("free");
    }

    @Test
    void aBudgetOrAStrategyTheEngineCannotRunIsRefusedBeforeAnyRun() throws Exception {
        try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
            server.respond(request -> OpenAiChatScript.of("m").content("Final Answer: 1").finish("stop").done());
            List<String> chat = List.of("sweep", "--problems", threeProblems().toString(), "--engine",
                    "openai-compatible", "--model", "m", "--base-url", server.baseUrl().toString());

            List<String> forcing = new java.util.ArrayList<>(chat);
            forcing.addAll(List.of("--budget", "f=force:max=64"));
            CliRun forced = run(dev.thinkbench.app.AppContext.create(), forcing.toArray(String[]::new));
            assertThat(forced.code()).as(forced.err()).isEqualTo(2);
            assertThat(forced.err()).contains("--budget f=force:min=0,max=64,waits=0,wait=Wait: budget forcing needs "
                    + "a raw-continuation engine (built-in, llama.cpp server").contains("--engine openai-compatible "
                    + "cannot run it");

            List<String> adaptive = new java.util.ArrayList<>(chat);
            adaptive.addAll(List.of("--budget", "b=none", "--strategy", "fixed,adaptive"));
            CliRun probing = run(dev.thinkbench.app.AppContext.create(), adaptive.toArray(String[]::new));
            assertThat(probing.code()).as(probing.err()).isEqualTo(2);
            assertThat(probing.err()).contains("--strategy adaptive forks the trace and needs an engine that "
                    + "continues raw text (builtin, llama-server").contains("'openai-compatible' is a chat engine");

            assertThat(server.chatRequests()).as("no run was sent").isEmpty();
        }
    }
}
