package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.RawBackendSpec;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.Stepper;
import dev.thinkbench.forcing.StepperEvent;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.TemplateChooser;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The Stepper tab's state: a {@link StepperViewModel} whose backend follows the workbench's connection (engine kind,
 * base URL, key variable, model), read afresh at each Run. Stepping needs an engine that continues raw text (one of
 * registry's raw-continuation kinds: the built-in engine, llama.cpp server, OpenAI-compatible completions, Ollama raw,
 * DeepSeek prefix); for a chat engine {@link #supportedProperty()} is false and {@link #explanationProperty()} says
 * why. On the built-in engine the template is preselected per model (the one the model names, else its own Jinja
 * template, else {@code chatml-think}), worked out in the background. UI thread only.
 */
public final class ConnectedStepperViewModel implements AutoCloseable {

    /** A step may think this long without a token before it fails (a large model's first token on a slow CPU). */
    static final Duration SILENCE_TIMEOUT = Duration.ofSeconds(300);

    private final ConnectionViewModel connection;
    private final EngineRegistry engines;
    private final String builtinId;
    private final Supplier<Sampling> sampling;
    private final UnaryOperator<String> environment;
    private final BackgroundTasks tasks;
    private final TemplateChooser chooser = TemplateChooser.byModel();
    private final StepperViewModel stepper;
    private final ReadOnlyBooleanWrapper supported = new ReadOnlyBooleanWrapper(this, "supported");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    /** The engine and model the session shown ran on (the target at its Run), empty before one ran here. */
    private String ranOn = "";
    private final ReadOnlyStringWrapper ranOnNote = new ReadOnlyStringWrapper(this, "ranOnNote", "");
    private int templateGeneration;

    /**
     * @param engines the engine registry; its raw-continuation kinds (the built-in engine among them) can step
     * @param builtinId the built-in engine's id, offered when the chosen engine cannot step
     * @param sampling the sampling to step with, read at each Run (the workbench's temperature and seed)
     * @param environment reads the API key from the variable the connection names
     */
    public ConnectedStepperViewModel(ConnectionViewModel connection, EngineRegistry engines, String builtinId,
                                     Supplier<Sampling> sampling, UnaryOperator<String> environment,
                                     BackgroundTasks tasks) {
        this.connection = connection;
        this.engines = engines;
        this.builtinId = builtinId;
        this.sampling = sampling;
        this.environment = environment;
        this.tasks = tasks;
        this.stepper = new StepperViewModel(this::newStepper, ChatTemplates.builtIns());
        connection.engineEntryProperty().addListener((obs, old, now) -> onConnectionChanged());
        connection.modelProperty().addListener((obs, old, now) -> onConnectionChanged());
        stepper.timeline().addListener((javafx.collections.ListChangeListener<TimelineRow>) c -> noteRanOn());
        onConnectionChanged();
    }

    /**
     * Says which engine and model the steps shown ran on where that is no longer the engine bar's (the trace of a
     * gpt-oss session stayed under a header naming the model chosen since); nothing while no steps are shown.
     */
    private void noteRanOn() {
        boolean other = !ranOn.isEmpty() && !ranOn.equals(target.get()) && !stepper.timeline().isEmpty();
        ranOnNote.set(other ? Messages.get("stepper.ranOn", ranOn) : "");
    }

    private Stepper newStepper(ChatTemplate template, Consumer<StepperEvent> listener) {
        if (!supported.get()) {
            throw new IllegalStateException(explanation.get());
        }
        String model = connection.modelProperty().get();
        boolean noModel = model == null || model.isBlank();
        if (noModel && !builtinId.equals(engineId())) {
            throw new IllegalStateException(Messages.get("stepper.chooseModel"));
        }
        CompletionBackend backend = engines.raw(engineId()).backend(spec());
        Stepper made = new Stepper(backend, template, StepperSettings.defaults(sampling.get()), listener);
        ranOn = target.get();
        noteRanOn();
        return made;
    }

    /** @throws IllegalArgumentException for a base URL that is not http(s) */
    private RawBackendSpec spec() {
        String variable = connection.apiKeyVariableProperty().get();
        String key = variable == null || variable.isBlank() ? null : environment.apply(variable.strip());
        return engines.raw(engineId()).backendSpec(connection.baseUrlProperty().get(), key,
                connection.modelProperty().get(), SILENCE_TIMEOUT, variable == null || variable.isBlank() ? null
                        : variable.strip());
    }

    private String engineId() {
        EngineRegistry.Entry entry = connection.engineEntryProperty().get();
        return entry == null ? "" : entry.id();
    }

    private Set<String> rawIds() {
        return engines.rawEntries().stream().map(EngineRegistry.Entry::id).collect(Collectors.toSet());
    }

    private void onConnectionChanged() {
        EngineRegistry.Entry entry = connection.engineEntryProperty().get();
        boolean raw = entry != null && rawIds().contains(entry.id());
        supported.set(raw);
        String model = connection.modelProperty().get();
        String modelText = model == null || model.isBlank() ? Messages.get("stepper.defaultModel") : model;
        target.set(entry == null ? "" : EngineNames.of(entry) + " \u00b7 " + modelText);
        explanation.set(raw ? "" : explain(entry));
        noteRanOn();
        if (raw && builtinId.equals(entry.id())) {
            preselectTemplate(model);
        }
    }

    private String explain(EngineRegistry.Entry entry) {

        // the built-in engine first: it needs nothing installed
        String raw = engines.rawEntries().stream()
                .sorted(Comparator.comparing((EngineRegistry.Entry k) -> !k.id().equals(builtinId)))
                .map(EngineNames::of).collect(Collectors.joining(", "));
        return entry == null ? Messages.get("stepper.noEngine", raw)
                : Messages.get("stepper.chatEngine", EngineNames.of(entry), raw);
    }

    /** The built-in engine's template for the model, found off the UI thread (it may read the model file). */
    private void preselectTemplate(String model) {
        int generation = ++templateGeneration;
        String id = engineId();
        RawBackendSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException badUrl) {
            return;
        }
        tasks.run(() -> chooser.choose(model, engines.raw(id).backend(spec)), template -> {
            if (generation == templateGeneration) {
                if (!stepper.templates().contains(template)) {
                    stepper.templates().add(template);
                }
                stepper.templateProperty().set(template);
            }
        }, unreadable -> {
            // the run itself reports an unreadable model; the current template stays
        });
    }

    /** Switches the workbench to the built-in engine with its default model (the bundled micro model). */
    public void useBuiltIn() {
        connection.use(builtinId, null, null, null);
    }

    /**
     * Fills the prompt with {@code text} and the expected answer with {@code expected} when the prompt is still empty
     * (e.g. the Compare tab's prompt); where the prompt is that text already and has no expected answer, gives it
     * {@code expected}.
     */
    public void offerPrompt(String text, String expected) {
        String now = stepper.promptProperty().get();
        String want = expected == null ? "" : expected;
        if ((now == null || now.isBlank()) && text != null && !text.isBlank()) {
            stepper.promptProperty().set(text);
            stepper.expectedProperty().set(want);
        } else if (now != null && now.equals(text) && stepper.expectedProperty().get().isBlank()) {
            stepper.expectedProperty().set(want);
        }
    }

    public StepperViewModel stepper() {
        return stepper;
    }

    /** True when the connection's engine continues raw text, so the stepper can run on it. */
    public ReadOnlyBooleanProperty supportedProperty() {
        return supported.getReadOnlyProperty();
    }

    /** Why the chosen engine cannot step, empty when it can. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** "The steps shown ran on ..." where that engine and model are no longer the engine bar's; empty otherwise. */
    public ReadOnlyStringProperty ranOnNoteProperty() {
        return ranOnNote.getReadOnlyProperty();
    }

    /** The engine and model the next Run steps on, e.g. {@code Built-in engine (llama.cpp) · micro-reasoner.gguf}. */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    @Override
    public void close() {
        stepper.close();
    }
}
