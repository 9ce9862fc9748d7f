package dev.thinkbench.cli;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.core.problemset.ProblemLoad;
import dev.thinkbench.core.problemset.ProblemSetReader;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.AdaptiveStrategy;
import dev.thinkbench.lab.strategy.Strategies;
import dev.thinkbench.lab.strategy.Strategy;
import dev.thinkbench.lab.sweep.Endpoint;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.SweepEndpoints;
import dev.thinkbench.lab.sweep.SweepHandle;
import dev.thinkbench.lab.sweep.SweepOutcome;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code thinkbench sweep}: a problem set at several budgets, samples and strategies; one JSON line per finished run
 * in {@code --out} (a rerun with the same file resumes: ok runs are skipped, failed ones retried); the summary as a
 * table or JSON. Ctrl-C cancels the runs in flight and prints the summary of the runs that had finished, saying so
 * (JSON: {@code "interrupted": true}). Exit code 0 when every run is ok, 1 when any failed, 2 for bad input, 130 when
 * interrupted.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a problem set at several thinking budgets and strategies and summarise accuracy against "
                + "compute.",
        footer = {"", "Examples:",
                "  thinkbench sweep --problems samples/problems/micro-heldout.jsonl --limit 60 \\",
                "      --budget cap8=tokens:8 --budget cap24=tokens:24 --budget cap256=tokens:256 \\",
                "      --out results.jsonl",
                "  thinkbench sweep --problems samples/problems/micro-heldout.jsonl --limit 20 \\",
                "      --strategy fixed,majority,adaptive --temperature 0.8 \\",
                "      --equal-compute 64,256",
                "  thinkbench sweep --problems samples/problems/competition.jsonl \\",
                "      --engine openai-compatible --model qwq --concurrency 8 --out qwq.jsonl \\",
                "      --base-url http://gpu1:8000/v1 --base-url http://gpu2:8000/v1",
                "Rerun with the same --out to resume: finished runs are skipped, failed ones",
                "are retried."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--problems", required = true, paramLabel = "FILE",
            description = "Problem set: JSONL (id, prompt, answer, difficulty, tags, source, license) or CSV with "
                    + "a header row")
    private Path problems;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N problems")
    private Integer limit;

    @Option(names = "--engine", paramLabel = "ID",
            description = "Engine (default: the built-in engine; see the list below)")
    private String engine;

    @Option(names = "--model", paramLabel = "NAME", description = "Model (default: the bundled micro model)")
    private String model;

    @Mixin
    private BuiltinContextOption context;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Server base URL; repeat for a fleet (runs spread over them, a failing one is dropped)")
    private List<String> baseUrls = new ArrayList<>();

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the API key (the key itself is never printed)")
    private String apiKeyEnv;

    @Option(names = "--budget", paramLabel = "LABEL=SPEC",
            description = "A budget, smallest first: none, tokens:N, effort:LEVEL or force:min=N,max=N,waits=N. "
                    + "Repeat for more. Default: the engine's (and model's) small/medium/large presets.")
    private List<String> budgets = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "1", paramLabel = "N", description = "Runs per problem, budget and "
            + "strategy (default ${DEFAULT-VALUE}); seeds differ per sample")
    private int samples;

    @Mixin
    private SamplingOptions sampling;

    @Option(names = "--strategy", paramLabel = "NAME", split = ",",
            description = "fixed (default), majority, verifier, shortest, longest, adaptive, routing; repeat or "
                    + "separate with commas")
    private List<String> strategies = new ArrayList<>();

    @Option(names = "--candidates", defaultValue = "5", paramLabel = "N",
            description = "Candidates of best-of-N (majority, verifier, shortest, longest; default ${DEFAULT-VALUE})")
    private int candidates;

    @Option(names = "--probe-every", defaultValue = "16", paramLabel = "N",
            description = "Adaptive: force an answer probe every N thinking tokens (default ${DEFAULT-VALUE})")
    private int probeEvery;

    @Option(names = "--agree", defaultValue = "2", paramLabel = "K",
            description = "Adaptive: stop when the last K probes agree (default ${DEFAULT-VALUE})")
    private int agree;

    @Option(names = "--confidence", paramLabel = "P",
            description = "Adaptive: stop too as soon as a probe's answer is this sure (0 < P <= 1: the probability of "
                    + "its least likely token; needs an engine that reports token probabilities, e.g. the built-in "
                    + "one)")
    private Double confidence;

    @Option(names = "--judge-engine", paramLabel = "ID",
            description = "Verifier: the engine that judges the candidates (default: the sweep's own); needs "
                    + "--judge-model unless it is the built-in engine")
    private String judgeEngine;

    @Option(names = "--judge-model", paramLabel = "NAME",
            description = "Verifier: the model that judges the candidates (default: the sweep's own)")
    private String judgeModel;

    @Option(names = "--judge-base-url", paramLabel = "URL",
            description = "Verifier: the judge engine's server base URL (repeat for several)")
    private List<String> judgeBaseUrls = new ArrayList<>();

    @Option(names = "--judge-api-key-env", paramLabel = "VAR",
            description = "Verifier: environment variable holding the judge engine's API key")
    private String judgeApiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Runs at once per endpoint (default " + SweepEndpoints.BUILTIN_CONCURRENCY
                    + " for the built-in engine, which batches them, " + SweepEndpoints.SERVER_CONCURRENCY
                    + " for servers)")
    private Integer concurrency;

    @Option(names = "--out", paramLabel = "FILE", description = "Results, one JSON line per finished run; an "
            + "existing file is resumed")
    private Path out;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default): the summary tables; json: one object with the summary and the counts")
    private String format;

    @Option(names = "--equal-compute", paramLabel = "TOKENS", split = ",",
            description = "Also show each strategy's accuracy at these compute tokens per problem (thinking; "
                    + "best-of-N: every candidate's) (table format)")
    private List<Integer> equalCompute = new ArrayList<>();

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt")
    private String system;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Fail a run whose stream stays silent this long (default ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Option(names = "--template", paramLabel = "NAME|FILE",
            description = "Chat template for raw-continuation engines: " + ChatTemplates.NAMES + ", model (the "
                    + "model's own: the family's built-in template where the model is known, else its GGUF's or "
                    + "server's template, else chatml-think), or a Jinja file. Default: model on "
                    + "the built-in engine, chatml-think on the others")
    private String template;

    /** How long an interrupted sweep waits for its runs in flight to take their cancellation. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private final CliServices services;
    /** The engines this sweep runs on ({@link BuiltinContextOption}), set once the engine is chosen. */
    private EngineRegistry engines;

    SweepCommand(CliServices services) {
        this.services = services;
    }

    /** At temperature 0 samples and candidates are one run repeated: said before the sweep spends the compute. */
    private void warnOfGreedyRepeats(SweepPlan.GreedyRepeats repeats, PrintWriter err) {
        if (repeats.samples()) {
            err.println("thinkbench: at temperature 0 (greedy) the " + samples + " samples of each problem are one run"
                    + " repeated; give --temperature above 0 (e.g. 0.7) to sample");
        }
        if (!repeats.strategies().isEmpty()) {
            err.println("thinkbench: at temperature 0 (greedy) " + String.join(", ", repeats.strategies())
                    + " pick among " + candidates + " identical candidates (the accuracy of one run at "
                    + candidates + " times its compute); give --temperature above 0 (e.g. 0.7) so they differ");
        }
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        List<BenchProblem> set = load(err);
        if (engine != null) {
            Arguments.check(spec, () -> services.engines().get(engine.strip()));
        }
        EngineChoice choice = Arguments.check(spec, () -> EngineChoice.resolve(engine, model, services));
        String engineId = choice.engineId();
        String modelName = choice.model();
        engines = Arguments.check(spec, () -> context.engines(services, engineId,
                judgeEngine == null ? engineId : judgeEngine.strip()));
        Arguments.check(spec, () -> EngineOptions.refuseUrlForLocal(engines.get(engineId), !baseUrls.isEmpty()));
        Judge judge = Arguments.check(spec, this::judge);
        SweepPlan plan = Arguments.check(spec, () -> new SweepPlan(set, lanes(engineId, modelName), samples,
                strategies(set, judge.model()), modelName, system, sampling.sampling(choice.defaultTemperature())));
        List<Endpoint> endpoints = Arguments.check(spec, () -> SweepEndpoints.build(engines.get(engineId),
                modelName, baseUrls, apiKey(), apiKeyEnv, Duration.ofSeconds(timeoutSeconds), template, concurrency));
        refuseWhatCannotRun(plan, endpoints.getFirst(), engineId);
        warnOfGreedyRepeats(plan.greedyRepeats(), err);
        SweepPlan.outOfOrder(plan.budgets()).ifPresent(why -> err.println("thinkbench: budgets are read smallest first "
                + "(routing climbs them in that order; the tables list them so): " + why));
        if (confidence != null && plan.strategies().stream().anyMatch(s -> s.name().equals(AdaptiveStrategy.NAME))
                && !endpoints.getFirst().engine().reportsTokenProbabilities(modelName)) {
            err.println("thinkbench: " + engineId + " reports no token probabilities for " + modelName
                    + ": --confidence cannot apply, adaptive thinking stops when --agree probes agree");
        }
        return run(plan, endpoints, judge.endpoints(), err,
                (outcome, interrupted) -> print(outcome, interrupted, plan, engineId, modelName));
    }

    /**
     * The summary of {@code outcome} on stdout, as JSON or as the tables with a line of totals; on stderr, why results
     * could not be written and, when interrupted, how many runs had finished and how to go on.
     */
    private void print(SweepOutcome outcome, boolean interrupted, SweepPlan plan, String engineId, String modelName) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.equals("json")) {
            stdout.println(SweepJson.write(outcome, interrupted));
        } else {
            List<BenchProblem> set = plan.problems();
            stdout.println("thinkbench sweep \u00b7 " + engineId + " \u00b7 " + modelName + " \u00b7 "
                    + count(set.size(), "problem") + " \u00d7 " + count(plan.budgets().size(), "budget") + " \u00d7 "
                    + count(samples, "sample") + " \u00d7 "
                    + String.join(", ", plan.strategies().stream().map(Strategy::name).toList()) + " \u00b7 "
                    + count(plan.tasks().size(), "run") + " (" + outcome.resumed() + " resumed)");
            Map<String, Integer> difficulty = new HashMap<>();
            set.forEach(p -> difficulty.put(p.id(), p.difficulty()));
            stdout.print(SweepTable.render(outcome.records(), difficulty::get, equalCompute));
            stdout.printf("%nruns %d%s, failed %d, wall %.1f s%s%n", outcome.runs(),
                    interrupted ? " of " + plan.tasks().size() + " (interrupted)" : "", outcome.failed(),
                    outcome.wallMs() / 1000.0, out == null ? "" : ", results in " + out
                            + (outcome.records().stream().anyMatch(r -> r.note() != null)
                            ? " (each run's \"note\" says how its strategy picked the answer)" : ""));
        }
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome.writeError() != null) {
            err.println("thinkbench: " + outcome.writeError());
        }
        if (interrupted) {
            err.println("thinkbench: interrupted (Ctrl-C): " + outcome.runs() + " of " + plan.tasks().size()
                    + " runs had finished; " + (out == null
                    ? "no --out was given, so they were not kept (give --out FILE to keep runs and resume)"
                    : "they are in " + out + ": run the same command again to resume"));
        }
        err.flush();
    }

    /**
     * Refuses, before any run, what every run would fail at, as the window's form does: a budget the engine cannot
     * run (forcing on a chat engine) and a strategy that needs an engine continuing raw text (adaptive).
     */
    private void refuseWhatCannotRun(SweepPlan plan, Endpoint endpoint, String engineId) {
        SweepPlan.unsupportedBudget(plan.budgets(), endpoint.engine().capabilities()).ifPresent(u -> {
            throw Arguments.error(spec, "--budget " + u.lane().label() + "=" + u.lane().budget().spec() + ": "
                    + u.why().english() + "; --engine " + engineId + " cannot run it");
        });
        EngineRegistry.Entry entry = engines.get(engineId);
        for (Strategy strategy : plan.strategies()) {
            if (Strategies.needsRawContinuation(strategy.name()) && !entry.continuesRawText()) {
                throw Arguments.error(spec, "--strategy " + strategy.name() + " forks the trace and needs an "
                        + "engine that continues raw text (" + String.join(", ", engines.rawEntries()
                        .stream().map(EngineRegistry.Entry::id).toList()) + "); '" + engineId
                        + "' is a chat engine");
            }
        }
    }

    private void checkOptions() {
        if (!format.equals("json") && !format.equals("table")) {
            throw Arguments.error(spec, "--format must be json or table, was '" + format + "'");
        }
        if (timeoutSeconds < 1) {
            throw Arguments.error(spec, "--timeout must be at least 1 second");
        }
        if (samples < 1 || samples > SweepPlan.MAX_SAMPLES) {
            throw Arguments.error(spec, "--samples must be between 1 and " + SweepPlan.MAX_SAMPLES + ", was " + samples);
        }
        if (limit != null && limit < 1) {
            throw Arguments.error(spec, "--limit must be at least 1, was " + limit);
        }
        if (concurrency != null && (concurrency < 1 || concurrency > 1024)) {
            throw Arguments.error(spec, "--concurrency must be between 1 and 1024, was " + concurrency);
        }
        if (confidence != null && !(confidence > 0 && confidence <= 1)) {
            throw Arguments.error(spec, "--confidence must be above 0 and at most 1, was " + confidence);
        }
        if (probeEvery < 1) {
            throw Arguments.error(spec, "--probe-every must be at least 1, was " + probeEvery);
        }
        if (agree < 1) {
            throw Arguments.error(spec, "--agree must be at least 1, was " + agree);
        }
        if (candidates < 1 || candidates > 1024) {
            throw Arguments.error(spec, "--candidates must be between 1 and 1024, was " + candidates);
        }
        Arguments.positiveTokens(spec, "--equal-compute", equalCompute);
    }

    private List<BenchProblem> load(PrintWriter err) {
        ProblemLoad load;
        try {
            load = ProblemSetReader.read(problems);
        } catch (IOException e) {
            throw Arguments.error(spec, "cannot read --problems " + problems + ": " + dev.thinkbench.core.FileProblems.reason(e));
        }
        SkippedLines.report(err, problems.getFileName().toString(), load.issues(), "problems");
        if (limit != null) {
            load = load.limit(limit);
        }
        if (load.problems().isEmpty()) {
            throw Arguments.error(spec, "--problems " + problems + " holds no problem that loads");
        }
        List<String> unanswered = load.problems().stream().filter(p -> p.answer() == null || p.answer().isBlank())
                .map(BenchProblem::id).toList();
        if (!unanswered.isEmpty()) {
            // they run, and are counted apart from right and wrong: said here, not left for the table's n to hint at
            boolean one = unanswered.size() == 1;
            err.println("thinkbench: " + unanswered.size() + (one ? " problem has" : " problems have")
                    + " no answer (" + String.join(", ", unanswered.subList(0, Math.min(5, unanswered.size())))
                    + (unanswered.size() > 5 ? ", ..." : "") + "): " + (one ? "its" : "their")
                    + " runs are shown ungraded");
            err.flush();
        }
        return load.problems();
    }

    private List<Lane> lanes(String engineId, String modelName) {
        if (budgets.isEmpty()) {
            List<Lane> presets = services.presets().lanes(engineId, modelName);
            if (presets == null || presets.isEmpty()) {
                throw new IllegalArgumentException("engine '" + engineId + "' has no default budgets; give "
                        + "--budget LABEL=SPEC");
            }
            return presets;
        }
        List<Lane> lanes = new ArrayList<>();
        for (String b : budgets) {
            int eq = b.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--budget needs LABEL=SPEC, was '" + b + "'");
            }
            lanes.add(new Lane(b.substring(0, eq).strip(), Arguments.budget(b, b.substring(eq + 1))));
        }
        return lanes;
    }

    /**
     * The verifier's judge from the --judge-* options.
     *
     * @param endpoints where judge prompts go, empty for the sweep's own endpoints
     * @param model the judge's model, null for the sweep's own
     */
    private record Judge(List<Endpoint> endpoints, String model) {
    }

    private Judge judge() {
        if (judgeEngine == null) {
            if (!judgeBaseUrls.isEmpty() || judgeApiKeyEnv != null) {
                throw new IllegalArgumentException("--judge-base-url and --judge-api-key-env need --judge-engine");
            }
            return new Judge(List.of(), judgeModel);
        }
        engines.get(judgeEngine.strip());
        EngineChoice choice;
        try {
            choice = EngineChoice.resolve(judgeEngine, judgeModel, services);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--judge-model NAME is needed for judge engine '" + judgeEngine.strip()
                    + "'");
        }
        if (LocalCompletionBackend.ID.equals(choice.engineId()) && !judgeBaseUrls.isEmpty()) {
            throw new IllegalArgumentException("the built-in engine runs here and takes no --judge-base-url");
        }
        return new Judge(SweepEndpoints.build(engines.get(choice.engineId()), choice.model(), judgeBaseUrls,
                keyIn(judgeApiKeyEnv), judgeApiKeyEnv, Duration.ofSeconds(timeoutSeconds), null, null), choice.model());
    }

    private List<Strategy> strategies(List<BenchProblem> set, String judge) {
        Strategies.Options options = new Strategies.Options(candidates,
                AdaptiveStrategy.Settings.agreeing(probeEvery, 1, agree).withConfidence(confidence),
                SweepPlan.maxDifficulty(set, 5), judge);
        List<String> names = strategies.isEmpty() ? List.of("fixed") : strategies;
        return names.stream().filter(n -> !n.isBlank()).map(n -> Strategies.named(n, options)).toList();
    }

    private String apiKey() {
        return keyIn(apiKeyEnv);
    }

    /** The key held by environment variable {@code variable}, null for no variable; an unset one is bad input. */
    private static String keyIn(String variable) {
        if (variable == null) {
            return null;
        }
        String key = System.getenv(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return key;
    }

    /** Prints a sweep's outcome; {@code interrupted}: Ctrl-C stopped it before every run had finished. */
    @FunctionalInterface
    private interface OutcomePrinter {
        void print(SweepOutcome outcome, boolean interrupted);
    }

    /**
     * Runs the sweep and prints its outcome once, also when Ctrl-C stops it ({@link InterruptibleOutput}: the runs in
     * flight are cancelled, and the summary is of the runs that had finished).
     *
     * @return the exit code: 0 when every run is ok, 1 when one failed or the results could not be written
     */
    private int run(SweepPlan plan, List<Endpoint> endpoints, List<Endpoint> judges, PrintWriter err,
                    OutcomePrinter printer) throws IOException {
        ResultLog log;
        try {
            log = out == null ? null : ResultLog.open(out);
        } catch (IOException e) {
            throw Arguments.error(spec, "cannot open --out " + out + ": " + e.getMessage());
        }
        try {
            SweepRunner runner = new SweepRunner(endpoints, judges, services.prices(), services.sweepOptions());
            if (log != null) {
                SkippedLines.report(err, out.getFileName().toString(), log.existing().issues(), "results");
                // a report pools the runs of a label: another sweep's runs in the same file would be averaged in
                java.util.Optional<String> other = dev.thinkbench.lab.sweep.ResumeCheck.otherSweep(
                        runner.asRun(plan), log.existing().records());
                if (other.isPresent()) {
                    throw Arguments.error(spec, "--out " + out.getFileName() + " holds runs of another sweep: "
                            + other.get() + "; resuming would mix them in one report (use another --out, or the "
                            + "options that sweep ran with)");
                }
            }
            SweepHandle handle = runner.start(plan, log, new SweepProgressPrinter(err, Duration.ofSeconds(2)));
            InterruptibleOutput output = InterruptibleOutput.standBy("thinkbench-sweep-interrupted", handle::cancel,
                    INTERRUPT_GRACE, interrupted -> {
                        // a run that does not take its cancellation in time is left out: the runs finished so far
                        SweepOutcome now = handle.done().getNow(null);
                        printer.print(now != null ? now : handle.soFar(), interrupted);
                    });
            SweepOutcome outcome = handle.done().join();
            boolean interrupted = output.workEnded();
            return outcome.failed() == 0 && !interrupted && !outcome.cancelled() && outcome.writeError() == null
                    ? 0 : 1;
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    /** "1 problem", "3 problems". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
