package dev.thinkbench.cli;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.RawEngines;
import dev.thinkbench.forcing.TemplateChooser;
import dev.thinkbench.lab.Comparison;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.session.KnownAnswers;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.lab.PricedAs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code thinkbench compare}: one prompt at several budgets, in parallel, printed as JSON or a table. Without
 * {@code --engine} and {@code --model} it runs the built-in engine with the bundled micro model and its presets, as
 * the workbench does with nothing configured. Ctrl-C prints the columns that finished and marks the rest cancelled.
 * {@code --save FILE} also writes the comparison as a session (every column's timed events), interrupted or not, for
 * {@code replay} and {@code export}. Exit code 0 when every run is ok, 1 when any failed or was cancelled or the
 * session could not be saved, 2 for bad arguments, 130 when interrupted.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run one prompt at several thinking budgets side by side.",
        footer = {"", "Examples:",
                "  thinkbench compare --prompt \"What is 17 + 25?\" --expected 42",
                "  thinkbench compare --prompt-file problem.txt --format json \\",
                "      --budget short=tokens:256 --budget long=tokens:4096 \\",
                "      --engine ollama --model qwen3:8b",
                "  thinkbench compare --engine llama-server --model qwq --save demo.json \\",
                "      --budget \"waits=force:min=1024,max=4096,waits=2,wait=Wait|Hmm\" \\",
                "      --prompt \"How many r's are in raspberry?\""})
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ID",
            description = "Engine id, listed below (default: builtin, with the bundled micro model)")
    private String engine;

    @Mixin
    private EngineOptions server;

    @Mixin
    private BuiltinContextOption context;

    @Option(names = "--budget", paramLabel = "LABEL=SPEC",
            description = "A column: SPEC is none, tokens:N, effort:LEVEL or force:min=N,max=N,waits=N,wait=TEXT. "
                    + "Repeat for more columns. Default: the engine's small/medium/large presets.")
    private List<String> budgets = new ArrayList<>();

    @Mixin
    private PromptOptions prompt;

    @Mixin
    private SamplingOptions sampling;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Fail a run whose stream stays silent this long (default ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default): a row per column, then the answers; json: one object with every run")
    private String format;

    @Option(names = "--template", paramLabel = "NAME|FILE",
            description = "Chat template for raw-continuation engines (builtin, llama-server, openai-completions, "
                    + "ollama-raw, deepseek-prefix): " + ChatTemplates.NAMES + ", model (the model's own: the "
                    + "family's built-in template where the model is known, else its GGUF's or server's template, "
                    + "else chatml-think), or a Jinja file. Default: model on the built-in "
                    + "engine, chatml-think on the others")
    private String template;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Also save the comparison as a session file (replay it, export it, open it in the window)")
    private Path save;

    @Option(names = "--expected", paramLabel = "TEXT",
            description = "The prompt's known answer: each run is graded against it (JSON: expected, extracted, "
                    + "correct true/false/null)")
    private String expected;

    @Option(names = "--priced-as", paramLabel = "MODEL",
            description = "Cost free (local) runs at this hosted model's rates from assets/pricing.json, as an "
                    + "estimate (JSON: pricedAs, costUsd)")
    private String pricedAs;

    private final CliServices services;

    CompareCommand(CliServices services) {
        this.services = services;
    }

    /** The engines, for the help's footer. */
    static String engineHelp(CliServices services) {
        return EngineList.section("Engines (--engine ID):", EngineList.all(services.engines()));
    }

    @Override
    public Integer call() {
        if (engine != null) {
            Arguments.check(spec, () -> services.engines().get(engine.strip()));
        }
        EngineChoice choice = Arguments.check(spec, () -> EngineChoice.resolve(engine, server.model(), services));
        EngineRegistry engines = Arguments.check(spec, () -> context.engines(services, choice.engineId()));
        EngineRegistry.Entry entry = Arguments.check(spec, () -> EngineOptions.refuseUrlForLocal(
                engines.get(choice.engineId()), server.baseUrl() != null));
        List<Lane> lanes = lanes(choice);
        String promptText = prompt.text();
        if (!format.equals("json") && !format.equals("table")) {
            throw Arguments.error(spec, "--format must be json or table, was '" + format + "'");
        }
        if (timeoutSeconds < 1) {
            throw Arguments.error(spec, "--timeout must be at least 1 second");
        }
        Sampling chosen = Arguments.check(spec, () -> sampling.sampling(choice.defaultTemperature()));
        RunSpec base = Arguments.check(spec, () -> new RunSpec(promptText, prompt.system(), choice.model(),
                lanes.getFirst().budget(), chosen));
        ReasoningEngine reasoningEngine = Arguments.check(spec, () -> engine(entry));

        if (save != null && Files.isDirectory(save)) {
            throw Arguments.error(spec, "--save needs a file name; " + save + " is a folder");
        }
        Price estimate = pricedAs == null ? null : PricedAs.estimate(services.prices(), pricedAs).orElseThrow(
                () -> Arguments.error(spec, "--priced-as: no price for '" + pricedAs.strip() + "' in pricing.json; "
                        + "use one of " + services.prices().all().stream().map(Price::displayName).toList()));
        if (expected != null && expected.isBlank()) {
            throw Arguments.error(spec, "--expected needs the answer's text, e.g. --expected 11");
        }
        Comparison comparison = Comparison.start(reasoningEngine, services.prices(), base, lanes,
                estimate == null ? null : estimate.model());
        AtomicBoolean saveFailed = new AtomicBoolean();
        ComparisonPrinter printer = new ComparisonPrinter(comparison, format, promptText, entry.id(), choice.model(),
                new ComparisonPrinter.Extras(expected == null ? null : expected.strip(), estimate),
                spec.commandLine().getOut(), spec.commandLine().getErr());
        if (save != null) {
            String answer = expected != null ? expected.strip() : KnownAnswers.forPrompt(promptText);
            RunSetup setup = new RunSetup(promptText, prompt.system(), entry.id(), entry.displayName(),
                    choice.model(), server.baseUrl() != null ? server.baseUrl() : entry.defaultBaseUrl(),
                    server.apiKeyEnv(), chosen, template, answer);
            printer.afterPrint(() -> saveFailed.set(!save(setup, comparison)));
        }
        int code = printer.awaitAndPrint();
        return saveFailed.get() ? 1 : code;
    }

    /** Writes the session; says where on stderr, or why not. */
    private boolean save(RunSetup setup, Comparison comparison) {
        try {
            new SessionFile().write(save, Session.of(setup, comparison.runs(), Instant.now()));
            spec.commandLine().getErr().println("thinkbench: session saved to " + save);
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println("thinkbench: " + e.getMessage());
            return false;
        } finally {
            spec.commandLine().getErr().flush();
        }
    }

    private ReasoningEngine engine(EngineRegistry.Entry entry) {
        String url = server.baseUrl() != null ? server.baseUrl() : entry.defaultBaseUrl();
        EngineConfig config = new EngineConfig(entry.id(), url == null ? null : URI.create(url), server.apiKey(),
                Duration.ofSeconds(timeoutSeconds), server.apiKeyEnv());
        if (template == null) {
            return entry.factory().create(config);
        }
        if (!entry.continuesRawText()) {
            throw new IllegalArgumentException("--template applies only to raw-continuation engines; '" + entry.id()
                    + "' applies the server's own chat template");
        }
        return RawEngines.create(entry, config, TemplateChooser.forOption(template));
    }

    private List<Lane> lanes(EngineChoice choice) {
        if (budgets.isEmpty()) {
            List<Lane> presets = services.presets().lanes(choice.engineId(), choice.model());
            if (presets.isEmpty()) {
                throw Arguments.error(spec, "engine '" + choice.engineId()
                        + "' has no default budgets; give --budget LABEL=SPEC");
            }
            return presets;
        }
        List<Lane> lanes = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String b : budgets) {
            int eq = b.indexOf('=');
            if (eq <= 0 || b.substring(0, eq).isBlank()) {
                throw Arguments.usage(spec, "--budget needs LABEL=SPEC, was '" + b + "'");
            }
            String label = b.substring(0, eq).strip();
            if (!labels.add(label)) {
                throw Arguments.error(spec, "two columns are labelled '" + label
                        + "'; give each --budget its own label (the output names columns by label)");
            }
            lanes.add(Arguments.check(spec, () -> new Lane(label, Arguments.budget(b, b.substring(eq + 1)))));
        }
        return lanes;
    }
}
