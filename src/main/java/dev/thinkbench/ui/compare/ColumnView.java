package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.AccessibleNames;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.text.TextStreamListener;

import dev.thinkbench.ui.text.TextChunk;

import dev.thinkbench.ui.text.HesitationText;
import dev.thinkbench.ui.text.StreamingTextArea;

import atlantafx.base.theme.Styles;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.FocusTooltip;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.VerdictBox;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.Locale;

/**
 * One budget column: label and budget (validated in place), what the budget means on the engine, the live thinking
 * (collapsible) and answer, the metrics strip, a status line and an error box with Retry. Binds to a
 * {@link ColumnViewModel}; actions go to the {@link CompareViewModel}. UI thread only.
 */
public final class ColumnView extends VBox implements TextStreamListener {

    private static final PseudoClass DANGER = Styles.STATE_DANGER;
    private static final PseudoClass PICKED = PseudoClass.getPseudoClass("picked");

    private final ColumnViewModel column;
    private final CompareViewModel compare;
    private final StreamingTextArea thinking = new StreamingTextArea(Messages.get("column.thinking.placeholder"));
    private final StreamingTextArea answer = new StreamingTextArea(Messages.get("column.answer.placeholder"));
    private final TitledPane thinkingPane = new TitledPane();
    private final Label thinkingTitle = new Label(Messages.get("column.thinking"), Icons.icon(Feather.CPU));
    private final MetricsStrip metrics = new MetricsStrip();
    private final Label status = new Label();
    private final Label chip = new Label();
    private final Button cancel = Icons.button(null, Feather.STOP_CIRCLE, Messages.get("column.cancel.help"),
            Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
    private final Button retry = Icons.button(null, Feather.ROTATE_CW, Messages.get("column.retry.help"),
            Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
    private final Button remove = Icons.button(null, Feather.X, Messages.get("column.remove.help"),
            Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "remove-column");
    private final VBox errorBox = new VBox(6);
    private final Label errorTitle = new Label();
    private final Label errorText = new Label();
    private final Label answerTitle = new Label(Messages.get("column.answer"), Icons.icon(Feather.MESSAGE_SQUARE));
    private final VerdictBox verdict;
    private final NumbersFold numbers;
    private final Button numbersToggle = Icons.button(null, Feather.CHEVRON_DOWN,
            Messages.get("column.numbers.help"), Styles.FLAT, Styles.SMALL, "numbers-toggle");

    public ColumnView(ColumnViewModel column, CompareViewModel compare, NumbersFold numbers) {
        this.column = column;
        this.compare = compare;
        this.numbers = numbers;
        this.verdict = new VerdictBox(column.live().gradeProperty(), column.live().noticeProperty());
        getStyleClass().add("budget-column");
        setSpacing(8);
        setPadding(new Insets(12));
        // widths in em (thinkbench.css), so they follow the zoom
        getChildren().addAll(header(), budgetEditor(), body());
        column.live().addListener(this);
        column.live().stateProperty().addListener((obs, old, now) -> onState(now));
        column.live().metricsProperty().addListener((obs, old, now) -> onMetrics(now));
        column.live().statusTextProperty().addListener((obs, old, now) -> status.setText(now));
        column.live().errorProperty().addListener((obs, old, now) -> onError());
        column.unsupportedProperty().addListener((obs, old, now) -> onUnsupported(now));
        status.setText(column.live().statusTextProperty().get());
        onMetrics(column.live().getMetrics());
        onState(column.live().getState());
        onUnsupported(column.unsupportedProperty().get());
        onError();
    }

    private VBox header() {
        ColumnTitle title = new ColumnTitle(column.labelProperty());
        TextField label = title.field();
        HBox.setHgrow(title, Priority.ALWAYS);
        chip.getStyleClass().add("state-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> column.live().cancel());
        retry.setOnAction(e -> compare.retry(column));
        remove.setOnAction(e -> compare.removeColumn(column));
        // tight, so a title keeps its budget readable beside a badge and the cancel button in a narrow column
        HBox header = new HBox(4, title, chip, cancel, retry, remove,
                AccessibleNames.unseen(Messages.get("column.label.name"), label));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("budget-column-header");
        // a best-of-N candidate: its answer, score, and whether it was picked
        Label mark = new Label();
        mark.getStyleClass().addAll("candidate-mark", Styles.TEXT_SMALL);
        mark.textProperty().bind(column.candidateMarkProperty());
        mark.visibleProperty().bind(column.candidateMarkProperty().isNotEmpty());
        mark.managedProperty().bind(mark.visibleProperty());
        column.pickedProperty().addListener((obs, was, now) -> pseudoClassStateChanged(PICKED, now));
        pseudoClassStateChanged(PICKED, column.pickedProperty().get());
        return new VBox(4, header, mark);
    }

    private VBox budgetEditor() {
        TextField budget = new TextField();
        budget.textProperty().bindBidirectional(column.budgetTextProperty());
        budget.getStyleClass().addAll("budget-field", Styles.SMALL);
        budget.setTooltip(BudgetHelp.tooltip(column.budgetProperty(), column.meaningProperty()));
        // the keyboard's way to the same words: the lessons and the help send the reader to this tooltip
        FocusTooltip.showWhileFocused(budget);
        budget.setPromptText("none \u00b7 tokens:N \u00b7 effort:LEVEL \u00b7 force:max=N");
        Label error = new Label();
        error.getStyleClass().addAll("field-error", Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(column.budgetErrorProperty());
        error.visibleProperty().bind(column.budgetErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // the whole message (and the budget syntax it names) on hover: a narrow column cuts its last lines
        Icons.tipFollowing(error, column.budgetErrorProperty());
        column.budgetErrorProperty().addListener((obs, old, now) -> budget.pseudoClassStateChanged(DANGER,
                !now.isEmpty()));
        budget.pseudoClassStateChanged(DANGER, !column.budgetErrorProperty().get().isEmpty());
        Label meaning = new Label();
        meaning.getStyleClass().addAll("budget-meaning", Styles.TEXT_SMALL);
        meaning.setWrapText(true);
        meaning.setGraphic(Icons.icon(Feather.INFO));
        meaning.textProperty().bind(column.meaningProperty().map(ColumnView::headline));
        meaning.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip meaningTip = Icons.tip("");
        meaningTip.textProperty().bind(column.meaningProperty().map(m -> Messages.get("column.onEngine", m)));
        meaning.setTooltip(meaningTip);
        meaning.visibleProperty().bind(column.meaningProperty().isNotEmpty()
                .and(column.unsupportedProperty().isEmpty()));
        meaning.managedProperty().bind(meaning.visibleProperty());
        Label unsupported = new Label();
        unsupported.getStyleClass().addAll("budget-unsupported", Styles.TEXT_SMALL);
        unsupported.setWrapText(true);
        unsupported.setMinHeight(Region.USE_PREF_SIZE);
        unsupported.setGraphic(Icons.icon(Feather.SLASH));
        unsupported.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Messages.get(
                column.refusedByModelProperty().get() ? "column.notWithModel" : "column.notOnEngine",
                column.unsupportedProperty().get()), column.unsupportedProperty(), column.refusedByModelProperty()));
        unsupported.visibleProperty().bind(column.unsupportedProperty().isNotEmpty());
        unsupported.managedProperty().bind(unsupported.visibleProperty());
        VBox editor = new VBox(4, budget, error, meaning, unsupported,
                AccessibleNames.unseen(Messages.get("column.budget.name"), budget));
        editor.getStyleClass().add("budget-editor");
        return editor;
    }

    /**
     * A titled pane's title that never asks for more width than the pane has: "Thinking (summary) · 160 tokens" was
     * wider than a 1280-px column, and a titled pane is at least as wide as its title, so the thinking, the verdict and
     * the answer stuck out of the card. The title is cut with an ellipsis there instead (the fold tooltip stays).
     */
    static LayoutBoundary fittedTitle(TitledPane pane, Label title) {
        LayoutBoundary boundary = new LayoutBoundary(title);
        title.setMinWidth(0);
        // the pane's arrow and paddings take about 3 em of its title row
        boundary.limitWidth(pane.widthProperty().subtract(title.getFont().getSize() * 3));
        boundary.setMinWidth(0);
        // its own minimum is its title's whole width: the column decides its width, the title follows
        pane.setMinWidth(0);
        return boundary;
    }

    private VBox body() {
        thinkingPane.setContent(thinking);
        // The title counts tokens live: as a label in a layout boundary it changes without the titled pane
        // rebuilding its title (which its own text would make it do) or the column laying out again.
        thinkingTitle.getStyleClass().add("thinking-title");
        thinkingTitle.setStyle("-fx-font-size: 1.1em;"); // as AtlantaFX draws a dense titled pane's own title
        thinkingPane.setGraphic(fittedTitle(thinkingPane, thinkingTitle));
        thinkingPane.setAccessibleText(Messages.get("column.thinking"));
        thinkingPane.setAnimated(false);
        thinkingPane.getStyleClass().addAll("thinking-pane", Styles.DENSE);
        thinkingPane.setMaxHeight(Double.MAX_VALUE);
        // on the title only: over the text, the pointer asks about the token under it
        thinkingTitle.setTooltip(Icons.tip(Messages.get("column.thinking.fold")));
        VBox.setVgrow(thinkingPane, Priority.ALWAYS);
        // heights in em (thinkbench.css): the thinking takes what the answer leaves, down to a few lines each
        thinking.getStyleClass().add("thinking-area");
        thinking.setHoverInfo(offset -> HesitationText.describe(column.live().thinkingHesitationAt(offset)));
        answerTitle.getStyleClass().add("section-title");
        answer.getStyleClass().add("answer-text");
        answer.setHoverInfo(offset -> HesitationText.describe(column.live().answerHesitationAt(offset)));
        // the extracted answer and its mark stand above; the raw text below takes less room than the thinking
        VBox.setVgrow(answer, Priority.SOMETIMES);
        errorBox.getStyleClass().add("error-box");
        errorTitle.getStyleClass().add("error-title");
        errorTitle.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        errorText.setWrapText(true);
        // A server's message can run to a dozen lines (a 400 with its JSON body): it stops at two lines
        // (thinkbench.css) with an ellipsis, whole in its tooltip, so the thinking kept above stays readable.
        errorText.setMinHeight(Region.USE_COMPUTED_SIZE);
        Icons.tipFollowing(errorText, errorText.textProperty());
        errorTitle.setWrapText(true);
        errorTitle.setMinHeight(Region.USE_PREF_SIZE);
        errorBox.setMinHeight(Region.USE_PREF_SIZE);
        errorText.getStyleClass().add("error-text");
        Button retryNow = Icons.button(Messages.get("column.retry"), Feather.ROTATE_CW, Messages.get("column.retry.help"), Styles.SMALL,
                Styles.DANGER);
        retryNow.setOnAction(e -> compare.retry(column));
        retryNow.setMinWidth(Region.USE_PREF_SIZE);
        // Retry beside the title, not on a row of its own: at 1280x720 every row here is taken from the thinking
        HBox.setHgrow(errorTitle, Priority.ALWAYS);
        errorTitle.setMaxWidth(Double.MAX_VALUE);
        HBox errorHead = new HBox(6, errorTitle, retryNow);
        errorHead.setAlignment(Pos.TOP_LEFT);
        errorBox.getChildren().addAll(errorHead, errorText);
        status.getStyleClass().addAll("status-line", Styles.TEXT_SMALL);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Region line = new Region();
        line.getStyleClass().add("hairline");
        metrics.allShownProperty().bind(numbers.allShownProperty());
        numbersToggle.setOnAction(e -> numbers.toggle());
        numbersToggle.setMinWidth(Region.USE_PREF_SIZE);
        numbers.allShownProperty().addListener((obs, old, now) -> showNumbersToggle(now));
        showNumbersToggle(numbers.allShownProperty().get());
        // Metrics and status change several times a second: layout boundaries keep that from laying out the column.
        LayoutBoundary statusBox = new LayoutBoundary(status);
        HBox.setHgrow(statusBox, Priority.ALWAYS);
        statusBox.setMinWidth(0);
        HBox statusLine = new HBox(4, statusBox, numbersToggle);
        statusLine.setAlignment(Pos.TOP_LEFT);
        VBox body = new VBox(8, thinkingPane, answerTitle, verdict, answer, errorBox, line,
                new LayoutBoundary(metrics), statusLine);
        body.getStyleClass().add("column-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    private void showNumbersToggle(boolean allShown) {
        numbersToggle.setText(Messages.get(allShown ? "column.numbers.fewer" : "column.numbers.all"));
        numbersToggle.setGraphic(Icons.icon(allShown ? Feather.CHEVRON_UP : Feather.CHEVRON_DOWN));
    }

    /** The first clause of an engine's description ("reasoning_effort=low"); the rest goes to the tooltip. */
    static String headline(String meaning) {
        int colon = meaning.indexOf(": ");
        return colon > 0 ? meaning.substring(0, colon) : meaning;
    }

    private void onState(ColumnState state) {
        chip.setText(switch (state) {
            case IDLE -> Messages.get("column.state.idle");
            case SKIPPED -> Messages.get("column.state.skipped");
            case WAITING -> Messages.get("column.state.waiting");
            case THINKING -> Messages.get("column.state.thinking");
            case ANSWERING -> Messages.get("column.state.answering");
            case DONE -> Messages.get("column.state.done");
            case FAILED -> Messages.get("column.state.failed");
            case CANCELLED -> Messages.get("column.state.cancelled");
        });
        for (ColumnState s : ColumnState.values()) {
            chip.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)), s == state);
        }
        cancel.setVisible(state.active());
        cancel.setManaged(state.active());
        boolean canRetry = compare.canRetry(column);
        retry.setVisible(canRetry);
        retry.setManaged(canRetry);
        thinking.setPlaceholder(switch (state) {
            case DONE -> Messages.get("column.thinking.none");
            case FAILED, CANCELLED -> Messages.get("column.thinking.noneArrived");
            default -> Messages.get("column.thinking.placeholder");
        });
        answer.setPlaceholder(state.partial() ? Messages.get("column.answer.none") : Messages.get("column.answer.placeholder"));
        pseudoClassStateChanged(PseudoClass.getPseudoClass("partial"), state.partial());
        if (state == ColumnState.DONE) {
            // Once per run, after this frame's last text is in: a finished answer reads from its first line.
            Platform.runLater(answer::showStart);
        }
        // A run that ended early without an answer: its error box takes the answer's place.
        showAnswer(!(state.partial() && answer.length() == 0));
    }

    private void onMetrics(RunMetrics m) {
        metrics.show(m);
        String count = Formats.tokens(m.thinkingTokens());
        String title = column.live().thinkingSummaryProperty().get() ? Messages.get("column.thinking.summary") : Messages.get("column.thinking");
        thinkingTitle.setText(!m.thinkingTokens().known() ? title : "1".equals(count)
                ? Messages.get("column.thinking.oneToken", title) : Messages.get("column.thinking.tokens", title, count));
    }

    private void onError() {
        String message = column.live().errorProperty().get();
        boolean show = !message.isEmpty();
        errorBox.setVisible(show);
        errorBox.setManaged(show);
        if (show) {
            FailureKind kind = column.live().failureKindProperty().get();
            errorTitle.setText(errorTitle(kind, column.live().hasOutput()));
            errorText.setText(inWindowLanguage(kind, message));
        }
    }

    /**
     * The engine's message (English: the command line and logs share it) led, in a window of another language, by
     * what the failure means and what to do in that language; the message stays as its detail (it names the server,
     * the status and the server's own words). In English the message says both already (the bundle's English advice
     * keys exist for the bundles' parity).
     */
    static String inWindowLanguage(FailureKind kind, String message) {
        if (!Messages.korean()) {
            return message;
        }
        String key = "column.error.advice." + (kind == null ? FailureKind.UNKNOWN : kind).name().toLowerCase(
                java.util.Locale.ROOT);
        return Messages.bundle().containsKey(key) ? Messages.get(key) + "\n" + Messages.get("column.error.detail",
                message) : message;
    }

    /**
     * The failure box's title: what failed and, when the run wrote something first, that it is kept (said here only;
     * the status line under it just says when the run failed).
     */
    static String errorTitle(FailureKind kind, boolean partialOutput) {
        return partialOutput ? Messages.get("column.error.partialKept", titleOf(kind)) : titleOf(kind);
    }

    private static String titleOf(FailureKind kind) {
        if (kind == null) {
            return Messages.get("column.error.failed");
        }
        return switch (kind) {
            case UNREACHABLE -> Messages.get("column.error.unreachable");
            case AUTHENTICATION -> Messages.get("column.error.authentication");
            case MODEL_NOT_FOUND -> Messages.get("column.error.model_not_found");
            case RATE_LIMITED -> Messages.get("column.error.rate_limited");
            case BAD_REQUEST -> Messages.get("column.error.bad_request");
            case SERVER_ERROR -> Messages.get("column.error.server_error");
            case STREAM_CUT -> Messages.get("column.error.stream_cut");
            case MALFORMED_STREAM -> Messages.get("column.error.malformed_stream");
            case TIMEOUT -> Messages.get("column.error.timeout");
            case ENGINE_CRASHED -> Messages.get("column.error.engine_crashed");
            case UNSUPPORTED -> Messages.get("column.error.unsupported");
            case CONTENT_FILTERED -> Messages.get("column.error.content_filtered");
            case UNKNOWN -> Messages.get("column.error.failed");
        };
    }

    private void onUnsupported(String reason) {
        pseudoClassStateChanged(PseudoClass.getPseudoClass("unsupported"), !reason.isEmpty());
    }

    private void showAnswer(boolean show) {
        if (answer.isVisible() != show) {
            answer.setVisible(show);
            answer.setManaged(show);
            answerTitle.setVisible(show);
            answerTitle.setManaged(show);
        }
    }

    @Override
    public void append(List<TextChunk> chunks) {
        for (TextChunk c : chunks) {
            switch (c.part()) {
                case THINKING -> thinking.append(c.text(), c.confidence() == null ? "thinking-text"
                        : c.confidence().styleClass());
                case INSERTED -> thinking.append(c.text(), "inserted-text");
                case ANSWER -> {
                    answer.append(c.text(), c.confidence() == null ? "answer-text"
                            : c.confidence().styleClass());
                    showAnswer(true);
                }
            }
        }
    }

    @Override
    public void reset() {
        thinking.clear();
        answer.clear();
        showAnswer(true);
    }

    /** Stops listening to the column (when the column is removed). */
    public void dispose() {
        column.live().removeListener(this);
        column.live().cancel();
    }

    public ColumnViewModel viewModel() {
        return column;
    }

    /** The area showing the thinking, for tests. */
    StreamingTextArea thinkingArea() {
        return thinking;
    }

    /** The area showing the answer's text, for tests. */
    StreamingTextArea answerArea() {
        return answer;
    }

    /** The thinking text shown, for tests. */
    public String thinkingText() {
        return thinking.text();
    }

    /** The answer text shown, for tests. */
    public String answerText() {
        return answer.text();
    }

    public VerdictBox verdictBox() {
        return verdict;
    }

    public MetricsStrip metricsStrip() {
        return metrics;
    }

    /** The button that shows all numbers or the key ones, for tests. */
    Button numbersToggle() {
        return numbersToggle;
    }
}
