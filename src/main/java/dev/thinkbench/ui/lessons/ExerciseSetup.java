package dev.thinkbench.ui.lessons;

import dev.thinkbench.core.Price;
import dev.thinkbench.lab.lessons.Exercise;
import dev.thinkbench.forcing.StepperSnapshot;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.compare.PromptViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.stepper.ConnectedStepperViewModel;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sets up a lesson's exercise on the workbench's own view models, as a learner would by hand: the engine and model in
 * the engine bar, the problem in the prompt panel (a sample, a prompt with its answer, or a new problem from a fixed
 * seed), the Compare columns, temperature, seed and "priced as", then the tab, and Run. The workbench as it was before
 * the first exercise is kept, so a learner can always go back to it. UI thread only.
 */
public final class ExerciseSetup implements LessonWorkbench {

    private final ConnectionViewModel connection;
    private final CompareViewModel compare;
    private final ConnectedStepperViewModel stepper;
    private final Consumer<Exercise.Tab> selectTab;
    private Snapshot before;

    /** What the workbench showed before the first exercise. */
    private record Snapshot(String engineId, String baseUrl, String keyVariable, String model, String prompt,
                            String system, String expected, String temperature, String seed, List<String> columns,
                            Price pricedAs, String stepperPrompt, String stepperExpected, boolean bestOfN,
                            boolean confidence, SamplePrompt sample, int steps,
                            StepperSnapshot stepperSession) {
    }

    /** @param selectTab shows the Compare or the Stepper tab */
    public ExerciseSetup(ConnectionViewModel connection, CompareViewModel compare, ConnectedStepperViewModel stepper,
                         Consumer<Exercise.Tab> selectTab) {
        this.connection = connection;
        this.compare = compare;
        this.stepper = stepper;
        this.selectTab = selectTab;
    }

    @Override
    public void setUp(Exercise exercise, String language) {
        if (before == null) {
            before = snapshot();
        }
        compare.cancelAll();
        // an exercise sets up budget columns: best-of-N's candidate columns make way for them
        compare.bestOfN().enabledProperty().set(false);
        compare.confidenceShownProperty().set(exercise.confidence());
        boolean sameEngine = connection.engineEntryProperty().get() != null
                && exercise.engineId().equals(connection.engineEntryProperty().get().id())
                && Objects.equals(exercise.model(), connection.modelProperty().get());
        if (!sameEngine) {
            connection.use(exercise.engineId(), null, null, exercise.model());
        }
        PromptViewModel prompt = compare.prompt();
        String text = problem(exercise, prompt);
        if (exercise.temperature() != null) {
            prompt.temperatureProperty().set(exercise.temperature());
        }
        if (exercise.seed() != null) {
            prompt.seedProperty().set(exercise.seed());
        }
        compare.pricedAs(exercise.pricedAs());
        if (exercise.tab() == Exercise.Tab.COMPARE) {
            compare.showNamedColumns(exercise.columns(language));
            selectTab.accept(Exercise.Tab.COMPARE);
            if (exercise.run()) {
                compare.run();
            }
        } else {
            stepper.stepper().promptProperty().set(text);
            stepper.stepper().expectedProperty().set(prompt.expectedProperty().get());
            selectTab.accept(Exercise.Tab.STEPPER);
            if (exercise.run()) {
                stepper.stepper().run();
            }
        }
    }

    /** Puts the exercise's problem in the prompt panel; returns its text. */
    private static String problem(Exercise exercise, PromptViewModel prompt) {
        if (exercise.newProblemSteps() > 0) {
            return prompt.newProblem(exercise.newProblemSteps(), exercise.newProblemSeed()).prompt();
        }
        if (exercise.sampleId() != null) {
            SamplePrompt sample = prompt.samples().stream().filter(s -> s.id().equals(exercise.sampleId()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no sample '"
                            + exercise.sampleId() + "' in samples/prompts.json"));
            // selected afresh, so an edited prompt or expected answer is put back too
            prompt.sampleProperty().set(null);
            prompt.sampleProperty().set(sample);
            return sample.prompt();
        }
        prompt.sampleProperty().set(null);
        prompt.promptProperty().set(exercise.prompt());
        prompt.expectedProperty().set(exercise.answer() == null ? "" : exercise.answer());
        return exercise.prompt();
    }

    @Override
    public void restore() {
        Snapshot s = before;
        if (s == null) {
            return;
        }
        compare.cancelAll();
        if (s.engineId() != null) {
            connection.use(s.engineId(), s.baseUrl(), s.keyVariable(), s.model());
        }
        PromptViewModel prompt = compare.prompt();
        prompt.sampleProperty().set(null);
        // the sample chosen before (its note comes back with it), then the text as it was
        prompt.sampleProperty().set(s.sample());
        prompt.promptProperty().set(s.prompt());
        prompt.systemProperty().set(s.system());
        prompt.expectedProperty().set(s.expected());
        prompt.stepsProperty().set(s.steps());
        prompt.temperatureProperty().set(s.temperature());
        prompt.seedProperty().set(s.seed());
        compare.bestOfN().enabledProperty().set(false);
        compare.restoreColumns(s.columns());
        compare.bestOfN().enabledProperty().set(s.bestOfN());
        compare.confidenceShownProperty().set(s.confidence());
        compare.pricedAsProperty().set(s.pricedAs());
        if (s.stepperSession() != null && !s.stepperSession().branches().isEmpty()) {
            // the steps taken before the lesson, shown as they were (a new Run starts afresh)
            stepper.stepper().showRecorded(s.stepperSession(), s.stepperExpected());
        }
        stepper.stepper().promptProperty().set(s.stepperPrompt());
        stepper.stepper().expectedProperty().set(s.stepperExpected());
        selectTab.accept(Exercise.Tab.COMPARE);
        before = null;
    }

    @Override
    public boolean canRestore() {
        return before != null;
    }

    private Snapshot snapshot() {
        PromptViewModel p = compare.prompt();
        String engineId = connection.engineEntryProperty().get() == null ? null
                : connection.engineEntryProperty().get().id();
        return new Snapshot(engineId, connection.baseUrlProperty().get(), connection.apiKeyVariableProperty().get(),
                connection.modelProperty().get(), p.promptProperty().get(), p.systemProperty().get(),
                p.expectedProperty().get(), p.temperatureProperty().get(), p.seedProperty().get(),
                compare.budgetColumns().stream().map(ColumnViewModel::toSetting).toList(),
                compare.pricedAsProperty().get(), stepper.stepper().promptProperty().get(),
                stepper.stepper().expectedProperty().get(), compare.bestOfN().enabledProperty().get(),
                compare.confidenceShownProperty().get(), p.sampleProperty().get(), p.stepsProperty().get(),
                stepper.stepper().lastSnapshot());
    }
}
