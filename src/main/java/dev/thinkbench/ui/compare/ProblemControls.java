package dev.thinkbench.ui.compare;

import atlantafx.base.theme.Styles;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.problems.ProblemGenerator;
import dev.thinkbench.ui.common.EditableSpinners;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompt panel's lesson controls: the expected answer (graded against every column), a "New problem" button
 * with the number of steps (a fresh problem in the micro model's world, with its answer), the "priced as" choice that
 * costs local runs at a hosted model's rates, and a warning when the prompt is outside the chosen model's world.
 * UI thread only.
 */
final class ProblemControls extends VBox {

    ProblemControls(CompareViewModel compare) {
        super(8);
        PromptViewModel vm = compare.prompt();
        getStyleClass().add("problem-controls");

        Label warning = new Label();
        warning.setId("promptWarning");
        warning.getStyleClass().addAll("prompt-warning", Styles.TEXT_SMALL);
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        warning.textProperty().bind(compare.promptWarningProperty());
        warning.visibleProperty().bind(compare.promptWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        TextField expected = new TextField();
        expected.setId("expectedField");
        expected.textProperty().bindBidirectional(vm.expectedProperty());
        expected.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.expectedClearedProperty().get().isEmpty() ? Messages.get("prompt.expected.prompt")
                        : Messages.get("prompt.expected.cleared", vm.expectedClearedProperty().get()),
                vm.expectedClearedProperty()));
        expected.setTooltip(Icons.tip(Messages.get("prompt.expected.help")));
        GridPane.setHgrow(expected, Priority.ALWAYS);

        Button fresh = Icons.button(Messages.get("prompt.newProblem"), Feather.SHUFFLE,
                Messages.get("prompt.newProblem.help"), Styles.SMALL);
        fresh.setId("newProblemButton");
        fresh.setOnAction(e -> vm.newProblem());
        fresh.setMinWidth(Region.USE_PREF_SIZE);
        Spinner<Integer> steps = EditableSpinners.typable(new Spinner<>(ProblemGenerator.MIN_STEPS,
                ProblemGenerator.MAX_STEPS, vm.stepsProperty().get()));
        steps.setId("stepsSpinner");
        steps.getStyleClass().add(Styles.SMALL);
        steps.setPrefWidth(72);
        steps.setMinWidth(Region.USE_PREF_SIZE);
        steps.valueProperty().addListener((obs, old, now) -> vm.stepsProperty().set(now));
        vm.stepsProperty().addListener((obs, old, now) -> steps.getValueFactory().setValue(now.intValue()));
        steps.setTooltip(Icons.tip(Messages.get("prompt.steps.help")));
        // "New problem of [3] steps": the count belongs to the next problem drawn, not to the one in the prompt (a
        // lesson's 5-step problem sat above "steps 3")
        HBox problemRow = new HBox(6, fresh);
        String before = Messages.get("prompt.steps.before");
        if (!before.isBlank()) {
            problemRow.getChildren().add(caption(before, null));
        }
        Label unit = caption(Messages.get("prompt.steps", steps.getValue()), null);
        unit.setId("stepsUnit");
        unit.setLabelFor(steps); // read out as "3 steps"
        unit.textProperty().bind(steps.valueProperty().map(n -> Messages.get("prompt.steps", n))); // 1 step, 3 steps
        problemRow.getChildren().addAll(steps, unit);
        problemRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Price> pricedAs = new ComboBox<>();
        pricedAs.setId("pricedAsPicker");
        List<Price> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(compare.priceChoices());
        pricedAs.getItems().setAll(choices);
        pricedAs.valueProperty().bindBidirectional(compare.pricedAsProperty());
        pricedAs.setCellFactory(list -> new PriceCell(compare.pricedByEngineProperty()));
        PriceCell shown = new PriceCell(compare.pricedByEngineProperty());
        pricedAs.setButtonCell(shown);
        // a hosted engine's runs carry their own list price: the estimate for free runs has nothing to do (it read
        // "free (no estimate)" beside columns costing dollars)
        pricedAs.disableProperty().bind(compare.pricedByEngineProperty());
        compare.pricedByEngineProperty().addListener((obs, was, now) -> shown.updateShown(pricedAs.getValue()));
        pricedAs.setMaxWidth(Double.MAX_VALUE);
        pricedAs.setTooltip(Icons.tip(Messages.get("prompt.pricedAs.help")));
        GridPane.setHgrow(pricedAs, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, caption(Messages.get("prompt.expected"), expected), expected);
        grid.addRow(1, caption(Messages.get("prompt.pricedAs"), pricedAs), pricedAs);
        getChildren().addAll(warning, problemRow, grid);
    }

    /** A small caption, tied to {@code field} when there is one (its name for a screen reader). */
    private static Label caption(String text, Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A price choice by its model name and rates; the empty choice says runs stay priced as they are. */
    private static final class PriceCell extends ListCell<Price> {
        private final javafx.beans.value.ObservableBooleanValue pricedByEngine;

        PriceCell(javafx.beans.value.ObservableBooleanValue pricedByEngine) {
            this.pricedByEngine = pricedByEngine;
        }

        void updateShown(Price item) {
            updateItem(item, false);
        }

        @Override
        protected void updateItem(Price item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
            } else if (item == null) {
                setText(Messages.get(pricedByEngine.get() ? "prompt.pricedAs.engine" : "prompt.pricedAs.none"));
            } else {
                setText(Messages.get("prompt.pricedAs.item", item.displayName(),
                        item.inputPerMillion().stripTrailingZeros().toPlainString(),
                        item.outputPerMillion().stripTrailingZeros().toPlainString()));
            }
        }
    }
}
