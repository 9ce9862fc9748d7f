package dev.thinkbench.ui.stepper;

import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.StepperAction;
import dev.thinkbench.forcing.StepperSettings;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.util.List;

/**
 * Budget forcing by hand, as a self-contained node: a prompt, a template choice, the thinking as it streams (inserted
 * Wait texts and the user's inserts styled apart), the answer, the action buttons (Continue, Wait, Insert..., Edit,
 * Force answer now, Fork, Undo; keys Enter, W, A and Ctrl+Z when no text field has the focus), a timeline of
 * segments with tokens and time, and the branches with their answers. Drains its view model once per frame while it
 * is in a scene. Build and use it on the FX thread.
 */
public final class StepperView extends VBox {

    private final StepperViewModel vm;
    private final StyleClassedTextArea trace = new StyleClassedTextArea();
    private final AnimationTimer frames;

    /** A stepper over {@code backend}, offering {@code templates} (the first is preselected). */
    public StepperView(CompletionBackend backend, List<ChatTemplate> templates, StepperSettings settings) {
        this(StepperViewModel.over(backend, templates, settings));
    }

    public StepperView(StepperViewModel viewModel) {
        this.vm = viewModel;
        setId("stepperView");
        setSpacing(8);
        setPadding(new Insets(10));
        getStylesheets().add(StepperView.class.getResource("stepper.css").toExternalForm());
        getStyleClass().add("stepper-view");
        SplitPane body = new SplitPane(traceAndAnswer(), timelineAndBranches());
        body.setDividerPositions(0.6);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(promptRow(), actionRow(), statusRow(), body);
        vm.traceProperty().addListener((obs, old, update) -> show(update));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.drain();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                frames.start();
            } else {
                frames.stop();
            }
        });
    }

    public StepperViewModel viewModel() {
        return vm;
    }

    private HBox promptRow() {
        TextArea prompt = new TextArea();
        prompt.setId("promptField");
        prompt.setPromptText("Prompt, e.g. How many r's are in raspberry?");
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptProperty());
        HBox.setHgrow(prompt, Priority.ALWAYS);
        ComboBox<ChatTemplate> templates = new ComboBox<>(vm.templates());
        templates.setId("templateChoice");
        templates.valueProperty().bindBidirectional(vm.templateProperty());
        templates.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChatTemplate t) {
                return t == null ? "" : t.name();
            }

            @Override
            public ChatTemplate fromString(String s) {
                return null;
            }
        });
        templates.setTooltip(new Tooltip("Chat template: how the prompt is laid out and which marker ends thinking"));
        TextField system = new TextField();
        system.setId("systemField");
        system.setPromptText("System prompt (optional)");
        system.textProperty().bindBidirectional(vm.systemProperty());
        Button run = button("runButton", "Run", "Start thinking on the prompt", vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        VBox side = new VBox(6, templates, system, run);
        side.setPrefWidth(220);
        return new HBox(8, prompt, side);
    }

    private HBox actionRow() {
        HBox row = new HBox(6,
                action("continueButton", "Continue", "Accept the end of thinking and answer (Enter)",
                        StepperAction.CONTINUE, vm::continueToAnswer),
                action("waitButton", "Wait", "Append the Wait text and think on (W)", StepperAction.WAIT,
                        vm::waitMore),
                action("insertButton", "Insert\u2026", "Append your own text and think on", StepperAction.INSERT,
                        this::askInsert),
                action("editButton", "Edit", "Edit the thinking before going on", StepperAction.EDIT,
                        this::askEdit),
                action("forceButton", "Force answer now", "Append the end marker and \"Final Answer:\" (A)",
                        StepperAction.FORCE_ANSWER, vm::forceAnswer),
                action("forkButton", "Fork", "A new branch from this point, kept beside this one",
                        StepperAction.FORK, vm::fork),
                action("undoButton", "Undo", "Undo the last step (Ctrl+Z)", StepperAction.UNDO, vm::undo));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox statusRow() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        Label tokens = new Label();
        tokens.setId("tokensLabel");
        tokens.textProperty().bind(vm.thinkingTokensProperty().asString("%,d thinking tokens"));
        Label error = new Label();
        error.setId("errorLabel");
        error.getStyleClass().add("stepper-error");
        error.textProperty().bind(vm.errorProperty());
        HBox row = new HBox(16, status, tokens, error);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox traceAndAnswer() {
        trace.setId("traceArea");
        trace.setEditable(false);
        trace.setWrapText(true);
        trace.getStyleClass().add("stepper-trace");
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(trace);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        TextArea answer = new TextArea();
        answer.setId("answerArea");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPrefRowCount(4);
        answer.textProperty().bind(vm.answerProperty());
        return new VBox(4, new Label("Thinking"), scroll, new Label("Answer"), answer);
    }

    private SplitPane timelineAndBranches() {
        ListView<BranchSummary> branchList = new ListView<>(vm.branches());
        branchList.setId("branchList");
        branchList.setPrefHeight(120);
        branchList.setOnMouseClicked(e -> {
            BranchSummary b = branchList.getSelectionModel().getSelectedItem();
            if (b != null && !b.active()) {
                vm.selectBranch(b.id());
            }
        });
        SplitPane right = new SplitPane(new VBox(4, new Label("Timeline"), TimelineTable.of(vm.timeline())),
                new VBox(4, new Label("Branches"), branchList));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.7);
        return right;
    }

    private Button action(String id, String text, String tip, StepperAction action, Runnable onClick) {
        Button b = button(id, text, tip, onClick);
        b.disableProperty().bind(vm.canProperty(action).not());
        return b;
    }

    private static Button button(String id, String text, String tip, Runnable onClick) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> onClick.run());
        return b;
    }

    private void askInsert() {
        TextInputDialog dialog = new TextInputDialog("Hmm");
        dialog.setTitle("Insert text");
        dialog.setHeaderText("Text to append to the thinking (e.g. Hmm, Alternatively, Let me double-check)");
        dialog.showAndWait().ifPresent(vm::insert);
    }

    private void askEdit() {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Edit the thinking");
        TextArea text = new TextArea(vm.currentThinking());
        text.setWrapText(true);
        text.setPrefSize(640, 360);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(bt -> bt == ButtonType.OK ? text.getText() : null);
        dialog.showAndWait().ifPresent(vm::edit);
    }

    private void show(TraceUpdate update) {
        if (update == null) {
            return;
        }
        if (update.replace()) {
            trace.clear();
        }
        for (TraceUpdate.Span span : update.spans()) {
            trace.append(span.text(), List.of("trace-" + span.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        trace.requestFollowCaret();
        trace.moveTo(trace.getLength());
    }

    /** W, A, Enter and Ctrl+Z act when no text field has the focus (typing stays typing). */
    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            vm.undo();
        } else if (e.isShortcutDown() || e.isAltDown()) {
            return;
        } else if (e.getCode() == KeyCode.W) {
            vm.waitMore();
        } else if (e.getCode() == KeyCode.A) {
            vm.forceAnswer();
        } else if (e.getCode() == KeyCode.ENTER) {
            vm.continueToAnswer();
        } else {
            return;
        }
        e.consume();
    }
}
