package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.OnFx;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Experiments tab, headless, against a scripted sweep engine ({@link AnswerTestEngine}) on the engine bar: a
 * problem file with one bad line, the small / medium / large presets ({@code none}, {@code effort:low},
 * {@code effort:high}); the larger the budget, the more thinking and the more right answers.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ExperimentsViewTest {

    /** prompt -> expected answer; the engine gets the easy ones right at low effort and all of them at high. */
    private static final Map<String, String> ANSWERS = Map.of("What is 2 + 2?", "4", "What is 3 + 5?", "8",
            "What is 7 x 6?", "42", "What is 12 x 12?", "144");
    private static final String PROBLEMS = """
            {"id":"p1","prompt":"What is 2 + 2?","answer":"4","difficulty":1}
            {"id":"p2","prompt":"What is 3 + 5?","answer":"8","difficulty":1}
            {"id":"broken", "prompt": 
            {"id":"p3","prompt":"What is 7 x 6?","answer":"42","difficulty":2}
            {"id":"p4","prompt":"What is 12 x 12?","answer":"144","difficulty":3}
            """;

    /** Put before every answer from then on (a later sweep's runs differ from the first's). */
    private volatile String answerPrefix = "";
    /** Every call fails as when the server is not there. */
    private volatile boolean serverGone;
    private final AnswerTestEngine engine = new AnswerTestEngine("answers", spec -> {
        if (serverGone) {
            return AnswerTestEngine.Reply.fail(dev.thinkbench.core.FailureKind.UNREACHABLE, "connection refused");
        }
        AnswerTestEngine.Reply r = reply(spec);
        return answerPrefix.isEmpty() ? r : AnswerTestEngine.Reply.answer(answerPrefix + r.answer(), r.thinkingTokens());
    });
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private Path dir;
    private SweepStore store;
    private ExperimentsView view;
    private ExperimentsViewModel vm;
    private Stage stage;

    static AnswerTestEngine.Reply reply(RunSpec spec) {
        String expected = ANSWERS.getOrDefault(spec.prompt(), "?");
        String budget = spec.budget().spec();
        boolean easy = expected.length() == 1;
        return switch (budget) {
            case "none" -> AnswerTestEngine.Reply.answer("Final Answer: 0", 0);
            case "effort:low" -> AnswerTestEngine.Reply.answer("Final Answer: " + (easy ? expected : "1"), 8);
            default -> AnswerTestEngine.Reply.answer("I think it through. Final Answer: " + expected, 32);
        };
    }

    @Start
    void start(Stage primary) throws Exception {
        // a stage of its own, 1280 x 800 whatever earlier test classes did to the shared one
        this.stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        // the app's theme, whatever an earlier test class left as the user agent stylesheet (Modena's larger type
        // wrapped the status line and moved the table in a full run)
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        dir = Files.createTempDirectory("thinkbench-experiments");
        Files.writeString(dir.resolve("set.jsonl"), PROBLEMS, StandardCharsets.UTF_8);
        store = new SweepStore(dir.resolve("sweeps"));
        view = build(store);
        vm = view.viewModel();
        stage.setScene(new Scene(view, 1280, 800));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    private ExperimentsView build(SweepStore sweeps) {
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment());
        connection.modelProperty().set("test-model");
        ExperimentsView v = new ExperimentsView(new ExperimentsViewModel(connection, services, sweeps,
                dir.resolve("no-samples-here"), tasks, SweepRunner.Options.defaults().withClock(new RecordingTestClock()).pausingWhenNoEndpoint()));
        v.setChoosers(w -> dir.resolve("set.jsonl"), w -> dir.resolve("export"));
        return v;
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> vm.close());
        WaitForAsyncUtils.asyncFx(() -> stage.hide());
        WaitForAsyncUtils.waitForFxEvents();
        tasks.shutdown();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        waitUntil(what, condition, () -> "");
    }

    private static void waitUntil(String what, Callable<Boolean> condition, Callable<String> state)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + " " + WaitForAsyncUtils.asyncFx(state).get(),
                    e);
        }
    }

    /** Imports the problem file through the form's Import button. */
    private void importProblems(FxRobot robot) throws Exception {
        robot.clickOn("Import\u2026");
        waitUntil("the problems load", () -> vm.setup().problemsProperty().get().size() == 4);
    }

    /** Imports the problems and runs the sweep set up in the form to its end. */
    private void runSweep(FxRobot robot) throws Exception {
        importProblems(robot);
        robot.clickOn("#startSweep");
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
    }

    /** Clicks the cell of {@code problem} at budget {@code label}, and waits until its trace is shown. */
    private void openTrace(FxRobot robot, String problem, String label) throws Exception {
        robot.clickOn(cell(problem, label));
        waitUntil("the trace shows", () -> view.traceView().shownKey() != null);
    }

    private SummaryRow summary(String label) {
        return vm.results().figures().rows().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void importingReportsTheBadLineAndASweepStreamsIntoTableChartsAndProgress(FxRobot robot) throws Exception {
        importProblems(robot);
        Label issues = view.setupController().issuesLabel();
        assertThat(issues.isVisible()).isTrue();
        assertThat(issues.getText()).startsWith("line 3: not valid JSON").endsWith("(skipped)");
        assertThat(vm.setup().problemsStatusProperty().get()).contains("4 problems", "difficulty 1\u20133",
                "1 line skipped");
        assertThat(vm.setup().planTextProperty().get()).endsWith("= 12 runs");
        Node grid = robot.lookup("#resultsGrid").query();
        Node line = robot.lookup("#sweepMessage").query();
        // the status line keeps its place while empty: what it says when the sweep ends moves nothing under it (the
        // title above may take a second line once it names the sweep: measured against the line itself)
        double lineHeight = OnFx.call(() -> line.getLayoutBounds().getHeight());
        double lineToGrid = OnFx.call(() -> grid.localToScene(0, 0).getY() - line.localToScene(0, 0).getY());
        robot.interact(view::startSweep); // as Start does
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageProperty().get()).startsWith("Done: 12 runs");
        assertThat(OnFx.call(() -> line.getLayoutBounds().getHeight())).as("the line says Done in the room it kept")
                .isEqualTo(lineHeight);
        assertThat(OnFx.call(() -> grid.localToScene(0, 0).getY() - line.localToScene(0, 0).getY()))
                .as("the table stays put under the line when it says Done").isEqualTo(lineToGrid);

        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).startsWith("12 of 12 runs \u00b7 6 of 12 correct (50%)");
        assertThat(vm.results().rows()).hasSize(4).allSatisfy(row -> assertThat(row.cells())
                .extracting(ResultCell::state).doesNotContain(CellState.PENDING, CellState.RUNNING));
        assertThat(vm.results().columns()).extracting(ColumnKey::label).containsExactly("small", "medium", "large");
        assertThat(summary("small").accuracy()).isZero();
        assertThat(summary("medium").accuracy()).isEqualTo(0.5);
        assertThat(summary("large").accuracy()).isEqualTo(1.0);
        assertThat(vm.results().figures().measures()).singleElement()
                .satisfies(m -> assertThat(m.performance()).isEqualTo(1.0));
        TokensChart tokens = (TokensChart) view.charts().views().getFirst();
        assertThat(tokens.chart().getData()).singleElement()
                .satisfies(s -> assertThat(s.getData()).hasSize(3));
        assertThat(view.charts().measures().shown()).singleElement().satisfies(m -> assertThat(m.strategy())
                .isEqualTo("fixed"));
        assertThat(view.charts().measures().getItems()).hasSize(5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tokens.chart().getYAxis().getTickMarks()).as("the accuracy axis labels 100")
                .filteredOn(m -> m.getValue().doubleValue() == 100)
                .singleElement().satisfies(m -> assertThat(m.isTextVisible()).isTrue());
        assertThat(view.setupShown()).as("in a 1280-wide window the form makes way for the results").isFalse();
        robot.clickOn("#setupToggle");
        assertThat(view.setupShown()).isTrue();
        assertThat(robot.lookup("#startSweep").queryButton().isVisible()).isTrue();
        List<SweepRecord> saved = ResultLog.read(vm.resultsFile()).latest();
        assertThat(saved).hasSize(12);
        assertThat(store.list()).singleElement().extracting(SweepStore.Saved::status)
                .isEqualTo(SweepStore.Status.FINISHED);
    }

    @Test
    void theRangeSliderShowsTheRangeTheFormCounts(FxRobot robot) throws Exception {
        robot.clickOn("Range");
        WaitForAsyncUtils.waitForFxEvents();
        org.controlsfx.control.RangeSlider range = robot.lookup("#range").queryAs(
                org.controlsfx.control.RangeSlider.class);
        assertThat(vm.setup().rangeTextProperty().get()).isEqualTo("off, then 8 .. 256 tokens, doubling (7 budgets)");
        assertThat(range.getLowValue()).as("2^3 = 8 tokens, not clamped under the slider's first high value")
                .isEqualTo(3.0);
        assertThat(range.getHighValue()).isEqualTo(8.0);
        Node track = range.lookup(".track");
        Node low = range.lookup(".low-thumb");
        Node high = range.lookup(".high-thumb");
        double perStep = track.getLayoutBounds().getWidth() / range.getMax();
        double lowCentre = low.getBoundsInParent().getCenterX() - track.getBoundsInParent().getMinX();
        double highCentre = high.getBoundsInParent().getCenterX() - track.getBoundsInParent().getMinX();
        assertThat(lowCentre / perStep).as("the low thumb is drawn at 8 tokens").isCloseTo(3.0,
                org.assertj.core.data.Offset.offset(0.4));
        assertThat(highCentre / perStep).isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.4));
    }

    @Test
    void withTheFormHiddenTheKeyboardStaysInTheTabAndCtrlEnterStartsTheNextSweep(FxRobot robot) throws Exception {
        runSweep(robot);
        assertThat(view.setupShown()).as("in a 1280-wide window the form makes way for the results").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get())
                .as("the focus left the hidden Start button for the toggle that shows the form")
                .isSameAs(robot.lookup("#setupToggle").query());

        robot.interact(() -> stage.getScene().getRoot().requestFocus());
        robot.interact(view::requestFocus); // as when the tab is selected
        assertThat(WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get())
                .isSameAs(robot.lookup("#setupToggle").query());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil("a second sweep has run", () -> store.list().size() == 2
                && vm.phaseProperty().get() == Phase.ENDED);
    }

    @Test
    void theTableIsLaidOutForTheSweepSetUpBeforeStartAndStartFillsTheSameCells(FxRobot robot) throws Exception {
        assertThat(vm.results().rows()).as("nothing set up: nothing shown").isEmpty();
        importProblems(robot);
        assertThat(vm.results().rows()).extracting(ResultRow::problemId).containsExactly("p1", "p2", "p3", "p4");
        assertThat(vm.results().columns()).extracting(ColumnKey::label).containsExactly("small", "medium", "large");
        assertThat(vm.results().rows()).allSatisfy(row -> assertThat(row.cells()).extracting(ResultCell::state)
                .containsOnly(CellState.PENDING));
        assertThat(vm.results().records()).isEmpty();
        assertThat(vm.results().figures().rows()).isEmpty();
        assertThat(vm.progressTextProperty().get()).startsWith("No sweep yet");
        TokensChart tokens = (TokensChart) view.charts().views().getFirst();
        var curve = tokens.chart().getData();
        assertThat(curve).as("the strategy's curve, empty").singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("fixed"))
                .satisfies(s -> assertThat(s.getData()).isEmpty());
        assertThat(view.charts().measures().getColumns()).extracting(c -> c.getText())
                .containsExactly("s1 measure", "fixed");
        assertThat(view.charts().measures().valueAt("Performance", 0)).isEqualTo(Formats.DASH);
        assertThat(view.charts().measures().valueAt("Saturates at", 0)).isEqualTo(Formats.DASH);

        // the form changes: the table follows; a form that cannot start empties it
        WaitForAsyncUtils.asyncFx(() -> vm.setup().samplesProperty().set(2)).get();
        assertThat(vm.results().rows()).hasSize(8);
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.problemTable().leafColumns().stream().map(c -> c.getText())
                .toList()).get()).contains("#");
        WaitForAsyncUtils.asyncFx(() -> vm.setup().strategies().clear()).get();
        assertThat(vm.results().rows()).isEmpty();
        assertThat(vm.results().columns()).isEmpty();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.setup().strategies().add("fixed");
            vm.setup().samplesProperty().set(1);
        }).get();
        assertThat(vm.results().rows()).hasSize(4);
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.problemTable().leafColumns().stream().map(c -> c.getText())
                .toList()).get()).doesNotContain("#");
        WaitForAsyncUtils.asyncFx(() -> vm.setup().temperatureProperty().set("hot")).get();
        assertThat(vm.canStartProperty().get()).isFalse();
        assertThat(vm.results().rows()).as("a value the table does not show is being typed: the table stays")
                .hasSize(4);
        WaitForAsyncUtils.asyncFx(() -> vm.setup().temperatureProperty().set("0")).get();
        assertThat(vm.results().rows()).hasSize(4);
        WaitForAsyncUtils.waitForFxEvents();

        List<ResultRow> rows = List.copyOf(vm.results().rows());
        var series = tokens.chart().getData().getFirst();
        List<TableCell<ResultRow, ResultCell>> cellsBefore = WaitForAsyncUtils.asyncFx(this::runCells).get();
        assertThat(cellsBefore).hasSize(12);
        robot.clickOn("#startSweep");
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);

        assertThat(vm.results().rows()).as("the rows laid out before Start").hasSize(4)
                .allSatisfy(row -> assertThat(rows).anySatisfy(r -> assertThat(r).isSameAs(row)));
        assertThat(WaitForAsyncUtils.asyncFx(this::runCells).get()).as("the table cells made before Start")
                .containsExactlyInAnyOrderElementsOf(cellsBefore);
        assertThat(vm.results().rows()).allSatisfy(row -> assertThat(row.cells()).extracting(ResultCell::state)
                .doesNotContain(CellState.PENDING, CellState.RUNNING));
        assertThat(cellText("p4", "large")).startsWith("\u2713 ");
        assertThat(tokens.chart().getData()).singleElement().isSameAs(series)
                .satisfies(s -> assertThat(s.getData()).hasSize(3));
        assertThat(view.charts().measures().valueAt("Performance", 0)).isEqualTo("100%");

        // a sweep shown stays when the form changes afterwards
        WaitForAsyncUtils.asyncFx(() -> vm.setup().samplesProperty().set(2)).get();
        assertThat(vm.results().rows()).hasSize(4);
        assertThat(vm.results().records()).hasSize(12);
    }

    @Test
    void aResultThatArrivesIsShownInItsCellInPlace(FxRobot robot) throws Exception {
        importProblems(robot);
        @SuppressWarnings("unchecked")
        TableCell<ResultRow, ResultCell> cell = (TableCell<ResultRow, ResultCell>) cell("p2", "medium");
        waitUntil("the table is laid out", () -> !cell.getTableRow().isNeedsLayout() && !cell.isNeedsLayout());
        double x = cell.getLayoutX();
        double width = cell.getWidth();
        WaitForAsyncUtils.asyncFx(() -> {
            RunKey key = vm.results().keyAt(vm.results().rows().get(1), new ColumnKey("fixed", "medium"))
                    .orElseThrow();
            vm.results().showRecords(List.of(new SweepRecord("p2", "medium", key.budget(), "fixed", 0, "ok", "8", "8",
                    true, 8, 2, 1200L, null, "answers", null)));
            vm.results().flush(System.nanoTime(), true);
        }).get();
        waitUntil("the cell draws the result", () -> cell.lookup(".text") instanceof javafx.scene.text.Text t
                && t.getText().equals("\u2713 8t 1.2s"));
        assertThat(cell.getText()).isEqualTo("\u2713 8t 1.2s");
        assertThat(cell.getLayoutX()).isEqualTo(x);
        assertThat(cell.getWidth()).isEqualTo(width);
    }

    @Test
    void aResultTooLongForItsColumnWidensTheColumnInsteadOfBeingCut(FxRobot robot) throws Exception {
        importProblems(robot);
        @SuppressWarnings("unchecked")
        TableCell<ResultRow, ResultCell> cell = (TableCell<ResultRow, ResultCell>) cell("p2", "medium");
        double width = WaitForAsyncUtils.asyncFx(() -> cell.getTableColumn().getWidth()).get();
        WaitForAsyncUtils.asyncFx(() -> {
            RunKey key = vm.results().keyAt(vm.results().rows().get(1), new ColumnKey("fixed", "medium"))
                    .orElseThrow();
            vm.results().showRecords(List.of(new SweepRecord("p2", "medium", key.budget(), "fixed", 0, "ok", "8", "8",
                    true, 123456, 2, 1234567L, 0.0123, "answers", null)));
            vm.results().flush(System.nanoTime(), true);
        }).get();
        waitUntil("the cell takes the result", () -> cell.getText() != null && cell.getText().contains("123456t"));
        String full = WaitForAsyncUtils.asyncFx(cell::getText).get();
        waitUntil("the cell draws its whole text", () -> cell.lookup(".text") instanceof javafx.scene.text.Text t
                && t.getText().equals(full), () -> ((javafx.scene.text.Text) cell.lookup(".text")).getText());
        assertThat(full).contains("123456t");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell.getTableColumn().getWidth()).get()).isGreaterThan(width);
    }

    @Test
    void aSweepSavedInASessionIsShownAgainFromTheSessionAndAMissingFolderIsTold(FxRobot robot) throws Exception {
        runSweep(robot);
        List<SweepRecord> shown = WaitForAsyncUtils.asyncFx(() -> vm.results().records()).get();
        Path sessionFile = dir.resolve("with-sweep.thinkbench.json");
        var slot = dev.thinkbench.lab.session.SweepResults.of(vm.resultsFile().toString(), shown);
        new dev.thinkbench.lab.session.SessionFile().write(sessionFile,
                new dev.thinkbench.lab.session.Session(java.time.Instant.parse("2026-12-02T12:00:00Z"), "",
                        new dev.thinkbench.lab.session.RunSetup("", "", "answers", "", "test-model", null, null, null,
                                null, null), List.of(), null, slot));
        var read = new dev.thinkbench.lab.session.SessionFile().read(sessionFile).sweep();
        assertThat(read.records()).isEqualTo(shown);

        ExperimentsViewModel other = WaitForAsyncUtils.asyncFx(() -> build(store).viewModel()).get();
        try {
            WaitForAsyncUtils.asyncFx(() -> other.showRecorded(Path.of(read.resultsFile()), read.records()));
            waitUntil("the recorded sweep shows", () -> other.phaseProperty().get() == Phase.ENDED,
                    () -> other.messageProperty().get());
            assertThat(other.results().rows()).hasSize(4);
            assertThat(other.results().records()).isEqualTo(shown);
            assertThat(other.progressTextProperty().get()).isEqualTo("12 runs \u00b7 6 of 12 correct (50%)");
            assertThat(other.titleProperty().get()).contains("test-model");
            assertThat(other.results().figures().rows().stream()
                    .filter(r -> r.label().equals("large")).findFirst().orElseThrow().accuracy()).isEqualTo(1.0);

            WaitForAsyncUtils.asyncFx(() -> other.showRecorded(dir.resolve("gone/results.jsonl"), read.records()));
            waitUntil("the missing folder is told",
                    () -> other.messageProperty().get().contains("not on this machine"));
            assertThat(other.messageProperty().get()).startsWith("The session's 12 sweep results are not shown");
            assertThat(other.results().records()).isEqualTo(shown);
        } finally {
            WaitForAsyncUtils.asyncFx(other::close).get();
        }
    }

    @Test
    void aSessionWithoutASweepPutsTheShownSweepAwaySoSavingItKeepsNoOtherSweep(FxRobot robot) throws Exception {
        runSweep(robot);
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.results().records()).get()).hasSize(12);
        var charts = WaitForAsyncUtils.asyncFx(() -> view.reportCharts()).get();
        assertThat(charts).as("a report's charts of the sweep shown: every chart, not the summary table")
                .containsKey("Accuracy vs tokens").doesNotContainKey("Summary")
                .as("every run free: no cost chart").doesNotContainKey("Accuracy vs cost");
        assertThat(charts.values()).allSatisfy(image -> assertThat(image.getWidth()).isEqualTo(1600));

        WaitForAsyncUtils.asyncFx(() -> vm.clearShown()).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.reportCharts()).get()).as("nothing shown: no charts").isEmpty();

        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.results().records()).get())
                .as("nothing of the last sweep is left to be saved into the session opened").isEmpty();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(vm.titleProperty().get()).isEmpty();
        assertThat(vm.progressTextProperty().get()).isEqualTo("No sweep yet: set one up and press Start.");
        assertThat(vm.resultsFile()).isNull();
        assertThat(vm.results().rows()).as("the form's sweep is laid out again, every run pending").hasSize(4);
        assertThat(vm.canStartProperty().get()).isTrue();
        assertThat(view.setupShown()).as("the form is shown again, as in a new window").isTrue();
        robot.clickOn("#startSweep");
        waitUntil("a new sweep runs to its end", () -> vm.phaseProperty().get() == Phase.ENDED,
                () -> vm.phaseProperty().get() + " " + vm.messageProperty().get() + " " + vm.progressTextProperty().get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.results().records()).get()).hasSize(12);
    }

    @Test
    void clickingACellOpensItsTraceAndAGradeSetByHandChangesTheAccuracy(FxRobot robot) throws Exception {
        runSweep(robot);

        openTrace(robot, "p4", "large");
        assertThat(view.traceView().answerArea().text()).isEqualTo("I think it through. Final Answer: 144");
        assertThat(view.traceView().thinkingArea().text()).isEqualTo(" t".repeat(32));
        assertThat(view.traceView().verdictText()).startsWith("\u2713 correct \u00b7 answer 144");
        assertThat(robot.lookup("#traceTab").tryQuery()).isPresent();
        assertThat(view.traceView().isVisible()).isTrue();
        javafx.scene.control.MenuButton export = robot.lookup("#exportMenu").queryAs(
                javafx.scene.control.MenuButton.class);
        robot.interact(export::show);
        assertThat(export.getItems().getFirst().isDisable()).as("a trace in view is no chart to export").isTrue();
        robot.interact(export::hide);

        assertThat(summary("medium").accuracy()).isEqualTo(0.5);
        assertThat(vm.progressTextProperty().get()).contains("6 of 12 correct");
        robot.clickOn(cell("p3", "medium"), MouseButton.SECONDARY);
        javafx.scene.control.ContextMenu menu = (javafx.scene.control.ContextMenu) robot.lookup(".context-menu")
                .query().getScene().getWindow();
        assertThat(menu.getItems()).filteredOn(i -> "Mark wrong".equals(i.getText())).singleElement()
                .satisfies(i -> assertThat(i.isDisable()).as("graded wrong already").isTrue());
        robot.clickOn(menuItem(robot, "Mark correct"));
        waitUntil("the accuracy changes", () -> summary("medium").accuracy() == 0.75);
        assertThat(vm.progressTextProperty().get()).as("the status bar counts the grade").contains("7 of 12 correct");

        RunKey key = vm.results().keyAt(vm.results().rows().get(2), new ColumnKey("fixed", "medium")).orElseThrow();
        assertThat(vm.results().record(key)).hasValueSatisfying(r -> assertThat(r.gradeOverridden()).isTrue());
        waitUntil("the override is in the results file", () -> ResultLog.read(vm.resultsFile()).latest().stream()
                .anyMatch(r -> r.key().equals(key) && r.gradeOverridden() && r.correct()));
        assertThat(cellText("p3", "medium")).endsWith(" *");
    }

    @Test
    void aMajorityRunsTraceSaysWhoseNumbersTheyAreAndKeepsItsPartsReadableInAShortWindow(FxRobot robot)
            throws Exception {
        double height = stage.getHeight();
        robot.interact(() -> {
            stage.setHeight(720);
            vm.setup().strategies().setAll("majority");
        });
        try {
            runSweep(robot);

            openTrace(robot, "p4", "large");
            TraceView trace = view.traceView();
            assertThat(trace.metricsCaptionText()).as("the metrics are one candidate's, the line above the run's")
                    .startsWith("The trace above and these numbers are the chosen candidate's alone");
            Node table = robot.lookup("#candidatesTable").query();
            assertThat(table.isVisible()).isTrue();
            assertThat(table.getBoundsInLocal().getHeight()).as("a header and three rows at least")
                    .isGreaterThanOrEqualTo(112);
            assertThat(trace.thinkingArea().getHeight()).as("more than a line of thinking").isGreaterThan(90);
        } finally {
            robot.interact(() -> stage.setHeight(height)); // the stage outlives this class: the next tests' size
        }
    }

    @Test
    void atPresenterZoomTheFormsLabelsStayWholeAndTheMeasuresGrowWithTheText(FxRobot robot) {
        Node measures = robot.lookup("#measuresTable").query();
        double before = measures.getBoundsInLocal().getHeight();
        robot.interact(() -> view.setStyle("-fx-font-size: 21px")); // 150 %, as presenter mode at 1080
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Label strategies = robot.lookup((Label l) -> "Strategies".equals(l.getText())).queryAs(Label.class);
            assertThat(strategies.getWidth()).as("'Strategies' whole, not 'Strateg...'")
                    .isGreaterThanOrEqualTo(strategies.prefWidth(-1) - 0.5);
            assertThat(measures.getBoundsInLocal().getHeight()).as("the measures' room follows the zoom")
                    .isGreaterThan(before * 1.3);
        } finally {
            robot.interact(() -> view.setStyle(""));
        }
    }

    @Test
    void anOpenTraceFollowsItsRunWhenTheNextSweepRunsItAgain(FxRobot robot) throws Exception {
        runSweep(robot);
        openTrace(robot, "p4", "large");
        assertThat(view.traceView().answerArea().text()).isEqualTo("I think it through. Final Answer: 144");

        answerPrefix = "On a second look. ";
        robot.interact(vm::start);
        waitUntil("the second sweep ends", () -> store.list().size() == 2 && vm.phaseProperty().get() == Phase.ENDED);

        waitUntil("the open trace shows the second sweep's run, not the first's",
                () -> view.traceView().answerArea().text()
                        .equals("On a second look. I think it through. Final Answer: 144"),
                () -> view.traceView().answerArea().text());
    }

    @Test
    void theProgressLineCountsEveryRunInFlight(FxRobot robot) throws Exception {
        importProblems(robot);
        engine.hold(4);
        robot.clickOn("#startSweep");
        engine.awaitHeld();
        waitUntil("the four runs a server engine takes at once show as running",
                () -> vm.progressTextProperty().get().equals("0 of 12 runs \u00b7 4 running"),
                () -> vm.progressTextProperty().get());
        engine.release();
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        assertThat(vm.progressTextProperty().get()).doesNotContain("running");
    }

    @Test
    void whenTheServerIsGoneTheSweepPausesWithNoRunLeftRunningOrCountedInFlight(FxRobot robot) throws Exception {
        importProblems(robot);
        serverGone = true;
        robot.clickOn("#startSweep");
        waitUntil("the sweep pauses for want of a server", () -> vm.phaseProperty().get() == Phase.PAUSED);
        // the runs in flight (up to a server engine's four at once) all went back to the queue, not only the first
        waitUntil("no cell says running and the status counts none in flight", () -> vm.results().rows().stream()
                        .flatMap(r -> r.cells().stream()).noneMatch(c -> c.state() == CellState.RUNNING)
                        && vm.progressTextProperty().get().equals("0 of 12 runs"),
                () -> vm.progressTextProperty().get());
        assertThat(engine.started()).as("three failures in a row drop the server").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void pausingLetsRunsInFlightFinishAndStartsNoNewOneUntilResumed(FxRobot robot) throws Exception {
        importProblems(robot);
        engine.hold(1);
        robot.clickOn("#startSweep");
        engine.awaitHeld();
        waitUntil("a run shows as running", () -> vm.results().rows().getFirst().cells().getFirst().state()
                == CellState.RUNNING);
        robot.clickOn("#pauseResume");
        waitUntil("the sweep is paused", () -> vm.phaseProperty().get() == Phase.PAUSED);
        int inFlight = engine.started().size();
        assertThat(inFlight).as("runs at once on a server engine").isEqualTo(4);
        waitUntil("the status says the runs in flight finish", () -> vm.progressTextProperty().get()
                .endsWith("finishing the 4 in flight \u00b7 no new run starts"), () -> vm.progressTextProperty().get());
        engine.release();
        waitUntil("the runs in flight finish", () -> vm.progressTextProperty().get().startsWith(inFlight
                + " of 12 runs"), () -> vm.progressTextProperty().get());
        Thread.sleep(300);
        assertThat(engine.started()).as("no new run starts while paused").hasSize(inFlight);
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.underWay()).get()).as("a paused sweep is under way: a close asks")
                .isEqualTo(inFlight + " of 12 runs");
        assertThat(robot.lookup("#sweepEta").queryAs(Label.class).getText()).as("the time so far, said so")
                .startsWith("paused \u00b7 ").endsWith(" elapsed");
        assertThat(view.charts().measures().header()).as("measures of a sweep half-way").isEqualTo(
                "s1 measure, so far");

        robot.clickOn("#pauseResume");
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        assertThat(engine.started()).hasSize(12);
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.underWay()).get()).as("an ended sweep: nothing to ask").isNull();
        assertThat(view.charts().measures().header()).isEqualTo("s1 measure");
        waitUntil("a sweep that ran through took its time", () -> vm.etaTextProperty().get().startsWith("took "),
                () -> vm.etaTextProperty().get());
    }

    @Test
    void anInterruptedSweepIsOfferedAndResumedKeepingItsFinishedRuns(FxRobot robot) throws Exception {
        importProblems(robot);
        engine.hold(1);
        robot.clickOn("#startSweep");
        engine.awaitHeld();
        robot.clickOn("#stopSweep");
        waitUntil("the sweep stops", () -> vm.phaseProperty().get() == Phase.ENDED);
        waitUntil("the status line says it stopped", () -> vm.etaTextProperty().get().startsWith("stopped after "),
                () -> vm.etaTextProperty().get());
        engine.release();
        // one result kept by hand, as if the window had closed after the first run
        Path results = vm.resultsFile();
        SweepRecord first = new SweepRecord("p1", "small", "none", "fixed", 0, "ok", "0", "4", false, 0, 2, 5L,
                null, "answers", null);
        try (ResultLog log = ResultLog.open(results)) {
            log.append(first);
        }
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get();
        assertThat(store.interrupted()).isPresent();

        int before = engine.started().size();
        ExperimentsView reopened = WaitForAsyncUtils.asyncFx(() -> build(store)).get();
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(reopened)).get();
        view = reopened;
        vm = reopened.viewModel();
        waitUntil("the resume offer shows", () -> vm.offerProperty().get() != null);
        assertThat(robot.lookup("#resumeText").queryAs(Label.class).getText()).contains("1 of 12 runs done");

        robot.clickOn("#resumeSweep");
        waitUntil("the resumed sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        assertThat(engine.started().size() - before).as("only the runs without a result run").isEqualTo(11);
        assertThat(vm.results().records()).hasSize(12);
        assertThat(store.interrupted()).isEmpty();
    }

    @Test
    void theTraceShownFollowsTheTableAResumedRunKeptAndAnotherSweepsTablePutItAway(FxRobot robot) throws Exception {
        importProblems(robot);
        engine.hold(1);
        robot.clickOn("#startSweep");
        engine.awaitHeld();
        robot.clickOn("#stopSweep");
        waitUntil("the sweep stops", () -> vm.phaseProperty().get() == Phase.ENDED);
        engine.release();
        try (ResultLog log = ResultLog.open(vm.resultsFile())) {
            log.append(new SweepRecord("p1", "small", "none", "fixed", 0, "ok", "0", "4", false, 0, 2, 5L, null,
                    "answers", null));
        }
        waitUntil("the resume offer shows", () -> vm.offerProperty().get() != null);
        openTrace(robot, "p1", "small");
        assertThat(view.traceView().verdictText()).isEqualTo("Not run yet.");

        robot.clickOn("#resumeSweep");
        waitUntil("the resumed sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.traceView().verdictText()).get())
                .as("the run kept from the results file is shown, not 'not run'").isNotEqualTo("Not run yet.")
                .contains("0");

        Files.writeString(dir.resolve("set.jsonl"), """
                {"id":"q1","prompt":"What is 1 + 1?","answer":"2","difficulty":1}
                {"id":"q2","prompt":"What is 2 + 3?","answer":"5","difficulty":1}
                """, StandardCharsets.UTF_8);
        // the form folded away as the sweep started (a 1280-px window): imported and started as its buttons do
        WaitForAsyncUtils.asyncFx(() -> vm.setup().importFile(dir.resolve("set.jsonl"))).get();
        waitUntil("the other problems load", () -> vm.setup().problemsProperty().get().size() == 2);
        WaitForAsyncUtils.asyncFx(() -> vm.start()).get();
        waitUntil("the other sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.traceView().shownKey()).get())
                .as("p1 is in this table no more: its trace is put away").isNull();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.charts().traceShown()).get()).isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.traceView().verdictText()).get()).isEmpty();
    }

    @Test
    void aRunFinishedInAnEarlierSessionOpensItsFullTraceFromTheTracesFile(FxRobot robot) throws Exception {
        runSweep(robot);
        Path results = vm.resultsFile();
        waitUntil("every trace is saved", () -> Files.readAllLines(results.resolveSibling(SweepStore.TRACES))
                .size() == 12);

        reopenShowing(results);
        assertThat(vm.detail(runKey("p4", "large"))).hasValueSatisfying(d -> assertThat(d.trace()).isNull());
        robot.clickOn(cell("p4", "large"));
        waitUntil("the trace is read back", () -> view.traceView().thinkingArea().text().equals(" t".repeat(32)),
                () -> view.traceView().thinkingPlaceholder());
        assertThat(view.traceView().answerArea().text()).isEqualTo("I think it through. Final Answer: 144");
        assertThat(view.traceView().verdictText()).startsWith("\u2713 correct \u00b7 answer 144");
        assertThat(vm.detail(runKey("p4", "large"))).hasValueSatisfying(d -> {
            assertThat(d.trace()).isNotNull();
            assertThat(d.metrics().thinkingTokens().value()).isEqualTo(32);
        });
    }

    @Test
    void aCorruptTracesFileFallsBackToTheResultLineAndKeepsTheTable(FxRobot robot) throws Exception {
        runSweep(robot);
        Path results = vm.resultsFile();
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get();
        Files.writeString(results.resolveSibling(SweepStore.TRACES), "{\"v\":1,\"problemId\":\"p4\", cut\n\u0000\u0001"
                + "garbage\n", StandardCharsets.UTF_8);

        reopenShowing(results);
        robot.clickOn(cell("p4", "large"));
        waitUntil("the trace view falls back", () -> Messages.get("sweep.trace.noTrace").equals(
                view.traceView().thinkingPlaceholder()), () -> view.traceView().thinkingPlaceholder());
        assertThat(view.traceView().thinkingArea().text()).isEmpty();
        assertThat(view.traceView().answerArea().text()).isEqualTo("Answer as graded: 144");
        assertThat(view.traceView().verdictText()).startsWith("\u2713 correct");
        assertThat(vm.results().rows()).hasSize(4);
        assertThat(cellText("p4", "large")).startsWith("\u2713 ");
    }

    @Test
    void aPastSweepOpensFromTheMenuAfterARestartWithItsSetupAndTakesGradesByHand(FxRobot robot) throws Exception {
        runSweep(robot);
        Path results = vm.resultsFile();
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get();
        ExperimentsView reopened = WaitForAsyncUtils.asyncFx(() -> build(store)).get();
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(reopened)).get();
        view = reopened;
        vm = reopened.viewModel();
        assertThat(vm.results().records()).as("a restart shows nothing until asked").isEmpty();

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#pastSweeps");
        waitUntil("the menu lists the sweep", () -> robot.lookup(".menu-item").queryAll().stream()
                .anyMatch(n -> n.lookup(".label") instanceof Label l && l.getText() != null
                        && l.getText().contains("(finished)")));
        robot.type(KeyCode.ESCAPE);
        Locale shown = Messages.locale();
        Messages.setLocale(Locale.KOREAN);
        try {
            robot.clickOn("#pastSweeps");
            String korean = SweepSetupViewModel.name(store.list().getFirst().setup(), 4);
            assertThat(korean).as("the Korean name").contains("\ubb38\uc81c 4\uac1c");
            waitUntil("the sweep is named in the language shown", () -> robot.lookup(".menu-item").queryAll().stream()
                    .anyMatch(n -> n.lookup(".label") instanceof Label l && l.getText() != null
                            && l.getText().startsWith(korean)
                            // its strategies in Korean too, with what tells sweeps of one set apart
                            && l.getText().contains("\uace0\uc815 \uc608\uc0b0") && l.getText().contains("\uc0d8\ud50c")));
            robot.type(KeyCode.ESCAPE);
        } finally {
            Messages.setLocale(shown);
        }
        robot.clickOn("#pastSweeps");
        waitUntil("the menu lists the sweep", () -> robot.lookup(".menu-item").queryAll().stream()
                .anyMatch(n -> n.lookup(".label") instanceof Label l && l.getText() != null
                        && l.getText().contains("(finished)")));
        robot.clickOn(robot.lookup(".menu-item").queryAll().stream()
                .filter(n -> n.lookup(".label") instanceof Label l && l.getText() != null
                        && l.getText().contains("(finished)")).findFirst().orElseThrow());
        waitUntil("the sweep shows again", () -> vm.phaseProperty().get() == Phase.ENDED
                && vm.results().records().size() == 12, () -> vm.messageProperty().get());
        assertThat(vm.messageProperty().get()).startsWith("Opened a past sweep (finished): 12 results");
        assertThat(vm.setup().problemsProperty().get()).hasSize(4);
        assertThat(vm.resultsFile()).isEqualTo(results);
        assertThat(cellText("p4", "large")).startsWith("\u2713 ");

        assertThat(vm.progressTextProperty().get()).contains("6 of 12 correct");
        long lines = Files.readAllLines(results).size();
        RunKey key = runKey("p4", "large");
        WaitForAsyncUtils.asyncFx(() -> vm.setGrade(key, false)).get();
        assertThat(vm.progressTextProperty().get()).as("the count follows the grade").contains("5 of 12 correct");
        waitUntil("the grade is appended", () -> Files.readAllLines(results).size() == lines + 1);
        assertThat(ResultLog.read(results).latest()).filteredOn(r -> r.problemId().equals("p4")
                && r.label().equals("large")).singleElement().satisfies(r -> assertThat(r.correct()).isFalse());
    }

    /** Closes the tab's view model and shows {@code results}' sweep in a new one on the same store (a restart). */
    private void reopenShowing(Path results) throws Exception {
        List<SweepRecord> saved = ResultLog.read(results).latest();
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get();
        ExperimentsView reopened = WaitForAsyncUtils.asyncFx(() -> build(store)).get();
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(reopened)).get();
        view = reopened;
        vm = reopened.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.showRecorded(results, saved)).get();
        waitUntil("the sweep shows again", () -> vm.phaseProperty().get() == Phase.ENDED
                && vm.results().records().size() == 12, () -> vm.messageProperty().get());
    }

    private RunKey runKey(String problem, String label) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.results().rows().stream()
                .filter(r -> r.problemId().equals(problem)).findFirst()
                .flatMap(r -> vm.results().keyAt(r, new ColumnKey("fixed", label))).orElseThrow()).get();
    }

    @Test
    void aFailingEngineMarksItsRunsFailedWithTheReasonAndTheSweepGoesOn(FxRobot robot) throws Exception {
        AnswerTestEngine failing = new AnswerTestEngine("answers", spec -> spec.budget().spec().equals("effort:low")
                ? AnswerTestEngine.Reply.fail(FailureKind.BAD_REQUEST, "effort is not allowed here")
                : reply(spec));
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", failing);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment());
        connection.modelProperty().set("test-model");
        ExperimentsView v = WaitForAsyncUtils.asyncFx(() -> new ExperimentsView(new ExperimentsViewModel(connection,
                services, new SweepStore(dir.resolve("failing")), dir, tasks,
                SweepRunner.Options.defaults().withClock(new RecordingTestClock())))).get();
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(v)).get();
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get();
        view = v;
        vm = v.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.setup().importFile(dir.resolve("set.jsonl"))).get();
        waitUntil("the problems load", () -> vm.setup().problemsProperty().get().size() == 4);
        robot.clickOn("#startSweep");
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);

        assertThat(vm.progressTextProperty().get()).contains("4 failed");
        assertThat(cellText("p1", "medium")).isEqualTo("failed");
        assertThat(ResultsTable.describe(vm.results().rows().getFirst().cells().get(1)))
                .contains("failed: effort is not allowed here");
        assertThat(robot.lookup("#retryFailed").queryButton().isVisible()).isTrue();
        assertThat(summary("large").accuracy()).isEqualTo(1.0);
    }

    @Test
    void chartsAndResultsExportAsSlideSizedPngAndCsv(FxRobot robot) throws Exception {
        runSweep(robot);
        Path out = dir.resolve("export");
        WaitForAsyncUtils.asyncFx(() -> view.exportCharts(out, true)).get();
        WaitForAsyncUtils.asyncFx(() -> vm.exportCsv(out)).get();
        waitUntil("the files are written", () -> Files.exists(out.resolve("accuracy-at-equal-compute.png"))
                && Files.exists(out.resolve("summary.csv")));
        // one image of accuracy by difficulty per strategy (the tab shows one at a time, the export had only that one)
        waitUntil("the difficulty image of each strategy", () -> Files.exists(out.resolve(
                "accuracy-by-difficulty-fixed.png")));
        assertThat(out.resolve("accuracy-by-difficulty.png")).doesNotExist();
        assertThat(out.resolve("accuracy-vs-cost.png")).as("every run free: no cost chart, as report leaves it out")
                .doesNotExist();
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("accuracy-vs-tokens.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1600);
        assertThat(png.getHeight()).isEqualTo(900);
        assertThat(Files.readString(out.resolve("runs.csv"))).startsWith("problemId,label,budget,strategy")
                .contains("p4,large,effort:high,fixed,0,ok,144,144,true");
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(4);
    }

    /** An item of the context menu that shows (not a button of the same name elsewhere). */
    private static Node menuItem(FxRobot robot, String text) {
        return robot.lookup(".context-menu .menu-item").queryAll().stream()
                .filter(n -> n.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label
                        && text.equals(label.getText())))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + text + " in "
                        + robot.lookup(".context-menu").queryAll() + " / " + robot.lookup(".menu-item").queryAll()
                        .stream().map(n -> n.lookupAll(".label").toString()).toList()));
    }

    /** The cell of a problem at a budget, scrolled into view. */
    private Node cell(String problem, String label) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.table().getColumns().stream().flatMap(c -> c.getColumns().stream())
                .filter(c -> c.getUserData() instanceof ColumnKey k && k.label().equals(label)).findFirst()
                .ifPresent(c -> view.table().scrollToColumn(c))).get();
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> cells().stream().filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null
                        && c.getTableRow().getItem().problemId().equals(problem)
                        && c.getTableColumn().getUserData() instanceof ColumnKey k && k.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + problem + " / " + label))).get();
    }

    private String cellText(String problem, String label) throws Exception {
        Node cell = cell(problem, label);
        return WaitForAsyncUtils.asyncFx(() -> ((TableCell<?, ?>) cell).getText()).get();
    }

    @SuppressWarnings("unchecked")
    private List<TableCell<ResultRow, ResultCell>> cells() {
        return view.table().lookupAll(".run-cell").stream().map(n -> (TableCell<ResultRow, ResultCell>) n)
                .toList();
    }

    /** The table cells that show a run (a problem's row, not an empty one below). */
    private List<TableCell<ResultRow, ResultCell>> runCells() {
        return cells().stream().filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null).toList();
    }

    static Instant now() {
        return Instant.now();
    }

    @Test
    void afterTheStrategiesChangeEveryCellShownTakesItsResult(FxRobot robot) throws Exception {
        // the problems load with one strategy; a second makes new rows and columns, then the sweep runs (a user's
        // table stayed blank until scrolled: the cells showed pending while the rows held every result)
        importProblems(robot);
        WaitForAsyncUtils.asyncFx(() -> vm.setup().strategies().setAll("fixed", "majority")).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#startSweep");
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = WaitForAsyncUtils.asyncFx(() -> runCells().stream().map(c -> {
            ResultRow row = c.getTableRow().getItem();
            int column = vm.results().columns().indexOf((ColumnKey) c.getTableColumn().getUserData());
            String expected = ResultsTable.cellText(row.cells().get(column));
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) c.lookup(".text");
            return row.problemId() + " " + c.getTableColumn().getUserData() + ": "
                    + (drawn != null && expected.equals(drawn.getText()) ? "ok" : "shows '"
                    + (drawn == null ? null : drawn.getText()) + "' for '" + expected + "'");
        }).toList()).get();
        assertThat(shown).as("the cells on screen").hasSizeGreaterThan(8).allMatch(s -> s.endsWith(": ok"));
    }

    @Test
    void aStrategyIsCheckedAndUncheckedWithTheMouse(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.setup().strategies().setAll("fixed")).get();
        robot.clickOn("#strategies");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("majority");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.setup().strategies()).containsExactly("fixed", "majority");
        robot.clickOn("majority");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.setup().strategies()).containsExactly("fixed");
    }
}
