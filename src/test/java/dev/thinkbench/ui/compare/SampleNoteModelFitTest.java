package dev.thinkbench.ui.compare;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The note under the prompt fits the chosen model: a sample worded for the micro model says so on another one. */
class SampleNoteModelFitTest {

    private static final String Q4 = "llama-q4_0.gguf";

    private final ConnectionViewModel connection = new ConnectionViewModel(new EngineRegistry()
            .register(new EngineRegistry.Entry("builtin", "Built-in engine", null,
                    config -> new ScriptedTestEngine("builtin", spec -> null,
                            List.of(new ModelInfo(BundledModels.MICRO, ""), new ModelInfo(Q4, ""))))),
            new WorkbenchFixture.SameThreadTasks(), name -> null);
    private final PromptViewModel prompt = new PromptViewModel(
            MicroExerciseSample.withExercise(WorkbenchFixture.samples()));
    private final CompareViewModel compare = new CompareViewModel(connection, prompt, new BudgetPresets(Map.of()),
            PriceTable.empty());

    private SamplePrompt sample(String id) {
        return prompt.samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theMicroExerciseOnAnotherModelSaysItsNumbersAreTheMicroModels() {
        connection.use("builtin", null, null, BundledModels.MICRO);
        prompt.sampleProperty().set(sample(MicroExerciseSample.ID));
        String microNote = prompt.sampleNoteProperty().get();
        assertThat(microNote).contains("a budget below that guesses");

        connection.use("builtin", null, null, Q4);

        assertThat(prompt.sampleNoteProperty().get()).isEqualTo(Messages.get("sample.otherModel.note"))
                .doesNotContain("a budget below that guesses");
        assertThat(compare.promptWarningProperty().get()).as("the prompt itself suits any model").isEmpty();

        compare.resetColumnsToPresets();
        assertThat(prompt.sampleNoteProperty().get()).isEqualTo(Messages.get("sample.otherModel.note"));

        connection.use("builtin", null, null, BundledModels.MICRO);
        assertThat(prompt.sampleNoteProperty().get()).isEqualTo(microNote);
    }

    @Test
    void aMicroSampleChosenOnAnotherModelAndANewProblemSaySoToo() {
        connection.use("builtin", null, null, Q4);

        prompt.sampleProperty().set(sample("micro-three-steps"));
        assertThat(prompt.sampleNoteProperty().get()).isEqualTo(Messages.get("sample.otherModel.note"));

        prompt.newProblem(3, 7L);
        assertThat(prompt.sampleNoteProperty().get()).isEqualTo(Messages.get("sample.otherModel.note"));
    }

    @Test
    void aSampleWhoseNoteFitsAnyModelKeepsItsNote() {
        connection.use("builtin", null, null, Q4);

        SamplePrompt onePlusOne = sample("one-plus-one");
        prompt.sampleProperty().set(onePlusOne);

        assertThat(prompt.sampleNoteProperty().get()).isEqualTo(onePlusOne.note());
    }
}
