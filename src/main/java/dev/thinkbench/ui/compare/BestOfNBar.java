package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.DisplayConverter;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.Switches;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.CandidateRound;
import dev.thinkbench.ui.common.EditableSpinners;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The bar above the Compare columns that turns best-of-N on: N, how the candidate is picked (the verifier with a judge
 * model of its own if given), the one budget they all run at; and in a line of its own ({@link #outcomeLine}), how the
 * last round ended (which column was picked and why). Disabled while a round runs. UI thread only.
 */
final class BestOfNBar extends HBox {

    /** How a selection rule is said on screen ("majority vote"). */
    static String selectionWords(CandidateRound.Selection s) {
        return Messages.get("bestOfN.selection." + s.name());
    }

    private final Label outcome = new Label();

    BestOfNBar(CompareViewModel compare) {
        BestOfNViewModel vm = compare.bestOfN();
        getStyleClass().add("best-of-n-bar");
        setId("bestOfNBar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        ToggleSwitch toggle = Switches.of(Messages.get("bestOfN.toggle"));
        toggle.setId("bestOfNToggle");
        toggle.selectedProperty().bindBidirectional(vm.enabledProperty());
        toggle.disableProperty().bind(compare.runningProperty());
        toggle.setTooltip(Icons.tip(Messages.get("bestOfN.toggle.help")));
        Spinner<Integer> n = EditableSpinners.typable(new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                BestOfNViewModel.MIN, BestOfNViewModel.MAX, vm.candidatesProperty().get())));
        n.setId("bestOfNCount");
        n.setPrefWidth(72);
        n.getStyleClass().add(Styles.SMALL);
        n.valueProperty().addListener((obs, old, now) -> vm.candidatesProperty().set(now));
        vm.candidatesProperty().addListener((obs, old, now) -> n.getValueFactory().setValue(now.intValue()));
        ComboBox<CandidateRound.Selection> pick = new ComboBox<>();
        pick.setId("bestOfNSelection");
        pick.getItems().setAll(CandidateRound.Selection.values());
        pick.valueProperty().bindBidirectional(vm.selectionProperty());
        pick.setConverter(DisplayConverter.of(BestOfNBar::selectionWords));
        pick.getStyleClass().add(Styles.SMALL);
        pick.setMinWidth(Region.USE_PREF_SIZE);
        TextField budget = new TextField();
        budget.setId("bestOfNBudget");
        budget.setPrefColumnCount(14);
        budget.setMinWidth(96);
        // as wide as its spec where there is room ("force:min=0,max=64,waits=0" was cut), up to a limit
        budget.textProperty().subscribe(text -> budget.setPrefColumnCount(
                Math.max(14, Math.min(32, text == null ? 0 : text.length() + 1))));
        budget.getStyleClass().add(Styles.SMALL);
        budget.textProperty().bindBidirectional(vm.budgetProperty());
        budget.setTooltip(Icons.tip(Messages.get("bestOfN.budget.help")));
        TextField judge = new TextField();
        judge.setId("bestOfNJudge");
        judge.setPrefColumnCount(9);
        judge.setMinWidth(64);
        judge.getStyleClass().add(Styles.SMALL);
        judge.setPromptText(Messages.get("bestOfN.judge.prompt"));
        judge.textProperty().bindBidirectional(vm.judgeModelProperty());
        judge.setTooltip(Icons.tip(Messages.get("bestOfN.judge.help")));
        Label judgeLabel = new Label(Messages.get("bestOfN.judge"));
        for (Node node : List.of(judgeLabel, judge)) {
            node.visibleProperty().bind(vm.selectionProperty().isEqualTo(CandidateRound.Selection.VERIFIER));
            node.managedProperty().bind(node.visibleProperty());
        }
        outcome.setId("bestOfNOutcome");
        outcome.getStyleClass().addAll(Styles.TEXT_SMALL, "best-of-n-outcome");
        outcome.textProperty().bind(vm.outcomeProperty().flatMap(o -> vm.hintProperty()
                .map(h -> o.isEmpty() ? h : h.isEmpty() ? o : o + " \u00b7 " + h)));
        outcome.setMinWidth(0);
        outcome.setMaxWidth(Double.MAX_VALUE);
        outcome.setPadding(new Insets(0, 8, 2, 8));
        HBox settings = new HBox(6, new Label("N"), n, new Label(Messages.get("bestOfN.pickBy")), pick,
                judgeLabel, judge, new Label(Messages.get("bestOfN.budget")), budget);
        settings.setAlignment(Pos.CENTER_LEFT);
        for (Node node : settings.getChildren()) {
            if (node instanceof Label || node instanceof Spinner) {
                ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // on a narrow window the judge and budget fields narrow (their text scrolls) rather than push the window wider
        Tooltip outcomeTip = Icons.tip("");
        outcomeTip.textProperty().bind(outcome.textProperty());
        outcome.setTooltip(outcomeTip);
        settings.visibleProperty().bind(vm.enabledProperty());
        settings.managedProperty().bind(settings.visibleProperty());
        settings.disableProperty().bind(compare.runningProperty());
        // shown with the bar (folded away while a session replays or a talk is presented), once there is something
        outcome.visibleProperty().bind(visibleProperty().and(vm.enabledProperty())
                .and(outcome.textProperty().isNotEmpty()));
        outcome.managedProperty().bind(outcome.visibleProperty());
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(toggle, settings);
    }

    /**
     * How the last round ended, in a line of its own under the bar (the window places it): the bar's fields take the
     * row's width, and a verdict such as the judge's failure must stay readable at 1280 px.
     */
    Label outcomeLine() {
        return outcome;
    }
}
