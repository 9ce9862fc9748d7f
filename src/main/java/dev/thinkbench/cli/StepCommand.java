package dev.thinkbench.cli;

import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.RawBackendSpec;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.forcing.StepScript;
import dev.thinkbench.forcing.Stepper;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.forcing.TemplateChooser;
import dev.thinkbench.forcing.TemplateMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code thinkbench step}: a scripted budget-forcing session on a raw backend ({@code --actions
 * wait,wait,insert:Hmm,answer}), printing the timeline as text or JSON. Without {@code --engine} and {@code --model}
 * it steps the bundled micro model on the built-in engine. Exit code 0 when the answer was written, 1 when a step
 * failed, an action was refused or the script ended without an answer (the reason goes to stderr too), 2 for bad
 * arguments, 130 when interrupted: Ctrl-C stops the step under way and prints the timeline so far, saying so.
 */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Step through budget forcing by script: the model thinks until it tries to stop, then each "
                + "action decides what happens.",
        footer = {"", "Examples:",
                "  thinkbench step --prompt \"Start with 8. Add 38. Halve it. What do you get?\" \\",
                "      --actions wait,insert:Hmm,answer",
                "  thinkbench step --prompt-file problem.txt --format json \\",
                "      --actions fork,wait,branch:1,continue"})
final class StepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ID",
            description = "A raw-continuation engine, listed below (default: builtin, with the bundled micro model)")
    private String engine;

    @Mixin
    private EngineOptions server;

    @Mixin
    private BuiltinContextOption context;

    @Option(names = "--template", paramLabel = "NAME|FILE",
            description = ChatTemplates.NAMES + ", model (the model's own: the family's built-in template where "
                    + "the model is known, else its GGUF's or server's template, else chatml-think), or a Jinja "
                    + "file. Default: as compare, model on the built-in engine, chatml-think on the others")
    private String template;

    @Option(names = "--thinking-start", defaultValue = "<think>\n", paramLabel = "TEXT",
            description = "What opens thinking after a Jinja or model template's generation prompt "
                    + "(default <think> and a newline; write a newline as \\n)")
    private String thinkingStart;

    @Option(names = "--end-marker", defaultValue = "</think>", paramLabel = "TEXT",
            description = "End-of-thinking marker for a Jinja or model template (default ${DEFAULT-VALUE})")
    private String endMarker;

    @Option(names = "--end-of-turn", defaultValue = "<|im_end|>", paramLabel = "TEXT",
            description = "End-of-turn marker for a Jinja or model template (default ${DEFAULT-VALUE})")
    private String endOfTurn;

    @Mixin
    private PromptOptions prompt;

    @Option(names = "--actions", required = true, paramLabel = "LIST",
            description = "wait, insert:TEXT, edit:TEXT, continue, answer (force), fork, undo, branch:N; "
                    + "comma-separated (write \\, for a comma in a text)")
    private String actions;

    @Option(names = "--wait-text", defaultValue = "Wait", paramLabel = "TEXT[|TEXT...]",
            description = "Wait texts, rotating (default ${DEFAULT-VALUE})")
    private String waitText;

    @Option(names = "--answer-prefix", defaultValue = "Final Answer:", paramLabel = "TEXT",
            description = "What forcing the answer writes after closing the thinking (default: ${DEFAULT-VALUE})")
    private String answerPrefix;

    @Option(names = "--max-thinking", defaultValue = "4096", paramLabel = "N",
            description = "Thinking-token cap per branch (default ${DEFAULT-VALUE})")
    private int maxThinking;

    @Option(names = "--max-answer", defaultValue = "1024", paramLabel = "N",
            description = "The most answer tokens (default: ${DEFAULT-VALUE})")
    private int maxAnswer;

    @Mixin
    private SamplingOptions sampling;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Fail a step whose stream stays silent this long (default ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (default): the timeline of steps and the answer; json: the same as one object")
    private String format;

    /** How long an interrupted session waits for the step under way to stop. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(3);

    private final CliServices services;
    /** The engines this command runs on ({@link BuiltinContextOption}), set once the engine is chosen. */
    private EngineRegistry engines;

    StepCommand(CliServices services) {
        this.services = services;
    }

    /** The engines {@code step} drives, for the help's footer. */
    static String engineHelp(CliServices services) {
        return EngineList.section("Engines (--engine ID):", EngineList.raw(services.engines()));
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("text")) {
            throw Arguments.error(spec, "--format must be text or json, was '" + format + "'");
        }
        if (maxThinking < 1 || maxThinking > ForcingPlan.MAX_TOKENS) {
            throw Arguments.error(spec, "--max-thinking must be between 1 and " + ForcingPlan.MAX_TOKENS + ", was "
                    + maxThinking);
        }
        if (maxAnswer < 1) {
            throw Arguments.error(spec, "--max-answer must be at least 1, was " + maxAnswer);
        }
        if (timeoutSeconds < 1) {
            throw Arguments.error(spec, "--timeout must be at least 1 second");
        }
        if (engine != null) {
            Arguments.check(spec, () -> services.engines().raw(engine.strip()));
        }
        EngineChoice choice = Arguments.check(spec, () -> EngineChoice.resolve(engine, server.model(), services));
        engines = Arguments.check(spec, () -> context.engines(services, choice.engineId()));
        Arguments.check(spec, () -> EngineOptions.refuseUrlForLocal(engines.get(choice.engineId()),
                server.baseUrl() != null));
        StepScript script = Arguments.check(spec, () -> StepScript.parse(actions));
        if (script.actions().isEmpty()) {
            throw Arguments.error(spec, "--actions is empty; give at least one action, e.g. wait,answer");
        }
        // a blank text between the bars would insert nothing where the model wanted to stop
        List<String> waits = java.util.Arrays.stream(waitText.split("\\|")).filter(t -> !t.isBlank()).toList();
        if (waits.isEmpty()) {
            throw Arguments.error(spec, "--wait-text has no text; give at least one, e.g. --wait-text 'Wait|Hmm'");
        }
        String promptText = prompt.text();
        StepperSettings settings = Arguments.check(spec, () -> new StepperSettings(
                sampling.sampling(choice.defaultTemperature()), maxThinking, waits, answerPrefix, maxAnswer));
        CompletionBackend backend = Arguments.check(spec,
                () -> engines.raw(choice.engineId()).backend(backendSpec(choice)));
        ChatTemplate chatTemplate = template(backend, choice);

        try (Stepper stepper = new Stepper(backend, chatTemplate, settings, event -> { })) {
            return runScript(script, stepper, promptText, backend, chatTemplate, choice);
        }
    }

    /**
     * Runs the script and prints the timeline once, also when Ctrl-C stops it ({@link InterruptibleOutput}: the step
     * under way is stopped and no further action applied; the timeline shows what the session held).
     *
     * @return the exit code: 0 when the answer was written, else 1
     */
    private int runScript(StepScript script, Stepper stepper, String promptText, CompletionBackend backend,
                          ChatTemplate chatTemplate, EngineChoice choice) throws InterruptedException {
        CancelToken stop = new CancelToken();
        AtomicReference<StepScript.Result> ran = new AtomicReference<>();
        InterruptibleOutput output = InterruptibleOutput.standBy("thinkbench-step-interrupted", () -> {
            stop.cancel();
            stepper.stop();
        }, INTERRUPT_GRACE, interrupted -> {
            StepScript.Result result = ran.get();
            if (result == null && !interrupted) {
                return; // the script broke: its exception says why
            }
            if (result == null) {
                // a step that did not stop in time is shown as far as the session has it
                result = new StepScript.Result(stepper.snapshot(), List.of(), StepScript.STOPPED);
            }
            if (interrupted && result.error() != null) {
                result = new StepScript.Result(result.snapshot(), result.notes(), "interrupted (Ctrl-C): "
                        + result.error());
            }
            print(backend, chatTemplate, choice, result, interrupted);
        });
        try {
            ran.set(StepOutcome.explain(script.run(stepper, prompt.system(), promptText, stop), script));
        } finally {
            output.workEnded();
        }
        StepScript.Result result = ran.get();
        return !output.interrupted() && result.error() == null && result.snapshot().state() == StepperState.DONE
                ? 0 : 1;
    }

    private RawBackendSpec backendSpec(EngineChoice choice) {
        return engines.raw(choice.engineId()).backendSpec(server.baseUrl(), server.apiKey(),
                choice.model(), Duration.ofSeconds(timeoutSeconds), server.apiKeyEnv());
    }

    /**
     * The template as {@code compare} and the window's Stepper choose it ({@link TemplateChooser#choose}): without
     * {@code --template}, the engine's own chooser (per model on the built-in engine); with one, the chooser it names.
     * Blocks: it may read the model file or ask its server.
     */
    private ChatTemplate template(CompletionBackend backend, EngineChoice choice) {
        TemplateMarkers markers = Arguments.check(spec, () -> new TemplateMarkers(thinkingStart.replace("\\n", "\n"),
                endMarker, endMarker + "\n", endOfTurn));
        TemplateChooser chooser = template == null ? engineChooser(choice)
                : Arguments.check(spec, () -> TemplateChooser.forOption(template, markers));
        return Arguments.check(spec, () -> chooser.choose(choice.model(), backend));
    }

    /** The chooser of the engine {@code compare} runs for this choice without {@code --template}. */
    private TemplateChooser engineChooser(EngineChoice choice) {
        EngineRegistry.Entry entry = engines.get(choice.engineId());
        if (entry.factory() != null) {
            String url = server.baseUrl() != null ? server.baseUrl() : entry.defaultBaseUrl();
            EngineConfig config = new EngineConfig(entry.id(), url == null ? null : URI.create(url), server.apiKey(),
                    Duration.ofSeconds(timeoutSeconds), server.apiKeyEnv());
            if (Arguments.check(spec, () -> entry.factory().create(config)) instanceof ForcingReasoningEngine forcing) {
                return forcing.templates();
            }
        }
        return TemplateChooser.fixed(ChatTemplates.CHATML_THINK);
    }

    /**
     * The timeline on stdout, as text or JSON (with {@code "interrupted"}); what went wrong, if anything, on stderr
     * too.
     */
    private void print(CompletionBackend backend, ChatTemplate chatTemplate, EngineChoice choice,
                       StepScript.Result result, boolean interrupted) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("engine", choice.engineId());
            header.put("server", backend.displayName());
            header.put("model", choice.model());
            header.put("template", chatTemplate.name());
            header.put("actions", actions);
            header.put("interrupted", interrupted);
            out.println(StepTimeline.json(header, result));
        } else {
            out.print(StepTimeline.text("thinkbench step \u00b7 " + backend.displayName() + " \u00b7 model "
                    + choice.model() + " \u00b7 template " + chatTemplate.name() + " \u00b7 actions " + actions,
                    result));
        }
        out.flush();
        if (result.error() != null) {
            spec.commandLine().getErr().println("thinkbench: step: " + result.error());
            spec.commandLine().getErr().flush();
        }
    }
}
