package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.ui.common.ModelRefusalWords;
import dev.thinkbench.ui.common.WindowWording;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Function;

/**
 * One budget column: its editable label and budget spec, validated as the user types (a parse error, what the engine
 * cannot do or what the chosen model refuses, each with a message), what the budget means on the current engine, and
 * the live run it shows.
 * A label the user did not type ({@link #followingBudget}) follows the budget: edit "large"'s budget down to
 * {@code max=8} and the column is called "max 8", edit it back and it is "large" again. UI thread only.
 */
public final class ColumnViewModel {

    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty budgetText = new SimpleStringProperty(this, "budgetText", "");
    private final ReadOnlyObjectWrapper<Budget> budget = new ReadOnlyObjectWrapper<>(this, "budget");
    private final ReadOnlyStringWrapper budgetError = new ReadOnlyStringWrapper(this, "budgetError", "");
    private final ReadOnlyStringWrapper unsupported = new ReadOnlyStringWrapper(this, "unsupported", "");
    private final ReadOnlyBooleanWrapper refusedByModel = new ReadOnlyBooleanWrapper(this, "refusedByModel");
    private final ReadOnlyStringWrapper meaning = new ReadOnlyStringWrapper(this, "meaning", "");
    private final ReadOnlyBooleanWrapper runnable = new ReadOnlyBooleanWrapper(this, "runnable");
    private final LiveRunViewModel live = new LiveRunViewModel();
    private final ReadOnlyStringWrapper candidateMark = new ReadOnlyStringWrapper(this, "candidateMark", "");
    private final ReadOnlyBooleanWrapper picked = new ReadOnlyBooleanWrapper(this, "picked");
    private ReasoningEngine engine;
    /** The model chosen, whose own refusals ({@link ReasoningEngine#whyModelRefuses}) the budget is checked for. */
    private String model;
    /** The preset table's words for a budget on the engine kind and model chosen ("" for none). */
    private Function<Budget, String> presetWords = b -> "";
    private final String givenLabel;
    private final String givenSpec;
    private boolean labelFollowsBudget;
    private boolean settingLabel;

    /** A column whose label stays as given. */
    public ColumnViewModel(String label, String budgetSpec) {
        this(label, budgetSpec, false);
    }

    private ColumnViewModel(String label, String budgetSpec, boolean follows) {
        this.givenLabel = label;
        this.givenSpec = budgetSpec;
        this.labelFollowsBudget = follows;
        this.label.set(label);
        this.budgetText.set(budgetSpec);
        this.label.addListener((obs, old, now) -> labelFollowsBudget &= settingLabel);
        this.budgetText.addListener((obs, old, now) -> {
            revalidate();
            followBudget();
        });
        revalidate();
    }

    /**
     * A column named by the app (a preset, a new column): until the user types a label, the label follows the
     * budget, so a column is never called "large" while its budget is the smallest.
     */
    public static ColumnViewModel followingBudget(String label, String budgetSpec) {
        return new ColumnViewModel(label, budgetSpec, true);
    }

    private void followBudget() {
        Budget b = budget.get();
        if (!labelFollowsBudget || b == null) {
            return;
        }
        boolean asGiven = b.equals(parseOrNull(givenSpec));
        settingLabel = true;
        try {
            label.set(asGiven ? givenLabel : ColumnNames.of(b));
        } finally {
            settingLabel = false;
        }
    }

    private static Budget parseOrNull(String spec) {
        try {
            return BudgetSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Shows what the budget means on {@code newEngine} and whether it can run there. */
    public void setEngine(ReasoningEngine newEngine) {
        setEngine(newEngine, model, presetWords);
    }

    /**
     * Shows what the budget means on {@code newEngine} and whether it can run there; while no engine is set up (its
     * key is missing, no model is chosen), what the preset table says of the budget typed on the engine kind and
     * model chosen. Both are worked out again from the budget typed whenever it changes: nothing is kept from the
     * engine or the preset the column came from.
     *
     * Whether it can run there includes what {@code chosenModel} itself refuses (an effort level on Claude Sonnet
     * 4.5), as far as the engine knows without asking its server: the column says so while the budget is typed, in
     * the words the run would have failed with (said in the window's language where they are known).
     *
     * @param chosenModel the model chosen, null or blank for none
     * @param words the preset table's words for a budget on the engine kind and model chosen, "" for none
     */
    public void setEngine(ReasoningEngine newEngine, String chosenModel, Function<Budget, String> words) {
        engine = newEngine;
        model = chosenModel == null || chosenModel.isBlank() ? null : chosenModel.strip();
        presetWords = words == null ? b -> "" : words;
        revalidate();
    }

    private void revalidate() {
        Budget parsed = null;
        try {
            parsed = BudgetSpec.parse(budgetText.get());
            budgetError.set("");
        } catch (IllegalArgumentException e) {
            budgetError.set(WindowWording.of(e));
        }
        budget.set(parsed);
        String why = "";
        String words = "";
        boolean byModel = false;
        if (parsed != null && engine != null) {
            Worded cannot = engine.capabilities().unsupported(parsed);
            why = cannot != null ? WindowWording.of(cannot) : modelRefuses(parsed);
            byModel = cannot == null && !why.isEmpty();
            words = describe(parsed);
        } else if (parsed != null) {
            words = presetWords(parsed);
        }
        refusedByModel.set(byModel);
        unsupported.set(why);
        meaning.set(words);
        runnable.set(parsed != null && why.isEmpty());
    }

    /**
     * Why the chosen model refuses the budget, "" when it does not: the words the run's failure says it with, in the
     * window's language where they are a known refusal ({@link ModelRefusalWords}).
     */
    private String modelRefuses(Budget parsed) {
        if (model == null) {
            return "";
        }
        String why = engine.whyModelRefuses(parsed, model);
        return why == null ? "" : ModelRefusalWords.say(why);
    }

    private String describe(Budget parsed) {
        try {
            Worded worded = engine.meaning(parsed);
            return worded == null ? engine.describe(parsed) : WindowWording.of(worded);
        } catch (RuntimeException e) {
            return presetWords(parsed);
        }
    }

    private String presetWords(Budget parsed) {
        String words = presetWords.apply(parsed);
        return words == null ? "" : words;
    }

    /** The lane to run, labelled {@code fallbackLabel} when the label is blank; null when the budget is invalid. */
    Lane toLane(String fallbackLabel) {
        Budget b = budget.get();
        if (b == null) {
            return null;
        }
        String name = label.get() == null || label.get().isBlank() ? fallbackLabel : label.get().strip();
        return new Lane(name, b);
    }

    /** The column as {@code label=spec}, the form settings keep. */
    public String toSetting() {
        return label.get().strip() + "=" + budgetText.get().strip();
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty budgetTextProperty() {
        return budgetText;
    }

    /** The parsed budget, null while the text does not parse. */
    public ReadOnlyObjectProperty<Budget> budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    /** Why the budget text does not parse, empty when it does. */
    public ReadOnlyStringProperty budgetErrorProperty() {
        return budgetError.getReadOnlyProperty();
    }

    /** Why the engine cannot run this budget, empty when it can. */
    public ReadOnlyStringProperty unsupportedProperty() {
        return unsupported.getReadOnlyProperty();
    }

    /** Whether {@link #unsupportedProperty} is the chosen model's refusal, not the engine's (set before it). */
    public ReadOnlyBooleanProperty refusedByModelProperty() {
        return refusedByModel.getReadOnlyProperty();
    }

    /** What the budget means on the engine, e.g. {@code reasoning_effort=low}. */
    public ReadOnlyStringProperty meaningProperty() {
        return meaning.getReadOnlyProperty();
    }

    /** True when the budget parses and the engine supports it. */
    public ReadOnlyBooleanProperty runnableProperty() {
        return runnable.getReadOnlyProperty();
    }

    public boolean isRunnable() {
        return runnable.get();
    }

    /** The run this column shows. */
    public LiveRunViewModel live() {
        return live;
    }

    /** Marks this column as a best-of-N candidate: its answer and score, and whether it was picked. */
    void markCandidate(String mark, boolean isPicked) {
        candidateMark.set(mark == null ? "" : mark);
        picked.set(isPicked);
    }

    /** As a best-of-N candidate: its answer (and verifier score), empty otherwise or before the pick. */
    public ReadOnlyStringProperty candidateMarkProperty() {
        return candidateMark.getReadOnlyProperty();
    }

    /** True for the best-of-N candidate that was picked. */
    public ReadOnlyBooleanProperty pickedProperty() {
        return picked.getReadOnlyProperty();
    }
}
