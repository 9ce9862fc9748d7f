package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.problemset.LoadIssue;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.ui.common.EditableSpinners;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.PopupKeys;
import dev.thinkbench.ui.common.RangeSliderFocus;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The controller of {@code sweep-setup.fxml}: binds each field of the form to {@link SweepSetupViewModel}, and hands
 * Import to a file chooser and then to the view model. It decides nothing itself. UI thread only.
 */
public final class SweepSetupController {

    /** The skipped lines said one by one under the problem set. */
    private static final int ISSUES_SAID = 5;

    @FXML private VBox form;
    @FXML private Label engineText;
    @FXML private Label problemsTitle;
    @FXML private Label firstLabel;
    @FXML private ComboBox<ProblemSetChoice> problemSet;
    @FXML private Button importButton;
    @FXML private Label problemsStatus;
    @FXML private Label problemsIssues;
    @FXML private TextField limit;
    @FXML private ToggleGroup budgetModes;
    @FXML private ToggleButton presetsMode;
    @FXML private ToggleButton listMode;
    @FXML private ToggleButton rangeMode;
    @FXML private Label presetsText;
    @FXML private TextArea budgetList;
    @FXML private VBox rangePane;
    @FXML private RangeSlider range;
    @FXML private Label rangeText;
    @FXML private ComboBox<BudgetChoices.RangeKind> rangeKind;
    @FXML private CheckBox rangeWithNone;
    @FXML private Label budgetsError;
    @FXML private Label strategiesLabel;
    @FXML private CheckComboBox<String> strategies;
    @FXML private Spinner<Integer> samples;
    @FXML private Spinner<Integer> candidates;
    @FXML private TextField judgeModel;
    @FXML private Spinner<Integer> probeEvery;
    @FXML private Spinner<Integer> agree;
    @FXML private TextField confidence;
    @FXML private Spinner<Integer> concurrency;
    @FXML private TextField moreServers;
    @FXML private TextField temperature;
    @FXML private TextField seed;
    @FXML private Label planText;
    @FXML private Label note;
    @FXML private Label startHint;

    private SweepSetupViewModel vm;
    private Function<Window, Path> chooser = w -> null;
    private boolean syncingStrategies;

    /** Binds the form to {@code viewModel}; {@code fileChooser} picks a problem file to import (null: cancelled). */
    void bind(SweepSetupViewModel viewModel, Function<Window, Path> fileChooser) {
        tieCaptions();
        vm = viewModel;
        chooser = fileChooser;
        engineText.textProperty().bind(vm.engineTextProperty());
        problemSet.setItems(vm.problemSets());
        problemSet.valueProperty().bindBidirectional(vm.problemSetProperty());
        // the whole name on hover; the box keeps both ends of a long one ("micro-work…(saved copy)", thinkbench.css)
        Tooltip wholeName = Icons.tip("");
        wholeName.textProperty().bind(problemSet.valueProperty().map(ProblemSetChoice::name).orElse(""));
        problemSet.tooltipProperty().bind(problemSet.valueProperty().map(v -> wholeName));
        problemsStatus.textProperty().bind(vm.problemsStatusProperty());
        problemsIssues.textProperty().bind(vm.issuesProperty().map(SweepSetupController::issuesText));
        shownWhenText(problemsIssues);
        limit.textProperty().bindBidirectional(vm.limitProperty());
        bindBudgets();
        bindRuns();
        planText.textProperty().bind(vm.planTextProperty());
        note.textProperty().bind(vm.noteProperty());
        shownWhenText(note);
        startHint.textProperty().bind(vm.startHintProperty());
        for (Label line : startLines()) {
            line.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never elided
            line.managedProperty().bind(line.textProperty().isNotEmpty());
            line.visibleProperty().bind(line.managedProperty());
        }
        shownWhenText(startHint);
    }

    /**
     * The skipped lines said under the problem set: the first five (six when that is all), then how many more and
     * their line numbers (the first ten).
     */
    static String issuesText(List<LoadIssue> issues) {
        if (issues.isEmpty()) {
            return "";
        }
        int said = issues.size() == ISSUES_SAID + 1 ? ISSUES_SAID + 1 : ISSUES_SAID;
        String shown = issues.stream().limit(said).map(i -> i.reason().skips()
                        ? Messages.get("sweep.form.issue", WindowWording.of(i)) : WindowWording.of(i))
                .collect(Collectors.joining("\n"));
        List<LoadIssue> more = issues.subList(Math.min(said, issues.size()), issues.size());
        return more.isEmpty() ? shown : shown + "\n" + Messages.get("sweep.form.moreIssues", more.size(),
                LoadIssue.lineNumbers(more, 10, "\u2026"));
    }

    private static void shownWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    private void bindBudgets() {
        Map<BudgetMode, ToggleButton> modes = Map.of(BudgetMode.PRESETS, presetsMode, BudgetMode.LIST, listMode,
                BudgetMode.RANGE, rangeMode);
        modes.forEach((mode, button) -> button.setUserData(mode));
        modes.get(vm.budgetModeProperty().get()).setSelected(true);
        budgetModes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode stays chosen
            } else {
                vm.budgetModeProperty().set((BudgetMode) now.getUserData());
            }
        });
        vm.budgetModeProperty().addListener((obs, old, now) -> modes.get(now).setSelected(true));
        presetsText.textProperty().bind(vm.presetsTextProperty());
        presetsText.setTooltip(new javafx.scene.control.Tooltip());
        presetsText.getTooltip().textProperty().bind(vm.budgetsProperty().map(lanes -> lanes.stream()
                .map(l -> l.label() + " = " + l.budget().spec()).collect(Collectors.joining("\n"))));
        presetsText.visibleProperty().bind(presetsMode.selectedProperty());
        presetsText.managedProperty().bind(presetsText.visibleProperty());
        budgetList.textProperty().bindBidirectional(vm.budgetListProperty());
        budgetList.visibleProperty().bind(listMode.selectedProperty());
        budgetList.managedProperty().bind(budgetList.visibleProperty());
        rangePane.visibleProperty().bind(rangeMode.selectedProperty());
        rangePane.managedProperty().bind(rangePane.visibleProperty());
        range.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number exponent) {
                return LogAxis.label(Math.pow(2, Math.round(exponent.doubleValue())));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        // RangeSlider keeps low <= high as each is set, and its high starts at 0.75: bound low first, the low value
        // was clamped to 1 and its thumb drawn there while the view model kept 3 (8 tokens) until the thumb was dragged
        range.highValueProperty().bindBidirectional(vm.rangeHighProperty());
        range.lowValueProperty().bindBidirectional(vm.rangeLowProperty());
        RangeSliderFocus.traverseOut(range);
        rangeText.textProperty().bind(vm.rangeTextProperty());
        rangeKind.getItems().setAll(BudgetChoices.RangeKind.values());
        rangeKind.valueProperty().bindBidirectional(vm.rangeKindProperty());
        rangeWithNone.selectedProperty().bindBidirectional(vm.rangeWithNoneProperty());
        budgetsError.textProperty().bind(vm.budgetsErrorProperty());
        shownWhenText(budgetsError);
    }

    private void bindRuns() {
        strategies.getItems().setAll(vm.strategyNames());
        strategies.setConverter(StrategyNames.CONVERTER);
        strategies.setTitle(null);
        // what each strategy does, over the label and the picker (its skin's own combo box catches the pointer)
        Tooltip about = Icons.tip(StrategyNames.about());
        strategiesLabel.setTooltip(about);
        strategies.setTooltip(about);
        strategies.skinProperty().addListener((obs, old, skin) -> strategies.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Control).forEach(n -> {
                    ((Control) n).setTooltip(about);
                    if (n instanceof ComboBox<?> inner) {
                        // its list opened 50 px off and jumped into place at the first tick, under the pointer: a
                        // layout once it shows puts it in place at once
                        inner.showingProperty().addListener((o, was, showing) -> {
                            if (showing) {
                                javafx.application.Platform.runLater(inner::requestLayout);
                            }
                        });
                    }
                }));
        // the keys that open a combo box open it too (only the mouse did)
        PopupKeys.open(strategies, () -> {
            if (!strategies.isDisabled()) {
                strategies.show();
            }
        });
        syncStrategiesFromViewModel();
        vm.strategies().addListener((ListChangeListener<String>) c -> syncStrategiesFromViewModel());
        strategies.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingStrategies) {
                List<String> checked = vm.strategyNames().stream()
                        .filter(strategies.getCheckModel().getCheckedItems()::contains).toList();
                vm.strategies().setAll(checked);
            }
        });
        bindSpinner(samples, vm.samplesProperty(), 1, 1000);
        bindSpinner(candidates, vm.candidatesProperty(), 1, 64);
        candidates.disableProperty().bind(vm.usesCandidatesProperty().not());
        judgeModel.textProperty().bindBidirectional(vm.judgeModelProperty());
        judgeModel.disableProperty().bind(vm.usesJudgeProperty().not());
        bindSpinner(probeEvery, vm.probeEveryProperty(), 1, 4096);
        bindSpinner(agree, vm.agreeProperty(), 1, 16);
        confidence.textProperty().bindBidirectional(vm.confidenceProperty());
        for (Node n : List.of(probeEvery, agree, confidence)) {
            n.disableProperty().bind(vm.usesProbesProperty().not());
        }
        bindSpinner(concurrency, vm.concurrencyProperty(), 1, 256);
        moreServers.textProperty().bindBidirectional(vm.moreServersProperty());
        moreServers.disableProperty().bind(vm.takesServersProperty().not());
        temperature.textProperty().bindBidirectional(vm.temperatureProperty());
        seed.textProperty().bindBidirectional(vm.seedProperty());
        markWhenWrong(limit, vm.limitErrorProperty());
        markWhenWrong(temperature, vm.temperatureErrorProperty());
        markWhenWrong(seed, vm.seedErrorProperty());
    }

    /**
     * Outlines a field whose text the sweep cannot use, with the reason on hover: the form's one message is at its
     * foot, far from a field near the top ("First N" typed as "twenty").
     */
    private static void markWhenWrong(TextField field, javafx.beans.value.ObservableValue<String> error) {
        Tooltip usual = field.getTooltip();
        error.subscribe(e -> {
            boolean wrong = e != null && !e.isEmpty();
            field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, wrong);
            field.setTooltip(wrong ? Icons.tip(e) : usual);
        });
    }

    private void syncStrategiesFromViewModel() {
        syncingStrategies = true;
        try {
            strategies.getCheckModel().clearChecks();
            vm.strategies().forEach(strategies.getCheckModel()::check);
        } finally {
            syncingStrategies = false;
        }
    }

    private static void bindSpinner(Spinner<Integer> spinner, IntegerProperty value, int min, int max) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(f);
        f.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != value.get()) {
                value.set(now);
            }
        });
        value.addListener((obs, old, now) -> {
            if (!now.equals(f.getValue())) {
                f.setValue(now.intValue());
            }
        });
        EditableSpinners.typable(spinner);
    }

    /**
     * Ties each caption to its field, the field's name for a screen reader (the fxml cannot: a caption comes before
     * its field): the problem set and the limit, and in the runs grid the caption left of each field.
     */
    private void tieCaptions() {
        problemsTitle.setLabelFor(problemSet);
        firstLabel.setLabelFor(limit);
        for (GridPane grid : form.getChildren().stream().filter(GridPane.class::isInstance).map(GridPane.class::cast)
                .toList()) {
            for (Node caption : grid.getChildren()) {
                if (caption instanceof Label label && GridPane.getColumnIndex(label) != null
                        && GridPane.getColumnIndex(label) == 0) {
                    grid.getChildren().stream()
                            .filter(n -> GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) == 1
                                    && java.util.Objects.equals(GridPane.getRowIndex(n), GridPane.getRowIndex(label)))
                            .findFirst().ifPresent(label::setLabelFor);
                }
            }
        }
    }

    @FXML
    private void importProblems() {
        Path file = chooser.apply(form.getScene() == null ? null : form.getScene().getWindow());
        if (file != null) {
            vm.importFile(file);
        }
    }

    /** The form's root. */
    VBox form() {
        return form;
    }

    /** The problem set picker, for tests. */
    ComboBox<ProblemSetChoice> problemSetPicker() {
        return problemSet;
    }

    /** The label that lists skipped lines, for tests. */
    Label issuesLabel() {
        return problemsIssues;
    }

    /** What Start will run, and why it cannot (the lines the view keeps beside Start, out of the scrolled form). */
    List<Label> startLines() {
        return List.of(planText, note, startHint);
    }
}
