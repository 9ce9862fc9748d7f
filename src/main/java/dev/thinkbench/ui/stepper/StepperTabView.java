package dev.thinkbench.ui.stepper;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Stepper tab: the {@link StepperView} under a line naming the engine and model it steps on, or, when the
 * workbench's engine cannot step (a chat engine), a card that explains why and switches to the built-in engine in
 * one click. Build and use on the FX thread.
 */
public final class StepperTabView extends StackPane {

    private final ConnectedStepperViewModel vm;
    private final StepperView stepper;

    public StepperTabView(ConnectedStepperViewModel viewModel) {
        this.vm = viewModel;
        setId("stepperTab");
        getStyleClass().add("stepper-tab");
        stepper = new StepperView(vm.stepper());
        VBox.setVgrow(stepper, Priority.ALWAYS);
        VBox working = new VBox(targetLine(), stepper);
        working.visibleProperty().bind(vm.supportedProperty());
        Node unsupported = unsupportedCard();
        unsupported.visibleProperty().bind(vm.supportedProperty().not());
        getChildren().addAll(working, unsupported);
    }

    private HBox targetLine() {
        Label caption = new Label(Messages.get("stepper.stepsOn"));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Label target = new Label();
        target.setId("stepperTarget");
        target.getStyleClass().add(Styles.TEXT_BOLD);
        target.textProperty().bind(vm.targetProperty());
        Label hint = new Label(Messages.get("stepper.stepsOn.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label ranOn = new Label();
        ranOn.setId("stepperRanOn");
        ranOn.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        ranOn.setMinWidth(0);
        ranOn.textProperty().bind(vm.ranOnNoteProperty());
        ranOn.visibleProperty().bind(vm.ranOnNoteProperty().isNotEmpty());
        ranOn.managedProperty().bind(ranOn.visibleProperty());
        Icons.tipFollowing(ranOn, vm.ranOnNoteProperty());
        // the hint gives way to the note: the same line, so the steps below stay put
        hint.visibleProperty().bind(ranOn.visibleProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        HBox line = new HBox(8, caption, target, hint, ranOn);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(10, 10, 0, 10));
        return line;
    }

    private Node unsupportedCard() {
        Label title = new Label(Messages.get("stepper.needsRaw"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label();
        text.setId("stepperExplanation");
        text.setWrapText(true);
        text.textProperty().bind(vm.explanationProperty());
        Label offer = new Label(Messages.get("stepper.needsRaw.offer"));
        offer.setWrapText(true);
        offer.getStyleClass().add(Styles.TEXT_MUTED);
        Button use = new Button(Messages.get("stepper.needsRaw.use"));
        use.setId("useBuiltInForStepping");
        use.getStyleClass().add(Styles.ACCENT);
        use.setOnAction(e -> vm.useBuiltIn());
        VBox card = new VBox(12, title, text, offer, use);
        card.getStyleClass().add("explain-card");
        card.setPadding(new Insets(28));
        card.setPrefWidth(680);
        // centred at its own size rather than stretched over the tab
        VBox holder = new VBox(card);
        holder.setAlignment(Pos.CENTER);
        holder.setFillWidth(false);
        return holder;
    }

    /** The stepper itself (for focus and tests). */
    public StepperView stepperView() {
        return stepper;
    }

    public ConnectedStepperViewModel viewModel() {
        return vm;
    }
}
