package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExerciseDefaultsTest {

    private final ConnectionViewModel connection = new ConnectionViewModel(new EngineRegistry()
            .register(entry("builtin", List.of(new ModelInfo(BundledModels.MICRO, ""), new ModelInfo("r1.gguf", ""))))
            .register(entry("ollama", List.of(new ModelInfo("qwen3", "")))),
            new WorkbenchFixture.SameThreadTasks(), name -> null);
    private final PromptViewModel prompt = new PromptViewModel(
            MicroExerciseSample.withExercise(WorkbenchFixture.samples()));

    private static EngineRegistry.Entry entry(String id, List<ModelInfo> models) {
        return new EngineRegistry.Entry(id, id, id.equals("builtin") ? null : "http://127.0.0.1:11434",
                config -> new ScriptedTestEngine(id, spec -> null, models));
    }

    @Test
    void theMicroModelOpensOnItsExerciseGreedy() {
        ExerciseDefaults.install(connection, prompt);
        assertThat(prompt.hasPrompt()).as("before the engine names its model").isFalse();

        connection.refreshModels();

        assertThat(prompt.sampleProperty().get().id()).isEqualTo(MicroExerciseSample.ID);
        assertThat(prompt.temperatureProperty().get()).isEqualTo("0");
    }

    @Test
    void anotherEngineOrModelKeepsTheEmptyPromptUntilTheMicroModelComesBack() {
        connection.use("ollama", null, null, null);
        ExerciseDefaults.install(connection, prompt);
        assertThat(prompt.hasPrompt()).isFalse();

        connection.use("builtin", null, null, "r1.gguf");
        assertThat(prompt.hasPrompt()).isFalse();

        connection.use("builtin", null, null, BundledModels.MICRO);
        assertThat(prompt.sampleProperty().get().id()).isEqualTo(MicroExerciseSample.ID);
    }

    @Test
    void aPromptTheUserWroteIsNeverReplaced() {
        connection.use("ollama", null, null, null);
        ExerciseDefaults.install(connection, prompt);
        prompt.promptProperty().set("What is 6 x 7?");

        connection.use("builtin", null, null, BundledModels.MICRO);

        assertThat(prompt.promptProperty().get()).isEqualTo("What is 6 x 7?");
        assertThat(prompt.temperatureProperty().get()).isEqualTo("0.6");
    }
}
