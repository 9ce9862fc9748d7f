package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.DisplayConverter;
import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.common.Icons;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import dev.thinkbench.ui.common.Messages;
import org.kordamp.ikonli.feather.Feather;

/**
 * The left panel of the Compare tab: sample picker, prompt, collapsible system prompt, sampling (temperature and
 * seed, validated in place), and the Run / Cancel all buttons with the reason Run is disabled. UI thread only.
 */
public final class PromptPane extends VBox {

    private final TextArea promptArea = new TextArea();

    public PromptPane(CompareViewModel compare) {
        PromptViewModel vm = compare.prompt();
        getStyleClass().add("prompt-pane");
        setSpacing(10);
        setPadding(new Insets(14));
        // widths in em (thinkbench.css .prompt-pane), so they follow the zoom

        Label title = new Label(Messages.get("prompt.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<SamplePrompt> samples = new ComboBox<>(vm.samples());
        samples.setId("samplesChoice");
        samples.setPromptText(Messages.get("prompt.samples"));
        samples.valueProperty().bindBidirectional(vm.sampleProperty());
        samples.setCellFactory(list -> new SampleCell(vm));
        samples.setButtonCell(new SampleCell(vm));
        // a drawn problem is not among the items: the combo then shows its value through the converter
        samples.setConverter(DisplayConverter.of(SamplePrompt::title));
        samples.setTooltip(Icons.tip(Messages.get("prompt.samples.help")));
        samples.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(samples, Priority.ALWAYS);
        title.setLabelFor(promptArea);
        HBox head = new HBox(10, title, samples,
                dev.thinkbench.ui.common.AccessibleNames.unseen(Messages.get("prompt.samples.name"), samples));
        head.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.setGraphic(Icons.icon(Feather.ZAP));
        note.getStyleClass().addAll("sample-note", Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.textProperty().bind(vm.sampleNoteProperty());
        // the note keeps its wrapped height (the prompt area gives way: at 1280x720 its fourth line was cut, mid-word);
        // the whole of it is under the pointer too
        note.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip whole = Icons.tip("");
        whole.textProperty().bind(vm.sampleNoteProperty());
        note.setTooltip(whole);
        note.visibleProperty().bind(vm.sampleNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        promptArea.setId("promptArea");
        promptArea.setWrapText(true);
        promptArea.setPromptText(Messages.get("prompt.placeholder"));
        promptArea.textProperty().bindBidirectional(vm.promptProperty());
        promptArea.getStyleClass().add("prompt-area");
        VBox.setVgrow(promptArea, Priority.ALWAYS);

        TextArea systemArea = new TextArea();
        systemArea.setWrapText(true);
        systemArea.setPrefRowCount(3);
        systemArea.setPromptText(Messages.get("prompt.system.placeholder"));
        systemArea.textProperty().bindBidirectional(vm.systemProperty());
        TitledPane system = new TitledPane(Messages.get("prompt.system"), systemArea);
        system.setExpanded(false);
        system.setAnimated(false);
        system.getStyleClass().add(Styles.DENSE);
        system.setTooltip(Icons.tip(Messages.get("prompt.system.help")));

        Button run = Icons.button(Messages.get("prompt.run"), Feather.PLAY, Messages.get("prompt.run.help"), Styles.ACCENT, "run-button");
        run.setId("runButton");
        run.setMaxWidth(Double.MAX_VALUE);
        run.setDefaultButton(false);
        run.disableProperty().bind(compare.canRunProperty().not());
        run.setOnAction(e -> compare.run());
        HBox.setHgrow(run, Priority.ALWAYS);
        Button cancelAll = Icons.button(Messages.get("prompt.cancelAll"), Feather.STOP_CIRCLE, Messages.get("prompt.cancelAll.help"),
                Styles.BUTTON_OUTLINED, Styles.DANGER);
        cancelAll.setId("cancelAllButton");
        cancelAll.disableProperty().bind(compare.runningProperty().not());
        cancelAll.setOnAction(e -> compare.cancelAll());
        HBox buttons = new HBox(8, run, cancelAll);

        Label hint = new Label();
        hint.setId("runHint");
        hint.getStyleClass().addAll("run-hint", Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.setGraphic(Icons.icon(Feather.INFO));
        hint.textProperty().bind(compare.runHintProperty());
        hint.visibleProperty().bind(compare.runHintProperty().isNotEmpty());
        // every line of it (a connection's problem can run long), and the whole of it on hover
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Icons.tipFollowing(hint, compare.runHintProperty());
        // its first line's room is kept while it is empty: "A run is in progress" appearing under Run moved Run up
        // under the pointer
        Label oneLine = new Label("\u00a0");
        oneLine.getStyleClass().addAll("run-hint", Styles.TEXT_SMALL);
        oneLine.setGraphic(Icons.icon(Feather.INFO));
        oneLine.setVisible(false);
        StackPane hintRow = new StackPane(oneLine, hint);
        hintRow.setAlignment(Pos.TOP_LEFT);

        getChildren().addAll(head, note, promptArea, new ProblemControls(compare), system, sampling(vm), buttons,
                hintRow);
    }

    private static VBox sampling(PromptViewModel vm) {
        Label title = new Label(Messages.get("prompt.sampling"), Icons.icon(Feather.SLIDERS));
        title.getStyleClass().add("section-title");
        TextField temperature = field(vm.temperatureProperty(), vm.temperatureErrorProperty(), Messages.get("prompt.temperature.placeholder"),
                Messages.get("prompt.temperature.help"));
        TextField seed = field(vm.seedProperty(), vm.seedErrorProperty(), Messages.get("prompt.seed.placeholder"),
                Messages.get("prompt.seed.help"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.addRow(0, caption(Messages.get("prompt.temperature"), temperature),
                caption(Messages.get("prompt.seed"), seed));
        grid.addRow(1, temperature, seed);
        GridPane.setHgrow(temperature, Priority.ALWAYS);
        GridPane.setHgrow(seed, Priority.ALWAYS);
        Label errors = new Label();
        errors.getStyleClass().addAll("field-error", Styles.TEXT_SMALL);
        errors.setWrapText(true);
        errors.textProperty().bind(vm.temperatureErrorProperty().concat(
                vm.temperatureErrorProperty().isNotEmpty().and(vm.seedErrorProperty().isNotEmpty())
                        .map(both -> both ? "; " : "")).concat(vm.seedErrorProperty()));
        errors.visibleProperty().bind(errors.textProperty().isNotEmpty());
        errors.managedProperty().bind(errors.visibleProperty());
        // quiet, not an error: the engine sets its own temperature while thinking and the field's is left out there
        Label note = new Label();
        note.setId("temperatureNote");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setGraphic(Icons.icon(Feather.INFO));
        note.textProperty().bind(vm.temperatureNoteProperty());
        note.visibleProperty().bind(vm.temperatureNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(6, title, grid, errors, note);
    }

    /** A small caption over {@code field}, tied to it (its name for a screen reader). */
    private static Label caption(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }

    private static TextField field(javafx.beans.property.StringProperty value, ReadOnlyStringProperty error,
                                   String prompt, String tip) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setPromptText(prompt);
        f.setTooltip(Icons.tip(tip));
        f.setPrefColumnCount(6);
        PseudoClass danger = Styles.STATE_DANGER;
        error.addListener((obs, old, now) -> f.pseudoClassStateChanged(danger, !now.isEmpty()));
        return f;
    }

    /** Puts the caret in the prompt. */
    public void focusPrompt() {
        promptArea.requestFocus();
    }

    /** Shows a sample's title; with the micro model chosen, one it cannot do says it needs a real model. */
    private static final class SampleCell extends ListCell<SamplePrompt> {
        private final PromptViewModel vm;

        SampleCell(PromptViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(SamplePrompt item, boolean empty) {
            super.updateItem(item, empty);
            boolean needsRealModel = !empty && item != null && vm.microModelProperty().get() && !item.suitsMicro();
            setText(empty || item == null ? Messages.get("prompt.samples") : needsRealModel
                    ? Messages.get("prompt.sample.needsRealModel", item.title()) : item.title());
            pseudoClassStateChanged(PseudoClass.getPseudoClass("needs-real-model"), needsRealModel);
        }
    }
}
