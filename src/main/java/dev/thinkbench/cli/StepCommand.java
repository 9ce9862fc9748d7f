package dev.thinkbench.cli;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.ChatTemplateSource;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.raw.RawBackendSpec;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.StepScript;
import dev.thinkbench.forcing.Stepper;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.forcing.TemplateMarkers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code thinkbench step}: a scripted budget-forcing session on a raw backend ({@code --actions
 * wait,wait,insert:Hmm,answer}), printing the timeline as text or JSON. Exit code 0 when the answer was written, 1 when
 * a step failed or an action was refused, 2 for bad arguments.
 */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Step through budget forcing by script: the model thinks until it tries to stop, then each "
                + "action decides what happens.")
final class StepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--engine", required = true, paramLabel = "ID",
            description = "llama-server, openai-completions, ollama-raw, deepseek-prefix, or builtin (the in-process "
                    + "engine; --model is then a GGUF path or a model in the models folder)")
    private String engine;

    @Option(names = "--base-url", paramLabel = "URL", description = "Server base URL (engine default if omitted)")
    private String baseUrl;

    @Option(names = "--model", required = true, paramLabel = "NAME")
    private String model;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the API key (the key itself is never printed)")
    private String apiKeyEnv;

    @Option(names = "--template", defaultValue = "chatml-think", paramLabel = "NAME|FILE",
            description = "chatml-think, deepseek-r1, s1, model (the server's own), or a Jinja file "
                    + "(default ${DEFAULT-VALUE})")
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

    @ArgGroup(multiplicity = "1")
    private CompareCommand.PromptSource prompt;

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt")
    private String system;

    @Option(names = "--actions", required = true, paramLabel = "LIST",
            description = "wait, insert:TEXT, edit:TEXT, continue, answer (force), fork, undo, branch:N; "
                    + "comma-separated (write \\, for a comma in a text)")
    private String actions;

    @Option(names = "--wait-text", defaultValue = "Wait", paramLabel = "TEXT[|TEXT...]",
            description = "Wait texts, rotating (default ${DEFAULT-VALUE})")
    private String waitText;

    @Option(names = "--answer-prefix", defaultValue = "Final Answer:", paramLabel = "TEXT")
    private String answerPrefix;

    @Option(names = "--max-thinking", defaultValue = "4096", paramLabel = "N",
            description = "Thinking-token cap per branch (default ${DEFAULT-VALUE})")
    private int maxThinking;

    @Option(names = "--max-answer", defaultValue = "1024", paramLabel = "N")
    private int maxAnswer;

    @Option(names = "--temperature", paramLabel = "T")
    private Double temperature;

    @Option(names = "--seed", paramLabel = "N")
    private Long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Fail a step whose stream stays silent this long (default ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json")
    private String format;

    private final CliServices services;

    StepCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("text")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, was '" + format + "'");
        }
        StepScript script = argument(() -> StepScript.parse(actions));
        String promptText = promptText();
        StepperSettings settings = argument(() -> new StepperSettings(new Sampling(temperature, null, seed, null),
                maxThinking, List.of(waitText.split("\\|")), answerPrefix, maxAnswer));
        CompletionBackend backend = argument(() -> services.rawBackends().create(engine, spec()));
        ChatTemplate chatTemplate = template(backend);

        StepScript.Result result;
        try (Stepper stepper = new Stepper(backend, chatTemplate, settings, event -> { })) {
            result = script.run(stepper, system, promptText);
        }
        print(backend, chatTemplate, result);
        return result.error() == null && result.snapshot().state() == StepperState.DONE ? 0 : 1;
    }

    private RawBackendSpec spec() {
        return services.rawBackends().spec(engine, baseUrl, apiKey(), model, Duration.ofSeconds(timeoutSeconds));
    }

    private ChatTemplate template(CompletionBackend backend) throws EngineException {
        TemplateMarkers markers = argument(() -> new TemplateMarkers(thinkingStart.replace("\\n", "\n"),
                endMarker, endMarker + "\n", endOfTurn));
        if (!template.equals("model")) {
            return argument(() -> ChatTemplates.resolve(template, markers));
        }
        if (!(backend instanceof ChatTemplateSource source)) {
            throw new ParameterException(spec.commandLine(), "engine '" + engine
                    + "' cannot tell the model's own template; name one with --template");
        }
        return argument(() -> {
            try {
                return ChatTemplates.fromModel(source, markers).orElseThrow(() -> new IllegalArgumentException(
                        "the server has no chat template for this model; name one with --template"));
            } catch (EngineException e) {
                throw new IllegalArgumentException("cannot read the model's template: " + e.getMessage(), e);
            }
        });
    }

    private void print(CompletionBackend backend, ChatTemplate chatTemplate, StepScript.Result result)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("engine", engine);
            header.put("server", backend.displayName());
            header.put("model", model);
            header.put("template", chatTemplate.name());
            header.put("actions", actions);
            out.println(StepTimeline.json(header, result));
        } else {
            out.print(StepTimeline.text("thinkbench step \u00b7 " + backend.displayName() + " \u00b7 model " + model
                    + " \u00b7 template " + chatTemplate.name() + " \u00b7 actions " + actions, result));
        }
        out.flush();
    }

    private String promptText() throws IOException {
        String text = prompt.file != null ? readPrompt(prompt.file) : prompt.text;
        if (text == null || text.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the prompt is empty");
        }
        return text;
    }

    private String readPrompt(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "cannot read --prompt-file " + file);
        }
        return Files.readString(file);
    }

    private String apiKey() {
        if (apiKeyEnv == null) {
            return null;
        }
        String key = System.getenv(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("environment variable " + apiKeyEnv + " is not set");
        }
        return key;
    }

    private <T> T argument(Supplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
