package dev.thinkbench.lab.samples;

import dev.thinkbench.core.problems.MicroWorld;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.models.BundledModels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which prompts suit which model: the built-in micro model only solves small arithmetic word problems, so with it
 * selected its samples come first, the others are marked as needing a real model, and a prompt outside its world is
 * named as such before any run. Pure; any thread.
 */
public final class ModelFit {

    /** What a column says instead of the micro model's noise on a prompt outside its world. */
    public static final String OUTSIDE_MICRO_WORLD = "The built-in micro model only solves small arithmetic word "
            + "problems; pick a real model for this prompt.";

    /** The id prefix of the samples made for the micro model (their notes give its numbers). */
    static final String MICRO_ID_PREFIX = "micro-";

    private ModelFit() {
    }

    /** True when {@code engineId} and {@code model} are the built-in engine with the bundled micro model. */
    public static boolean isMicroModel(String engineId, String model) {
        if (!LocalCompletionBackend.ID.equals(engineId) || model == null || model.isBlank()) {
            return false;
        }
        return Path.of(model.strip()).getFileName().toString().equals(BundledModels.MICRO);
    }

    /** The samples in picker order for the model: for the micro model, its samples first; else as given. */
    public static List<SamplePrompt> order(List<SamplePrompt> samples, boolean micro) {
        if (!micro) {
            return samples;
        }
        List<SamplePrompt> out = new ArrayList<>(samples.stream().filter(SamplePrompt::suitsMicro).toList());
        samples.stream().filter(s -> !s.suitsMicro()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * True when {@code sample}'s note is worded for the micro model (its thinking tokens and budgets are the micro
     * model's): the exercise, a drawn new problem, and the samples file's {@code micro-} entries. Another model needs
     * other numbers, so its note says so instead.
     */
    public static boolean notedForMicro(SamplePrompt sample) {
        return sample.suitsMicro()
                && (sample.id().startsWith(MICRO_ID_PREFIX) || sample.id().startsWith(NewProblem.ID_PREFIX));
    }

    /** Null when {@code prompt} suits the micro model, else what to say instead of running it there. */
    public static String microProblem(String prompt) {
        return MicroWorld.fits(prompt) ? null : OUTSIDE_MICRO_WORLD;
    }
}
