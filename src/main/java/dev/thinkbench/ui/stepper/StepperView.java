package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.AccessibleNames;
import dev.thinkbench.ui.common.DisplayConverter;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.StepperAction;
import dev.thinkbench.forcing.StepperSettings;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.FrameDriver;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.OwnedDialogs;
import dev.thinkbench.ui.common.Switches;
import dev.thinkbench.ui.common.VerdictBox;
import dev.thinkbench.ui.text.ConfidenceLegend;
import dev.thinkbench.ui.text.HesitationText;
import dev.thinkbench.ui.text.StreamingTextArea;
import dev.thinkbench.ui.common.Icons;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * Budget forcing by hand, as a self-contained node: a prompt, a template choice, the thinking as it streams (inserted
 * Wait texts and the user's inserts styled apart), the answer, the action buttons (Continue, Wait, Insert..., Edit,
 * Force answer now, Fork, Undo; keys Enter, W, A and Ctrl+Z when no text field has the focus), a timeline of
 * segments with tokens and time, and the branches with their answers (Tab reaches them, the arrows pick one, Enter or
 * Space switches to it). Drains its view model once per frame while it is in a scene. Build and use it on the FX
 * thread.
 */
public final class StepperView extends VBox {

    private final StepperViewModel vm;
    private final StreamingTextArea trace = new StreamingTextArea(Messages.get("stepper.trace.placeholder"));
    private final StreamingTextArea answer = new StreamingTextArea(Messages.get("column.answer.placeholder"));
    private final ListView<BranchSummary> branchList;

    /** A stepper over {@code backend}, offering {@code templates} (the first is preselected). */
    public StepperView(CompletionBackend backend, List<ChatTemplate> templates, StepperSettings settings) {
        this(StepperViewModel.over(backend, templates, settings));
    }

    private final Label discardText = new Label();
    private final Button keepButton = new Button(Messages.get("stepper.discard.keep"));
    private final Button startOver = Icons.button(Messages.get("stepper.discard.startOver"), Feather.PLAY, null,
            Styles.SMALL, Styles.DANGER);
    private HBox discardBar;

    public StepperView(StepperViewModel viewModel) {
        this.vm = viewModel;
        branchList = new ListView<>(vm.branches());
        setId("stepperView");
        // it takes the focus for its keys: read out what it is and which keys it has
        setAccessibleText(Messages.get("tab.stepper"));
        setAccessibleHelp(Messages.get("tab.stepper.keys"));
        setSpacing(8);
        setPadding(new Insets(10));
        getStylesheets().add(StepperView.class.getResource("stepper.css").toExternalForm());
        getStyleClass().add("stepper-view");
        SplitPane body = new SplitPane(traceAndAnswer(), timelineAndBranches());
        // the timeline's eight columns need the room more than the thinking does: at 0.52 a 1280-px window left
        // "Ended" 100 px, and "model ended thinking (</think>)" stood three lines tall in every row
        body.setDividerPositions(0.47);
        VBox.setVgrow(body, Priority.ALWAYS);
        discardBar = discardQuestion();
        getChildren().addAll(promptRow(), discardBar, actionRow(), statusRow(), body);
        vm.traceProperty().addListener((obs, old, update) -> show(update, trace));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.setWake(FrameDriver.whileInScene(this, now -> vm.frame())::wake);
    }

    /**
     * Runs the prompt, or first asks when that would take a session of several steps or branches off the screen (a
     * stray Ctrl+Enter mid-talk lost a whole tree, and Undo emptied the Stepper): Start over runs, Keep (Esc, and the
     * focus) leaves the session as it is.
     */
    /**
     * Where the session shown is saved as it stands (the window's sessions tell; nothing until they are wired): Run's
     * question then says the file keeps it instead of asking to save it.
     */
    public void setSavedIn(java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> where) {
        savedIn = where;
    }

    private java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> savedIn = java.util.Optional::empty;

    private void runOrAsk() {
        String lost = vm.runWouldDiscard();
        if (lost.isEmpty()) {
            runNow();
            return;
        }
        java.util.Optional<java.nio.file.Path> file = savedIn.get();
        discardText.setText(file.isPresent()
                ? Messages.get("stepper.discard.askSaved", lost, file.get().getFileName())
                : Messages.get("stepper.discard.ask", lost));
        discardBar.setVisible(true);
        keepButton.requestFocus();
    }

    private void runNow() {
        discardBar.setVisible(false);
        vm.run();
        trace.requestFocus();
    }

    private void keepSession() {
        discardBar.setVisible(false);
        trace.requestFocus();
    }

    /** The question Run asks before it starts over ({@link #runOrAsk}), hidden otherwise. */
    private HBox discardQuestion() {
        discardText.setId("discardText");
        discardText.setWrapText(true);
        discardText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(discardText, Priority.ALWAYS);
        startOver.setId("startOverButton");
        startOver.setOnAction(e -> runNow());
        keepButton.setId("keepSessionButton");
        keepButton.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        keepButton.setOnAction(e -> keepSession());
        startOver.setMinWidth(Region.USE_PREF_SIZE);
        keepButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, Icons.icon(Feather.ALERT_TRIANGLE), discardText, keepButton, startOver);
        bar.getStyleClass().add("stepper-discard");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    public StepperViewModel viewModel() {
        return vm;
    }

    private HBox promptRow() {
        TextArea prompt = new TextArea();
        prompt.setId("promptField");
        prompt.setPromptText(Messages.get("stepper.prompt.placeholder"));
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptProperty());
        HBox.setHgrow(prompt, Priority.ALWAYS);
        ComboBox<ChatTemplate> templates = new ComboBox<>(vm.templates());
        templates.setId("templateChoice");
        templates.valueProperty().bindBidirectional(vm.templateProperty());
        templates.setConverter(DisplayConverter.of(ChatTemplate::name));
        templates.setTooltip(Icons.tip(Messages.get("stepper.template.help")));
        TextField system = new TextField();
        system.setId("systemField");
        system.setPromptText(Messages.get("stepper.system.placeholder"));
        system.textProperty().bindBidirectional(vm.systemProperty());
        templates.setMaxWidth(Double.MAX_VALUE);
        // the trace takes the focus, so W, A and Enter act at once (Run itself is disabled while thinking)
        Button run = button("runButton", Messages.get("stepper.run"), Feather.PLAY, Messages.get("stepper.run.help"),
                this::runOrAsk);
        run.getStyleClass().add(Styles.ACCENT);
        run.setMaxWidth(Double.MAX_VALUE);
        run.disableProperty().bind(vm.canRunProperty().not());
        // while a step runs: the way out of a server that went silent (Esc does the same)
        Button stop = button("stopButton", Messages.get("stepper.stop"), Feather.SQUARE,
                Messages.get("stepper.stop.help"), vm::stop);
        stop.setMaxWidth(Double.MAX_VALUE);
        stop.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.stateProperty().get().running(), vm.stateProperty()));
        stop.managedProperty().bind(stop.visibleProperty());
        VBox side = new VBox(6, templates, system, run, stop,
                AccessibleNames.unseen(Messages.get("stepper.template.name"), templates),
                AccessibleNames.unseen(Messages.get("prompt.system"), system));
        side.setPrefWidth(240);
        side.setMinWidth(200);
        return new HBox(8, prompt, side, AccessibleNames.unseen(Messages.get("prompt.title"), prompt));
    }

    private HBox actionRow() {
        Button wait = action("waitButton", Messages.get("stepper.wait"), Feather.ROTATE_CW, Messages.get("stepper.wait.help"),
                StepperAction.WAIT, vm::waitMore);
        // the accent marks Wait as the move to try when it can be made; a disabled accent button still read as one
        wait.disabledProperty().subscribe(off -> {
            if (off) {
                wait.getStyleClass().remove(Styles.ACCENT);
            } else if (!wait.getStyleClass().contains(Styles.ACCENT)) {
                wait.getStyleClass().add(Styles.ACCENT);
            }
        });
        HBox row = new HBox(6,
                action("continueButton", Messages.get("stepper.continue"), Feather.CORNER_DOWN_RIGHT,
                        Messages.get("stepper.continue.help"), StepperAction.CONTINUE, vm::continueToAnswer),
                wait,
                action("insertButton", Messages.get("stepper.insert"), Feather.PLUS, Messages.get("stepper.insert.help"),
                        StepperAction.INSERT, this::askInsert),
                action("editButton", Messages.get("stepper.edit"), Feather.EDIT_3, Messages.get("stepper.edit.help"), StepperAction.EDIT,
                        this::askEdit),
                action("forceButton", Messages.get("stepper.force"), Feather.FAST_FORWARD,
                        Messages.get("stepper.force.help"), StepperAction.FORCE_ANSWER,
                        vm::forceAnswer),
                separator(),
                action("forkButton", Messages.get("stepper.fork"), Feather.GIT_BRANCH, Messages.get("stepper.fork.help"),
                        StepperAction.FORK, vm::fork),
                action("undoButton", Messages.get("stepper.undo"), Feather.ROTATE_CCW, Messages.get("stepper.undo.help"), StepperAction.UNDO,
                        vm::undo));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox statusRow() {
        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("stepper-status");
        status.textProperty().bind(vm.statusProperty().map(StepperView::sentence));
        Label tokens = new Label();
        tokens.setId("tokensLabel");
        tokens.getStyleClass().add(Styles.TEXT_MUTED);
        tokens.textProperty().bind(vm.thinkingTokensProperty().map(n -> Messages.get("stepper.thinkingTokens", n)));
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
        trace.getStyleClass().add("stepper-trace");
        trace.setFocusTraversable(true);
        trace.setAccessibleText(Messages.get("column.thinking"));
        VBox.setVgrow(trace, Priority.ALWAYS);
        answer.setId("answerArea");
        answer.getStyleClass().add("answer-text");
        answer.setPrefHeight(90);
        vm.answerTraceProperty().addListener((obs, old, update) -> show(update, answer));
        trace.setHoverInfo(offset -> HesitationText.describe(vm.hesitationAt(offset)));
        answer.setHoverInfo(offset -> HesitationText.describe(vm.answerHesitationAt(offset)));
        ToggleSwitch confidence = Switches.of(Messages.get("confidence.toggle"));
        confidence.getStyleClass().add("confidence-switch");
        confidence.setId("stepperConfidenceToggle");
        confidence.selectedProperty().bindBidirectional(vm.confidenceShownProperty());
        confidence.setTooltip(Icons.tip(Messages.get("confidence.help.stepper")));
        confidence.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox legend = ConfidenceLegend.create();
        legend.visibleProperty().bind(confidence.selectedProperty());
        legend.managedProperty().bind(legend.visibleProperty());
        HBox thinkingTitle = new HBox(8, title(Messages.get("stepper.thinking"), Feather.CPU), gap, legend,
                confidence);
        thinkingTitle.setAlignment(Pos.CENTER_LEFT);
        TextField expected = new TextField();
        expected.setId("stepperExpected");
        // beside its "Expected" label: a placeholder that fits the field (the Compare one was cut to "(op")
        expected.setPromptText(Messages.get("stepper.expected.prompt"));
        expected.setPrefColumnCount(10);
        expected.setTooltip(Icons.tip(Messages.get("stepper.expected.help")));
        expected.textProperty().bindBidirectional(vm.expectedProperty());
        Label expectedLabel = new Label(Messages.get("prompt.expected"));
        expectedLabel.setLabelFor(expected);
        expectedLabel.getStyleClass().add(Styles.TEXT_MUTED);
        expectedLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region answerGap = new Region();
        HBox.setHgrow(answerGap, Priority.ALWAYS);
        HBox answerTitle = new HBox(8, title(Messages.get("stepper.answer"), Feather.MESSAGE_SQUARE), answerGap,
                expectedLabel, expected);
        answerTitle.setAlignment(Pos.CENTER_LEFT);
        VerdictBox verdict = new VerdictBox(vm.gradeProperty(), new ReadOnlyStringWrapper(""));
        verdict.setId("stepperVerdict");
        VBox box = new VBox(4, thinkingTitle, trace, answerTitle, verdict, answer);
        box.setPadding(new Insets(0, 6, 0, 0));
        return box;
    }

    private SplitPane timelineAndBranches() {
        branchList.setId("branchList");
        branchList.setPrefHeight(120);
        // dense: one line of text per branch (the theme's roomy cells gave each line two lines' height)
        branchList.getStyleClass().add(Styles.DENSE);
        // a branch's line wraps in the list's width (a sideways scroll bar hid the row under it)
        branchList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(BranchSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }
        });
        branchList.setOnMouseClicked(e -> switchToSelectedBranch());
        // the keyboard's way: Tab reaches the list, the arrows pick a branch, Enter or Space switches to it
        branchList.setFocusTraversable(true);
        branchList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && !e.isShortcutDown()
                    && !e.isAltDown()) {
                if (e.getCode() == KeyCode.ENTER && !otherBranchSelected()) {
                    return; // the branch shown: Enter lets it answer, as everywhere in the tab
                }
                switchToSelectedBranch();
                e.consume();
            }
        });
        // each change lists the branches anew: the one shown is the one picked, and the arrows go on from it
        vm.branches().addListener((javafx.collections.ListChangeListener<BranchSummary>) c -> selectActiveBranch());
        var table = TimelineTable.of(vm.timeline());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(branchList, Priority.ALWAYS);
        Label timelineTitle = title(Messages.get("stepper.timeline"), Feather.LIST);
        timelineTitle.setLabelFor(table);
        VBox timeline = new VBox(4, timelineTitle, table);
        timeline.setPadding(new Insets(0, 0, 6, 6));
        new dev.thinkbench.ui.common.FontScale(timeline).follow(table); // its columns follow the zoom
        Label branchesTitle = title(Messages.get("stepper.branches"), Feather.GIT_BRANCH);
        branchesTitle.setLabelFor(branchList);
        VBox branches = new VBox(4, branchesTitle, branchList);
        branches.setPadding(new Insets(6, 0, 0, 6));
        SplitPane right = new SplitPane(timeline, branches);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.7);
        return right;
    }

    /** Whether the branch list's selection is a branch other than the one shown. */
    private boolean otherBranchSelected() {
        BranchSummary b = branchList.getSelectionModel().getSelectedItem();
        return b != null && !b.active();
    }

    private void switchToSelectedBranch() {
        BranchSummary b = branchList.getSelectionModel().getSelectedItem();
        if (b != null && !b.active()) {
            vm.selectBranch(b.id());
        }
    }

    private void selectActiveBranch() {
        for (int i = 0; i < vm.branches().size(); i++) {
            if (vm.branches().get(i).active()) {
                branchList.getSelectionModel().select(i);
                branchList.getFocusModel().focus(i);
                return;
            }
        }
    }

    /** A key's action: its dialog only when the action is possible now (else the model says why it is not). */
    private void act(StepperAction action, Runnable ask) {
        if (vm.canProperty(action).get()) {
            ask.run();
        } else if (action == StepperAction.INSERT) {
            vm.insert("");
        } else {
            vm.edit(vm.currentThinking());
        }
    }

    private Button action(String id, String text, Ikon icon, String tip, StepperAction action, Runnable onClick) {
        Button b = button(id, text, icon, tip, onClick);
        b.disableProperty().bind(vm.canProperty(action).not());
        return b;
    }

    private static Button button(String id, String text, Ikon icon, String tip, Runnable onClick) {
        Button b = Icons.button(text, icon, tip);
        b.setId(id);
        b.setOnAction(e -> onClick.run());
        return b;
    }

    /** Status texts read as sentences on their own line. */
    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Label title(String text, Ikon icon) {
        Label l = new Label(text, Icons.icon(icon));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Region separator() {
        Region r = new Region();
        r.getStyleClass().add("stepper-separator");
        return r;
    }

    private void askInsert() {
        TextInputDialog dialog = OwnedDialogs.ownedBy(new TextInputDialog("Hmm"), this);
        dialog.setTitle(Messages.get("stepper.insert.title"));
        dialog.setHeaderText(Messages.get("stepper.insert.header"));
        // the app's own words: JavaFX names its stock buttons in the system's language, not the one chosen here
        ButtonType ok = okButton();
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancelButton());
        // nothing (or only spaces) to insert: OK would add a step that changes nothing
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(
                () -> dialog.getEditor().getText().isBlank(), dialog.getEditor().textProperty()));
        dialog.showAndWait().filter(text -> !text.isBlank()).ifPresent(vm::insert);
    }

    private void askEdit() {
        Dialog<String> dialog = OwnedDialogs.ownedBy(new Dialog<>(), this);
        dialog.setTitle(Messages.get("stepper.edit.title"));
        dialog.setHeaderText(Messages.get("stepper.edit.header"));
        TextArea text = new TextArea(vm.currentThinking());
        text.setId("editText");
        text.setWrapText(true);
        text.setPrefSize(640, 360);
        dialog.getDialogPane().setContent(text);
        ButtonType ok = okButton();
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancelButton());
        // Enter makes a new line here, so Ctrl+Enter confirms (as Enter confirms the insert dialog's one line)
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
                ((Button) dialog.getDialogPane().lookupButton(ok)).fire();
                e.consume();
            }
        });
        // typing goes to the text at once, after the end of the thinking (the dialog opened with the focus outside it,
        // and what was typed went nowhere)
        dialog.setOnShown(e -> Platform.runLater(() -> {
            text.requestFocus();
            text.end();
        }));
        dialog.setResultConverter(bt -> bt != null && bt.getButtonData() == ButtonBar.ButtonData.OK_DONE
                ? text.getText() : null);
        dialog.showAndWait().ifPresent(vm::edit);
    }

    private static ButtonType okButton() {
        return new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    private static ButtonType cancelButton() {
        return new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private void show(TraceUpdate update, StreamingTextArea area) {
        if (update == null) {
            return;
        }
        if (update.replace()) {
            area.clear();
        }
        for (TraceUpdate.Span span : update.spans()) {
            area.append(span.text(), switch (span.kind()) {
                case MODEL -> span.confidence() == null ? (area == answer ? "answer-text" : "thinking-text")
                        : span.confidence().styleClass();
                case INSERTED -> "inserted-text";
                case EDITED -> "edited-text";
            });
        }
    }

    /**
     * Ctrl+Enter runs from anywhere in the tab, the prompt included (as in Compare), and Esc stops a running step;
     * W, A, Enter, I (insert), E (edit), F (fork) and Ctrl+Z act when no text field has the focus (typing stays
     * typing).
     */
    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
            if (vm.canRunProperty().get()) {
                runOrAsk();
            }
            e.consume();
            return;
        }
        if (discardBar.isVisible()) {
            // the question first: Esc keeps, Enter does what the focused answer says; the session's own keys wait
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER && !startOver.isFocused()) {
                keepSession();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                runNow();
                e.consume();
            } else if (e.getCode() != KeyCode.TAB && e.getCode() != KeyCode.SPACE && !e.getCode().isModifierKey()) {
                e.consume();
            }
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && vm.stateProperty().get().running()) {
            vm.stop();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl
                || e.getTarget() == branchList && e.getCode() == KeyCode.ENTER && otherBranchSelected()) {
            return; // typing stays typing; Enter on another branch in the list switches to it (its own filter)
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
        } else if (e.getCode() == KeyCode.I) {
            act(StepperAction.INSERT, this::askInsert);
        } else if (e.getCode() == KeyCode.E) {
            act(StepperAction.EDIT, this::askEdit);
        } else if (e.getCode() == KeyCode.F) {
            vm.fork();
        } else {
            return;
        }
        e.consume();
    }
}
