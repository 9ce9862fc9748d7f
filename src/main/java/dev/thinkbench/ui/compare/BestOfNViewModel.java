package dev.thinkbench.ui.compare;

import dev.thinkbench.lab.CandidateRound;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Compare tab's best-of-N mode: when on, the columns are {@link #candidatesProperty() N} live candidates of one
 * budget with different seeds, and when they have finished one is picked by the chosen selection (majority vote,
 * verifier, shortest or longest reasoning) and marked. The columns themselves are {@link CompareViewModel}'s. UI
 * thread only.
 */
public final class BestOfNViewModel {

    /** The fewest and most candidate columns. */
    public static final int MIN = 2;
    public static final int MAX = 8;

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final IntegerProperty candidates = new SimpleIntegerProperty(this, "candidates", 5);
    private final ObjectProperty<CandidateRound.Selection> selection = new SimpleObjectProperty<>(this,
            "selection", CandidateRound.Selection.MAJORITY);
    private final StringProperty budget = new SimpleStringProperty(this, "budget", "");
    private final StringProperty judgeModel = new SimpleStringProperty(this, "judgeModel", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");

    BestOfNViewModel() {
        candidates.addListener((obs, old, now) -> {
            int n = Math.max(MIN, Math.min(MAX, now.intValue()));
            if (n != now.intValue()) {
                candidates.set(n);
            }
        });
    }

    /** Whether the columns are best-of-N candidates. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** N: how many candidate columns ({@value #MIN} to {@value #MAX}). */
    public IntegerProperty candidatesProperty() {
        return candidates;
    }

    public ObjectProperty<CandidateRound.Selection> selectionProperty() {
        return selection;
    }

    /** The one budget every candidate runs at (a budget spec). */
    public StringProperty budgetProperty() {
        return budget;
    }

    /** The verifier's model on the same engine; blank for the candidates' own. */
    public StringProperty judgeModelProperty() {
        return judgeModel;
    }

    /** How the last round ended: running, picking, or which candidate was picked and why. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Advice about the round (greedy decoding makes every candidate the same), empty when none. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    void setOutcome(String text) {
        outcome.set(text);
    }

    void setHint(String text) {
        hint.set(text);
    }
}
