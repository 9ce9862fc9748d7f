package dev.thinkbench.ui.stepper;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.RawBackendSpec;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.testing.ScriptedTestBackend;
import dev.thinkbench.testing.TemplateSourceTestBackend;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stepper tab's view model over a connection with a chat engine, a raw HTTP engine and the built-in one. */
@Timeout(30)
class ConnectedStepperViewModelTest {

    private final List<RawBackendSpec> specs = new CopyOnWriteArrayList<>();
    private final List<String> kindsUsed = new CopyOnWriteArrayList<>();
    private final ScriptedTestBackend backend = new ScriptedTestBackend().then("Two", "</think>");
    private final EngineRegistry registry = new EngineRegistry()
            .register(raw("builtin", "Built-in engine", null))
            .register(entry("ollama", "http://127.0.0.1:11434"))
            .register(raw("llama-server", "llama.cpp server", "http://127.0.0.1:8080"));
    private final ConnectionViewModel connection = new ConnectionViewModel(registry,
            new WorkbenchFixture.SameThreadTasks(), Map.of("SERVER_KEY", "sk-stepper-secret")::get);
    private final ConnectedStepperViewModel vm = new ConnectedStepperViewModel(connection, registry, "builtin",
            () -> Sampling.greedy(7), Map.of("SERVER_KEY", "sk-stepper-secret")::get,
            new WorkbenchFixture.SameThreadTasks());

    /** A raw-continuation kind whose backends are the scripted test backend, noting each spec. */
    private EngineRegistry.Entry raw(String id, String name, String url) {
        return new EngineRegistry.Entry(id, name, name, url, null, config -> null, spec -> {
            specs.add(spec);
            kindsUsed.add(id);
            return backend;
        });
    }

    private static EngineRegistry.Entry entry(String id, String url) {
        return new EngineRegistry.Entry(id, id + " engine", url,
                config -> new ScriptedTestEngine(id, spec -> null, List.of(new ModelInfo(id + "-model", ""))));
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private void runUntilPaused() throws InterruptedException {
        vm.stepper().promptProperty().set("How many r's are in raspberry?");
        vm.stepper().run();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (vm.stepper().stateProperty().get() != StepperState.PAUSED && Instant.now().isBefore(deadline)) {
            vm.stepper().drain();
            Thread.sleep(10);
        }
    }

    /** Forgets the backends made so far (the built-in engine's template is looked up as soon as it is chosen). */
    private void forgetBackends() {
        specs.clear();
        kindsUsed.clear();
    }

    @Test
    void aChatEngineCannotStepAndSaysWhyNamingTheRawOnes() {
        connection.use("ollama", null, null, "qwen3");
        forgetBackends();

        assertThat(vm.supportedProperty().get()).isFalse();
        assertThat(vm.explanationProperty().get()).startsWith("ollama engine is a chat engine")
                .contains("pick one in the engine bar: Built-in engine (llama.cpp), llama.cpp server");
        vm.stepper().promptProperty().set("Hi");
        vm.stepper().run();
        assertThat(vm.stepper().errorProperty().get()).startsWith("ollama engine is a chat engine");
        assertThat(specs).isEmpty();
    }

    @Test
    void aRawEngineStepsOnTheEngineBarsServerModelAndKeyReadAtRun() throws Exception {
        connection.use("llama-server", "http://10.0.0.7:9000", "SERVER_KEY", "qwq-32b");
        assertThat(vm.supportedProperty().get()).isTrue();
        assertThat(vm.targetProperty().get()).isEqualTo("llama.cpp server \u00b7 qwq-32b");
        forgetBackends();

        runUntilPaused();

        assertThat(vm.stepper().stateProperty().get()).isEqualTo(StepperState.PAUSED);
        assertThat(kindsUsed).containsExactly("llama-server");
        RawBackendSpec spec = specs.getLast();
        assertThat(spec.baseUrl().toString()).isEqualTo("http://10.0.0.7:9000");
        assertThat(spec.model()).isEqualTo("qwq-32b");
        assertThat(spec.apiKey()).isEqualTo("sk-stepper-secret");
        assertThat(spec.toString()).doesNotContain("sk-stepper-secret");
    }

    @Test
    void theStepsShownSayWhichModelTheyRanOnOnceTheEngineBarChoosesAnother() throws Exception {
        connection.use("llama-server", "http://10.0.0.7:9000", "SERVER_KEY", "qwq-32b");
        assertThat(vm.ranOnNoteProperty().get()).as("nothing ran yet").isEmpty();
        runUntilPaused();
        assertThat(vm.ranOnNoteProperty().get()).as("shown on the model it ran on").isEmpty();

        connection.modelProperty().set("gpt-oss-20b");
        assertThat(vm.ranOnNoteProperty().get())
                .isEqualTo("the steps shown ran on llama.cpp server \u00b7 qwq-32b; the next Run uses the engine bar's");

        connection.modelProperty().set("qwq-32b");
        assertThat(vm.ranOnNoteProperty().get()).as("back on the model it ran on").isEmpty();
    }

    @Test
    void switchingToTheBuiltInEngineMakesTheTabWorkOnItsDefaultModel() throws Exception {
        connection.use("ollama", null, null, "qwen3");

        vm.useBuiltIn();
        runUntilPaused();

        assertThat(connection.engineEntryProperty().get().id()).isEqualTo("builtin");
        assertThat(vm.supportedProperty().get()).isTrue();
        assertThat(vm.explanationProperty().get()).isEmpty();
        assertThat(kindsUsed).last().isEqualTo("builtin");
        assertThat(vm.stepper().currentThinking()).isEqualTo("Two");
    }

    @Test
    void theCompareTabsPromptAndItsAnswerAreOfferedOnlyToAnEmptyPrompt() {
        vm.offerPrompt("What is 6 x 7?", "42");
        vm.offerPrompt("Something else", "7");

        assertThat(vm.stepper().promptProperty().get()).isEqualTo("What is 6 x 7?");
        assertThat(vm.stepper().expectedProperty().get()).isEqualTo("42");
    }

    @Test
    void theSamePromptWithoutAnAnswerTakesTheOfferedOneAndAnAnswerTheUserGaveStays() {
        vm.stepper().promptProperty().set("What is 6 x 7?");
        vm.offerPrompt("What is 6 x 7?", "42");
        assertThat(vm.stepper().expectedProperty().get()).isEqualTo("42");

        vm.stepper().expectedProperty().set("41");
        vm.offerPrompt("What is 6 x 7?", "42");
        assertThat(vm.stepper().expectedProperty().get()).isEqualTo("41");
    }

    @Test
    void onTheBuiltInEngineTheModelsOwnTemplateIsPreselected() {
        EngineRegistry named = new EngineRegistry().register(new EngineRegistry.Entry("builtin", "Built-in engine",
                "llama.cpp here", null, null, config -> null, spec -> new TemplateSourceTestBackend(backend,
                spec.model(), spec.model().startsWith("r1") ? "deepseek-r1" : null, null)));
        try (ConnectedStepperViewModel builtin = new ConnectedStepperViewModel(connection, named, "builtin",
                () -> Sampling.greedy(7), name -> null, new WorkbenchFixture.SameThreadTasks())) {
            connection.use("builtin", null, null, "r1-distill.gguf");
            assertThat(builtin.stepper().templateProperty().get()).isEqualTo(ChatTemplates.DEEPSEEK_R1);

            connection.use("builtin", null, null, "micro-reasoner.gguf");
            assertThat(builtin.stepper().templateProperty().get()).isEqualTo(ChatTemplates.CHATML_THINK);
        }
    }
}
