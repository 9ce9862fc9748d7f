package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;

/**
 * The seeds' exercise ready on the micro model: whenever the workbench is on the built-in engine with the bundled micro
 * model and the prompt is still empty, the micro model's exercise is selected, greedy (temperature 0, as its model
 * card measures). A blank model counts only once the engine's list names it (the micro model is listed first when
 * shipped), so the blank model of a switch between engines never triggers it. A prompt the user wrote is never
 * replaced. FX thread only.
 */
final class ExerciseDefaults {

    /** Greedy decoding: the micro model's accuracy per budget is measured this way. */
    static final String GREEDY = "0";

    private ExerciseDefaults() {
    }

    /** Applies the rule now and whenever the engine or model changes. */
    static void install(ConnectionViewModel connection, PromptViewModel prompt) {
        apply(connection, prompt);
        connection.engineEntryProperty().addListener((obs, old, now) -> apply(connection, prompt));
        connection.modelProperty().addListener((obs, old, now) -> apply(connection, prompt));
    }

    static void apply(ConnectionViewModel connection, PromptViewModel prompt) {
        EngineRegistry.Entry entry = connection.engineEntryProperty().get();
        String model = connection.modelProperty().get();
        boolean micro = entry != null && LocalCompletionBackend.ID.equals(entry.id()) && model != null
                && BundledModels.MICRO.equals(model.strip());
        if (!micro || prompt.hasPrompt()) {
            return;
        }
        for (SamplePrompt s : prompt.samples()) {
            if (s.id().equals(MicroExerciseSample.ID)) {
                prompt.sampleProperty().set(s);
                prompt.temperatureProperty().set(GREEDY);
                return;
            }
        }
    }
}
