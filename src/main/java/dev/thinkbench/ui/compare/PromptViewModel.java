package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.SameProblem;
import dev.thinkbench.core.problems.ProblemGenerator;
import dev.thinkbench.lab.samples.ModelFit;
import dev.thinkbench.lab.samples.NewProblem;
import dev.thinkbench.lab.samples.SamplePrompt;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * What to ask: the prompt, an optional system prompt, the sample it came from, its expected answer (from the sample, a
 * generated problem, or typed by the user), and the sampling shared by every column (temperature and seed, validated
 * as typed). With the built-in micro model chosen its samples come first ({@link #setMicroModel}); "New problem"
 * draws a fresh one in its world at {@link #stepsProperty()} steps. UI thread only.
 */
public final class PromptViewModel {

    /** DeepSeek-R1's recommended temperature for reasoning models. */
    static final String DEFAULT_TEMPERATURE = "0.6";
    static final String DEFAULT_SEED = "42";

    private final List<SamplePrompt> allSamples;
    private final ObservableList<SamplePrompt> orderedSamples;
    private final ObservableList<SamplePrompt> samples;
    private final StringProperty expected = new SimpleStringProperty(this, "expected", "");
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 3);
    private final ReadOnlyBooleanWrapper microModel = new ReadOnlyBooleanWrapper(this, "microModel");
    private LongSupplier seeds = () -> ThreadLocalRandom.current().nextLong();
    private final ObjectProperty<SamplePrompt> sample = new SimpleObjectProperty<>(this, "sample");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty system = new SimpleStringProperty(this, "system", "");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", DEFAULT_TEMPERATURE);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", DEFAULT_SEED);
    private final ReadOnlyStringWrapper temperatureError = new ReadOnlyStringWrapper(this, "temperatureError", "");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError", "");
    /** What the chosen engine does with the temperature when it is not what the field says, empty when it uses it. */
    private final ReadOnlyStringWrapper temperatureNote = new ReadOnlyStringWrapper(this, "temperatureNote", "");
    private final ReadOnlyStringWrapper sampleNote = new ReadOnlyStringWrapper(this, "sampleNote", "");
    /** An expected answer cleared because the prompt became another problem ("" for none). */
    private final ReadOnlyStringWrapper expectedCleared = new ReadOnlyStringWrapper(this, "expectedCleared", "");
    /** The prompt the expected answer was given for (null while there is none). */
    private String expectedFor;

    /** @param samples the samples to offer, worded as written; the view model words them in the window's language */
    /** The last problem drawn with New problem, first in the picker; null before any. */
    private SamplePrompt drawn;

    public PromptViewModel(List<SamplePrompt> samples) {
        this.allSamples = SampleWords.of(samples);
        this.orderedSamples = FXCollections.observableArrayList(allSamples);
        this.samples = FXCollections.unmodifiableObservableList(orderedSamples);
        sample.addListener((obs, old, now) -> {
            if (now != null) {
                prompt.set(now.prompt());
                system.set(now.system());
                sampleNote.set(noteFor(now));
                expected.set(now.answer() == null ? "" : now.answer());
            } else {
                sampleNote.set(""); // the note belongs to the sample
            }
        });
        expected.addListener((obs, old, now) -> {
            expectedFor = now == null || now.isBlank() ? null : prompt.get();
            if (now != null && !now.isBlank()) {
                expectedCleared.set("");
            }
        });
        prompt.addListener((obs, old, now) -> {
            SamplePrompt chosen = sample.get();
            if (chosen != null && !chosen.prompt().equals(now)) {
                sample.set(null);
                sampleNote.set("");
                // the sample's answer belongs to the sample's prompt, not to an edited one
                if (chosen.answer() != null && chosen.answer().equals(expected.get())) {
                    expected.set("");
                }
            }
            // a typed answer belongs to the problem it was typed for: another problem typed over it is not graded
            // against it (answers right for the new one were marked wrong)
            String was = expected.get();
            if (expectedFor != null && !expectedFor.isBlank() && was != null && !was.isBlank()
                    && !SameProblem.asks(expectedFor, now)) {
                expected.set("");
                expectedCleared.set(was.strip());
            }
        });
        temperature.addListener((obs, old, now) -> temperatureError.set(temperatureProblem(now)));
        seed.addListener((obs, old, now) -> seedError.set(seedProblem(now)));
    }

    private static String temperatureProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            double t = Double.parseDouble(text.strip());
            return t < 0 || t > 2 || Double.isNaN(t) ? Messages.get("prompt.temperature.range") : "";
        } catch (NumberFormatException e) {
            return Messages.get("prompt.temperature.notNumber");
        }
    }

    private static String seedProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            return Sampling.seedInRange(Long.parseLong(text.strip())) ? ""
                    : Messages.get("prompt.seed.notNumber", String.valueOf(Sampling.MAX_SEED));
        } catch (NumberFormatException e) {
            return Messages.get("prompt.seed.notNumber", String.valueOf(Sampling.MAX_SEED));
        }
    }

    /** True when temperature and seed are valid. */
    public boolean samplingValid() {
        return temperatureError.get().isEmpty() && seedError.get().isEmpty();
    }

    /** The sampling to run with; call only when {@link #samplingValid()}. */
    public Sampling sampling() {
        String t = temperature.get();
        String s = seed.get();
        return new Sampling(t == null || t.isBlank() ? null : Double.parseDouble(t.strip()), null,
                s == null || s.isBlank() ? null : Long.parseLong(s.strip()), null);
    }

    /** True when there is something to ask. */
    public boolean hasPrompt() {
        return prompt.get() != null && !prompt.get().isBlank();
    }

    /** The samples in picker order: with the micro model chosen, those it can do first. */
    public ObservableList<SamplePrompt> samples() {
        return samples;
    }

    /** Whether the built-in micro model is chosen: its samples come first, the others need a real model. */
    public void setMicroModel(boolean micro) {
        if (micro != microModel.get()) {
            microModel.set(micro);
            SamplePrompt chosen = sample.get();
            orderedSamples.setAll(ModelFit.order(allSamples, micro));
            if (drawn != null) {
                orderedSamples.addFirst(drawn);
            }
            sample.set(chosen);
            // a sample worded with the micro model's numbers says whose numbers they are once another model is on
            sampleNote.set(chosen == null ? "" : noteFor(chosen));
        }
    }

    /** The sample's note for the chosen model: its own, or, for one worded for the micro model on another, that. */
    private String noteFor(SamplePrompt chosen) {
        return !microModel.get() && ModelFit.notedForMicro(chosen) ? Messages.get("sample.otherModel.note")
                : chosen.note();
    }

    /** True while the built-in micro model is chosen. */
    public ReadOnlyBooleanProperty microModelProperty() {
        return microModel.getReadOnlyProperty();
    }

    /**
     * Puts a fresh problem in the micro model's world at {@link #stepsProperty()} steps in the prompt, with its
     * answer as the expected answer.
     */
    public SamplePrompt newProblem() {
        int n = Math.clamp(steps.get(), ProblemGenerator.MIN_STEPS, ProblemGenerator.MAX_STEPS);
        return choose(SampleWords.newProblem(NewProblem.draw(n, seeds.getAsLong())));
    }

    /** Puts the problem of {@code steps} steps drawn from {@code seed} in the prompt (the same for everyone). */
    public SamplePrompt newProblem(int stepCount, long seed) {
        steps.set(Math.clamp(stepCount, ProblemGenerator.MIN_STEPS, ProblemGenerator.MAX_STEPS));
        return choose(SampleWords.newProblem(NewProblem.draw(steps.get(), seed)));
    }

    /** The drawn problem becomes the picker's first entry (in place of the one drawn before) and is chosen. */
    private SamplePrompt choose(SamplePrompt fresh) {
        if (drawn != null) {
            orderedSamples.remove(drawn);
        }
        drawn = fresh;
        orderedSamples.addFirst(fresh);
        sample.set(fresh);
        return fresh;
    }

    /** Where new problems' seeds come from (tests pass a fixed sequence). */
    public void setSeeds(LongSupplier source) {
        seeds = source;
    }

    /** How many steps a new problem has, 1 to {@value ProblemGenerator#MAX_STEPS}. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /**
     * The prompt's known answer, graded against each column's answer; set by a sample or a new problem, or typed.
     * Blank for none (the answers are then shown ungraded).
     */
    public StringProperty expectedProperty() {
        return expected;
    }

    /**
     * The expected answer last cleared because the prompt was changed into another problem (other numbers, or most
     * words new; {@link SameProblem}), so the field can say where it went; "" once an answer is given again.
     */
    public ReadOnlyStringProperty expectedClearedProperty() {
        return expectedCleared.getReadOnlyProperty();
    }

    /** The chosen sample; choosing one fills prompt and system; editing the prompt clears it. */
    public ObjectProperty<SamplePrompt> sampleProperty() {
        return sample;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty systemProperty() {
        return system;
    }

    /** Temperature as typed; blank for the engine's default. */
    public StringProperty temperatureProperty() {
        return temperature;
    }

    /** Seed as typed; blank for none. */
    public StringProperty seedProperty() {
        return seed;
    }

    public ReadOnlyStringProperty temperatureErrorProperty() {
        return temperatureError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    /**
     * A quiet note beside the temperature, empty when the chosen engine uses it as typed: e.g. that Anthropic sets its
     * own while thinking (a typed temperature is left out of its thinking runs, not failed).
     */
    public ReadOnlyStringProperty temperatureNoteProperty() {
        return temperatureNote.getReadOnlyProperty();
    }

    /** Set by the comparison when the engine changes. */
    void setTemperatureNote(String note) {
        temperatureNote.set(note == null ? "" : note);
    }

    /** What to look for with the chosen sample, empty when none is chosen. */
    public ReadOnlyStringProperty sampleNoteProperty() {
        return sampleNote.getReadOnlyProperty();
    }
}
