package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.ThinkingSegment;
import dev.thinkbench.core.Trace;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.ui.compare.MetricsStrip;
import dev.thinkbench.ui.text.StreamingTextArea;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One run of a sweep in full, read-only, with the Compare column's pieces: the prompt, the thinking (Waits and forced
 * answers in their own style) and the answer in {@link StreamingTextArea}s (Ctrl+F finds), the {@link MetricsStrip},
 * the verdict and the grade buttons, and for best-of-N or adaptive thinking the candidates or probes and how the pick
 * was made. A run still in flight streams live from its recorder ({@link #tick}). UI thread only.
 */
final class TraceView extends VBox {

    private static final int LIVE_EVERY_FRAMES = 6;

    private final Function<RunKey, Optional<RunDetail>> details;
    private final BiConsumer<RunKey, Boolean> grade;
    private final BiPredicate<RunKey, Runnable> fetch;
    private final Label heading = new Label();
    private final Label verdict = new Label();
    private final Label prompt = new Label();
    /** Shows a long prompt whole, or its start again ({@link #PROMPT_HEAD_CHARS}). */
    private final javafx.scene.control.Hyperlink promptMore = new javafx.scene.control.Hyperlink();
    /** The run's prompt whole; the label may show its start only. */
    private String promptText = "";
    private boolean promptWhole;
    private final StreamingTextArea thinking = new StreamingTextArea(Messages.get("column.thinking.none"));
    private final StreamingTextArea answer = new StreamingTextArea(Messages.get("sweep.trace.answer.placeholder"));
    private final MetricsStrip metrics = new MetricsStrip();
    private final Label note = new Label();
    private final TableView<Candidate> candidates = new TableView<>();
    private final Label numbers = new Label();
    /**
     * Over the metrics of a run with candidates or probes: they are the chosen candidate's (or the thinking's without
     * its probes), the line at the top the whole run's.
     */
    private final Label metricsCaption = new Label();
    private final Button markRight = new Button(Messages.get("sweep.trace.markRight"));
    private final Button markWrong = new Button(Messages.get("sweep.trace.markWrong"));
    private final Button useGrader = new Button(Messages.get("sweep.trace.useGrader"));
    private RunKey key;
    private RunRecorder live;
    private int liveThinking;
    private int liveAnswer;
    private long frames;
    private String thinkingPlaceholder = Messages.get("column.thinking.none");

    /**
     * @param fetch starts reading a finished run's trace that {@code details} does not have (it finished in an
     *              earlier session) and runs the given callback once done; false when there is nothing to read
     */
    TraceView(Function<RunKey, Optional<RunDetail>> details, BiConsumer<RunKey, Boolean> grade,
              BiPredicate<RunKey, Runnable> fetch) {
        this.details = details;
        this.grade = grade;
        this.fetch = fetch;
        setId("traceView");
        getStyleClass().add("trace-view");
        setSpacing(8);
        setPadding(new Insets(12));
        heading.getStyleClass().addAll(Styles.TITLE_4, "trace-heading");
        heading.setWrapText(true);
        verdict.getStyleClass().add("trace-verdict");
        verdict.setWrapText(true);
        prompt.getStyleClass().add("trace-prompt");
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        promptMore.setId("tracePromptMore");
        promptMore.getStyleClass().add(Styles.TEXT_SMALL);
        promptMore.setOnAction(e -> {
            promptWhole = !promptWhole;
            showPrompt();
        });
        answer.getStyleClass().add("answer-text");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        candidates.setId("candidatesTable");
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        candidates.setPrefHeight(140);
        candidates.setMinHeight(112); // a header and three rows at least
        candidates.getColumns().addAll(List.of(
                column("#", c -> Integer.toString(c.index() + 1)),
                column(Messages.get("sweep.candidates.answer"), c -> c.extracted() == null
                        ? Messages.get("sweep.table.none") : c.extracted()),
                column(Messages.get("sweep.candidates.tokens"), c -> RunWords.tokens(c.tokens())),
                column(Messages.get("sweep.candidates.score"), c -> c.score() == null ? Formats.DASH
                        : c.call() == null ? Messages.get("sweep.candidates.confidence",
                                dev.thinkbench.core.SurePercent.of(c.score()))
                        : String.format(Locale.ROOT, "%.0f", c.score())),
                column(Messages.get("sweep.candidates.status"), c -> c.call() == null
                        ? Messages.get("sweep.candidates.probe") : RunWords.status(c.call().status().wireName()))));
        markRight.setOnAction(e -> setGrade(true));
        markWrong.setOnAction(e -> setGrade(false));
        useGrader.setOnAction(e -> setGrade(null));
        markRight.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
        markWrong.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        useGrader.getStyleClass().add(Styles.SMALL);
        markRight.setTooltip(new javafx.scene.control.Tooltip(Messages.get("sweep.trace.markRight.help")));
        markWrong.setTooltip(new javafx.scene.control.Tooltip(Messages.get("sweep.trace.markWrong.help")));
        useGrader.setTooltip(new javafx.scene.control.Tooltip(Messages.get("sweep.trace.useGrader.help")));
        Label setBy = new Label(Messages.get("sweep.trace.gradeByHand"));
        setBy.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox grading = new HBox(6, setBy, markRight, markWrong, useGrader);
        grading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grading.managedProperty().bind(markRight.managedProperty());
        grading.visibleProperty().bind(markRight.visibleProperty());
        numbers.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        numbers.setWrapText(true);
        numbers.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of being cut
        numbers.setTooltip(Icons.tip(Messages.get("sweep.trace.runTime.help")));
        VBox thinkingBox = titled(Messages.get("column.thinking"), thinking);
        VBox answerBox = titled(Messages.get("column.answer"), answer);
        SplitPane texts = new SplitPane(thinkingBox, answerBox);
        texts.setOrientation(Orientation.VERTICAL);
        texts.setDividerPositions(0.68);
        texts.setMinHeight(230); // some lines of thinking and of the answer, however short the window
        VBox.setVgrow(texts, Priority.ALWAYS);
        metricsCaption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        metricsCaption.setWrapText(true);
        metricsCaption.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(heading, prompt, promptMore, verdict, numbers, grading, texts, metricsCaption, metrics, note,
                candidates);
    }

    /** The line over the metrics of a run with candidates or probes, empty when hidden; for tests. */
    String metricsCaptionText() {
        return metricsCaption.isVisible() ? metricsCaption.getText() : "";
    }

    private static VBox titled(String title, Region content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, l, content);
        box.setMinHeight(60);
        return box;
    }

    private static TableColumn<Candidate, String> column(String title, Function<Candidate, String> text) {
        TableColumn<Candidate, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private void setGrade(Boolean verdictByHand) {
        if (key != null) {
            grade.accept(key, verdictByHand);
            show(key, promptText);
        }
    }

    /** A prompt longer than this shows its start, with a link to the whole (a 20,000-character prompt pushed the
     * verdict and the thinking out of sight). */
    static final int PROMPT_HEAD_CHARS = 600;

    private void setPrompt(String text) {
        promptText = text == null ? "" : text;
        showPrompt();
    }

    private void showPrompt() {
        boolean longer = promptText.length() > PROMPT_HEAD_CHARS;
        prompt.setText(!longer || promptWhole ? promptText
                : promptText.substring(0, PROMPT_HEAD_CHARS).stripTrailing() + "\u2026");
        promptMore.setText(!longer ? "" : promptWhole ? Messages.get("sweep.trace.promptLess")
                : Messages.get("sweep.trace.promptMore", promptText.length()));
        promptMore.setVisible(longer);
        promptMore.setManaged(longer);
    }

    /** The prompt as shown (its start, when long), for tests. */
    String promptShown() {
        return prompt.getText();
    }

    /** Shows no run: the one shown is in the table no more (another sweep was laid out). */
    void clear() {
        key = null;
        live = null;
        heading.setText("");
        setPrompt("");
        verdict.setText("");
        numbers.setText("");
        thinking.clear();
        answer.clear();
        setGradingVisible(false);
        metrics.setVisible(false);
        metrics.setManaged(false);
        showCandidates(List.of(), "");
        placeholder(Messages.get("column.thinking.none"));
    }

    /** Shows the run of {@code runKey}; {@code promptText} is its problem's prompt. */
    void show(RunKey runKey, String promptText) {
        key = runKey;
        if (!promptText.equals(this.promptText)) {
            promptWhole = false; // another run's prompt starts folded again
        }
        setPrompt(promptText);
        heading.setText(Messages.get("sweep.trace.heading", runKey.problemId(),
                StrategyNames.shown(runKey.strategy()), runKey.label(),
                runKey.sample() + 1));
        RunDetail d = details.apply(runKey).orElse(null);
        live = d == null ? null : d.live();
        thinking.clear();
        answer.clear();
        liveThinking = 0;
        liveAnswer = 0;
        if (live != null) {
            verdict.setText(Messages.get("sweep.trace.runningNow"));
            numbers.setText("");
            metrics.setVisible(true);
            metrics.setManaged(true);
            setGradingVisible(false);
            showCandidates(List.of(), "");
            pollLive();
            return;
        }
        SweepRecord r = d == null ? null : d.record();
        verdict.setText(r == null ? Messages.get("sweep.trace.notRun") : verdictOf(r));
        numbers.setText(r == null ? "" : numbersOf(r));
        setGradingVisible(r != null && r.ok());
        useGrader.setDisable(r == null || !r.gradeOverridden());
        boolean withMetrics = d != null && d.metrics() != null;
        metrics.setVisible(withMetrics);
        metrics.setManaged(withMetrics);
        if (d != null && d.trace() != null) {
            showTrace(d.trace());
            metrics.show(d.metrics() == null ? RunMetrics.empty() : d.metrics());
        } else {
            metrics.show(RunMetrics.empty());
            placeholder(Messages.get(r == null ? "sweep.trace.noThinkingYet" : "sweep.trace.noTrace"));
            if (r != null && r.answer() != null) {
                answer.append(Messages.get("sweep.trace.asGraded", r.answer()), "answer-text");
            }
        }
        showCandidates(d == null ? List.of() : d.candidates(),
                d == null || d.note() == null ? "" : WindowWording.of(d.note()));
        thinking.showStart();
        answer.showStart();
        if (r != null && d.trace() == null) {
            // last: the read may finish at once (and show the run again) or later, if this run is still shown then
            placeholder(Messages.get("sweep.trace.loading"));
            if (!fetch.test(runKey, () -> {
                if (runKey.equals(key) && live == null) {
                    show(runKey, promptText);
                }
            })) {
                placeholder(Messages.get("sweep.trace.noTrace"));
            }
        }
    }

    private void setGradingVisible(boolean show) {
        for (Button b : List.of(markRight, markWrong, useGrader)) {
            b.setVisible(show);
            b.setManaged(show);
        }
    }

    private static String verdictOf(SweepRecord r) {
        if (!r.ok()) {
            return RunWords.failure(r);
        }
        String expected = r.expected() == null ? Messages.get("sweep.trace.noExpected")
                : Messages.get("sweep.run.expected", r.expected());
        String answerText = r.answer() == null ? Messages.get("sweep.trace.noAnswer")
                : Messages.get("sweep.run.answer", r.answer());
        String mark = r.correct() == null ? "" : r.correct() ? "\u2713 " + Messages.get("sweep.run.correct")
                + " \u00b7 " : "\u2717 " + Messages.get("sweep.run.wrong") + " \u00b7 ";
        return mark + answerText + " \u00b7 " + expected
                + (r.gradeOverridden() ? " \u00b7 " + Messages.get("sweep.run.byHand") : "");
    }

    /**
     * The result line's numbers, e.g. {@code compute 24 tokens · answer 3 tokens · 0.41 s in all · free · builtin}:
     * the whole run's time (every candidate and probe; the tooltip says so), where the metrics below are the shown trace's.
     */
    private static String numbersOf(SweepRecord r) {
        String cost = r.costUsd() == null ? Messages.get("sweep.trace.costUnknown") : r.costUsd() == 0
                ? Messages.get("money.free") : String.format(Locale.ROOT, "$%.6f", r.costUsd());
        return Messages.get("sweep.trace.numbers", RunWords.tokens(r.thinkingTokens()),
                RunWords.tokens(r.answerTokens()), RunWords.computeOf(r.strategy())) + " \u00b7 "
                + Messages.get("sweep.trace.runTime", Formats.millis(r.totalMs())) + " \u00b7 " + cost
                + (r.endpoint() == null ? "" : " \u00b7 " + EngineNames.of(r.endpoint(), r.endpoint()));
    }

    private void showTrace(Trace t) {
        for (ThinkingSegment s : t.segments()) {
            if (!s.insertedText().isEmpty()) {
                thinking.append(s.insertedText(), "inserted-text");
            }
            if (!s.text().isEmpty()) {
                thinking.append(s.text(), "thinking-text");
            }
        }
        if (!t.forcedText().isEmpty()) {
            thinking.append(t.forcedText(), "inserted-text"); // where the budget cut the thinking, as Compare shows it
        }
        if (t.answer() != null && !t.answer().isEmpty()) {
            answer.append(t.answer(), "answer-text");
        }
        if (t.error() != null) {
            answer.append((t.answer() == null || t.answer().isEmpty() ? "" : "\n\n")
                    + Messages.get("sweep.trace.failed", t.error()), "inserted-text");
        }
    }

    private void showCandidates(List<Candidate> list, String how) {
        candidates.getItems().setAll(list);
        candidates.setVisible(!list.isEmpty());
        candidates.setManaged(!list.isEmpty());
        boolean probes = list.stream().allMatch(c -> c.call() == null);
        metricsCaption.setText(Messages.get(probes ? "sweep.trace.metricsWithoutProbes" : "sweep.trace.metricsOfChosen"));
        metricsCaption.setVisible(!list.isEmpty() && metrics.isManaged());
        metricsCaption.setManaged(metricsCaption.isVisible());
        note.setText(how);
        note.setVisible(!how.isEmpty());
        note.setManaged(!how.isEmpty());
    }

    /**
     * Shows its run again when {@code changed} is that run (a new call of it started: a sweep runs it again, or its
     * strategy's next call) or null (every run may have changed: a new sweep laid out the table). Returns whether it
     * did.
     */
    boolean refreshIfShowing(RunKey changed) {
        return refreshIfShowing(changed, k -> promptText);
    }

    /**
     * As {@link #refreshIfShowing(RunKey)}, reading the run's prompt from {@code prompts}: a new table may hold
     * another problem under the same id; null from it means the run is in the table no more, and the view is
     * cleared.
     */
    boolean refreshIfShowing(RunKey changed, Function<RunKey, String> prompts) {
        if (key == null || changed != null && !changed.equals(key)) {
            return false;
        }
        String promptText = prompts.apply(key);
        if (promptText == null) {
            clear();
        } else {
            show(key, promptText);
        }
        return true;
    }

    /** Whether it shows a run in flight (it needs frames to follow it). */
    boolean following() {
        return live != null;
    }

    /** Follows a run in flight: new text every few frames; once it has finished, shows its result. */
    void tick() {
        if (live == null || ++frames % LIVE_EVERY_FRAMES != 0) {
            return;
        }
        pollLive();
        Optional<RunDetail> now = details.apply(key);
        if (now.isPresent() && now.get().live() == null) {
            show(key, promptText);
        }
    }

    private void pollLive() {
        Trace t = live.trace();
        String th = t.thinking();
        if (th.length() > liveThinking) {
            thinking.append(th.substring(liveThinking), "thinking-text");
            liveThinking = th.length();
        }
        String an = t.answer() == null ? "" : t.answer();
        if (an.length() > liveAnswer) {
            answer.append(an.substring(liveAnswer), "answer-text");
            liveAnswer = an.length();
        }
        metrics.show(live.metrics(System.nanoTime()));
    }

    private void placeholder(String text) {
        thinkingPlaceholder = text;
        thinking.setPlaceholder(text);
    }

    /** What the thinking area says while it has no text. */
    String thinkingPlaceholder() {
        return thinkingPlaceholder;
    }

    RunKey shownKey() {
        return key;
    }

    StreamingTextArea thinkingArea() {
        return thinking;
    }

    StreamingTextArea answerArea() {
        return answer;
    }

    String verdictText() {
        return verdict.getText();
    }
}
