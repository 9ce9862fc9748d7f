package dev.thinkbench.ui.lessons;

import dev.thinkbench.lab.lessons.Exercise;

/**
 * What a lesson does to the workbench: set up its exercise (tab, engine and model, problem, budgets, sampling; and run
 * it when the exercise says so), and put back what the workbench showed before the first exercise. UI thread only.
 */
public interface LessonWorkbench {

    /**
     * Sets up {@code exercise} from scratch, whatever the workbench shows now; runs it when it says so. The Compare
     * columns are labelled in {@code language}, the language the lesson is read in.
     */
    void setUp(Exercise exercise, String language);

    /** Puts back the engine, model, prompt, budgets and sampling from before the first exercise; no-op if none ran. */
    void restore();

    /** True once an exercise was set up and {@link #restore} has something to put back. */
    boolean canRestore();
}
