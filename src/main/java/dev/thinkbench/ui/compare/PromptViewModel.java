package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.lab.samples.SamplePrompt;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * What to ask: the prompt, an optional system prompt, the sample it came from, and the sampling shared by every
 * column (temperature and seed, validated as typed). UI thread only.
 */
public final class PromptViewModel {

    /** DeepSeek-R1's recommended temperature for reasoning models. */
    static final String DEFAULT_TEMPERATURE = "0.6";
    static final String DEFAULT_SEED = "42";

    private final ObservableList<SamplePrompt> samples;
    private final ObjectProperty<SamplePrompt> sample = new SimpleObjectProperty<>(this, "sample");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty system = new SimpleStringProperty(this, "system", "");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", DEFAULT_TEMPERATURE);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", DEFAULT_SEED);
    private final ReadOnlyStringWrapper temperatureError = new ReadOnlyStringWrapper(this, "temperatureError", "");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError", "");
    private final ReadOnlyStringWrapper sampleNote = new ReadOnlyStringWrapper(this, "sampleNote", "");

    public PromptViewModel(List<SamplePrompt> samples) {
        this.samples = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(samples));
        sample.addListener((obs, old, now) -> {
            if (now != null) {
                prompt.set(now.prompt());
                system.set(now.system());
                sampleNote.set(now.note());
            }
        });
        prompt.addListener((obs, old, now) -> {
            SamplePrompt chosen = sample.get();
            if (chosen != null && !chosen.prompt().equals(now)) {
                sample.set(null);
                sampleNote.set("");
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
            return t < 0 || t > 2 || Double.isNaN(t) ? "temperature must be between 0 and 2" : "";
        } catch (NumberFormatException e) {
            return "temperature must be a number such as 0.6 (blank: the engine's default)";
        }
    }

    private static String seedProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            Long.parseLong(text.strip());
            return "";
        } catch (NumberFormatException e) {
            return "seed must be a whole number (blank: none)";
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

    public ObservableList<SamplePrompt> samples() {
        return samples;
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

    /** What to look for with the chosen sample, empty when none is chosen. */
    public ReadOnlyStringProperty sampleNoteProperty() {
        return sampleNote.getReadOnlyProperty();
    }
}
