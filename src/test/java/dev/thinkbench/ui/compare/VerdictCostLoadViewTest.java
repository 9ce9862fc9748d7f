package dev.thinkbench.ui.compare;

import dev.thinkbench.app.WorkbenchFactory;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.testing.LoadingTestBackend;
import dev.thinkbench.testing.OnFx;
import dev.thinkbench.testing.ProbabilityTestBackend;
import dev.thinkbench.testing.ScriptedTestBackend;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.ScriptedTestEngine.Script;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.VerdictBox;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compare tab, headless: each column's verdict (right, wrong, not graded) from the shared grader, local runs priced
 * as a hosted model in the cost chart, and a model load shown apart from the time to the first token.
 */
@ExtendWith(ApplicationExtension.class)
class VerdictCostLoadViewTest {

    private WorkbenchView view;
    private final ScriptedTestBackend forcingScript = new ScriptedTestBackend();
    private final ScriptedTestBackend confidentScript = new ScriptedTestBackend();

    /** The scripted answer per budget: small guesses 65, medium works it out, large rambles without a number. */
    private static Script script(RunSpec spec) {
        List<String> answer = switch (spec.budget().spec()) {
            case "none" -> List.of("Final Answer: ", "65");
            case "effort:low" -> List.of("Final Answer: ", "11");
            default -> List.of("I am ", "not ", "sure.");
        };
        int thinking = spec.budget() instanceof Budget.None ? 0 : spec.budget().spec().equals("effort:low") ? 20 : 60;
        return Script.of(java.util.Collections.nCopies(thinking, "t "), answer).reporting(new Usage(40, null, null));
    }

    @Start
    void start(Stage stage) throws IOException {
        Messages.setLocale(Locale.ENGLISH);
        ScriptedTestEngine scripted = new ScriptedTestEngine("scripted", VerdictCostLoadViewTest::script,
                List.of(new ModelInfo("m1", "")));
        ForcingReasoningEngine forcing = ForcingReasoningEngine.over(new LoadingTestBackend(forcingScript, 2500,
                null), ChatTemplates.CHATML_THINK);
        ForcingReasoningEngine confident = ForcingReasoningEngine.over(new ProbabilityTestBackend(confidentScript,
                Map.of(" maybe", 0.2, " six", 0.55, " 4", 0.5), Map.of(" six", " four", " 4", " 5")),
                ChatTemplates.CHATML_THINK);
        EngineRegistry registry = new EngineRegistry()
                .register(new EngineRegistry.Entry("scripted", "Scripted", "http://127.0.0.1:1", config -> scripted))
                .register(new EngineRegistry.Entry("forcing", "Forcing", null, config -> forcing))
                .register(new EngineRegistry.Entry("confident", "Confident", null, config -> confident));
        List<BudgetPresets.Preset> presets = List.of(
                new BudgetPresets.Preset("small", new Budget.None(), "off"),
                new BudgetPresets.Preset("medium", BudgetSpec.parse("effort:low"), "low"),
                new BudgetPresets.Preset("large", BudgetSpec.parse("effort:high"), "high"));
        String prices = "{\"prices\":[{\"model\":\"gpt-5.4-mini*\",\"input\":0.75,\"output\":4.50,"
                + "\"source\":\"a price list\",\"date\":\"2026-06\"}]}";
        view = WorkbenchFactory.create(WorkbenchFixture.services(registry, new BudgetPresets(Map.of("scripted",
                        presets, "forcing", presets, "confident", presets)), PriceTable.read(new ByteArrayInputStream(
                        prices.getBytes(StandardCharsets.UTF_8)))), new FxBackgroundTasks(), Settings.defaults());
        stage.setScene(view.createScene(1280, 800));
        stage.show();
    }

    private CompareViewModel compare() {
        return view.viewModel().compare();
    }

    private List<ColumnView> columns() {
        return view.compareView().columnsPane().columnViews();
    }

    private void runAndWait(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> compare().canRunProperty().get());
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !compare().runningProperty().get()
                && columns().stream().allMatch(c -> c.viewModel().live().getState() == ColumnState.DONE));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theBestOfNSettingsKeepTheirSizeAndTheOutcomeLineGivesWay(FxRobot robot) {
        robot.interact(() -> {
            compare().prompt().temperatureProperty().set("0"); // the long greedy hint shows beside the settings
            compare().bestOfN().enabledProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#bestOfNCount", "#bestOfNSelection", "#bestOfNBudget")) {
            javafx.scene.control.Control control = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertThat(control.getWidth()).as(id).isGreaterThanOrEqualTo(control.prefWidth(-1) - 0.5);
        }
        Label outcome = robot.lookup("#bestOfNOutcome").queryAs(Label.class);
        assertThat(outcome.getText()).isNotEmpty();
        assertThat(outcome.getTooltip().getText()).isEqualTo(outcome.getText());
        javafx.scene.control.TextField budget = robot.lookup("#bestOfNBudget").queryAs(
                javafx.scene.control.TextField.class);
        robot.interact(() -> compare().bestOfN().budgetProperty().set("force:min=0,max=64,waits=0"));
        assertThat(budget.getPrefColumnCount()).as("as wide as its spec").isEqualTo(27);
    }

    @Test
    void moreColumnsThanFitScrollInsideTheWindowSoTheLastCanBeReached(FxRobot robot) {
        robot.interact(() -> {
            compare().addColumn();
            compare().addColumn();
            compare().addColumn();
        });
        WaitForAsyncUtils.waitForFxEvents();
        ColumnsPane pane = view.compareView().columnsPane();
        javafx.geometry.Bounds inScene = pane.localToScene(pane.getLayoutBounds());

        assertThat(inScene.getMaxX()).as("the pane ends inside the window").isLessThanOrEqualTo(
                view.getScene().getWidth() + 0.5);
        robot.interact(() -> pane.setHvalue(pane.getHmax()));
        WaitForAsyncUtils.waitForFxEvents();
        ColumnView last = columns().getLast();
        javafx.geometry.Bounds lastInScene = last.localToScene(last.getLayoutBounds());
        assertThat(lastInScene.getMaxX()).as("scrolled to the end, the last column is whole on screen")
                .isLessThanOrEqualTo(inScene.getMaxX() + 0.5);
    }

    @Test
    void eachColumnShowsItsAnswerLargeWithARightOrWrongMark(FxRobot robot) throws Exception {
        robot.interact(() -> {
            compare().prompt().promptProperty().set("A bus has 47 people. How many now?");
            compare().prompt().expectedProperty().set("11");
        });
        runAndWait(robot);

        VerdictBox small = columns().get(0).verdictBox();
        VerdictBox medium = columns().get(1).verdictBox();
        VerdictBox large = columns().get(2).verdictBox();
        assertThat(small.answerText()).isEqualTo("65");
        assertThat(small.markText()).isEqualTo("wrong \u00b7 expected 11");
        assertThat(small.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("wrong"));
        assertThat(medium.answerText()).isEqualTo("11");
        assertThat(medium.markText()).isEqualTo("right");
        assertThat(medium.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("correct"));
        assertThat(large.answerText()).isEqualTo("no answer");
        assertThat(large.markText()).isEqualTo("no answer found \u00b7 expected 11");
        assertThat(columns()).allSatisfy(c -> assertThat(c.verdictBox().isVisible()).isTrue());
        assertThat(columns().get(1).answerText()).as("the raw answer text below").isEqualTo("Final Answer: 11");

        // a narrow column (a small window, or many candidates): the answer is never squeezed out by its mark; laid
        // out here by hand at 170 px, room for the answer but not for its mark beside it (the stage is shared with later
        // test classes, so it keeps its size); narrower still, the answer is cut to the column, not drawn past it
        for (ColumnView c : columns()) {
            double[] measured = WaitForAsyncUtils.asyncFx(() -> {
                VerdictBox box = c.verdictBox();
                box.resize(170, box.prefHeight(170));
                box.layout();
                Label answer = (Label) box.lookup("#extractedAnswer");
                return new double[] {answer.getWidth(), answer.prefWidth(-1)};
            }).get();
            assertThat(measured[0]).as("the answer is shown whole").isGreaterThanOrEqualTo(measured[1] - 0.5);
        }
    }

    @Test
    void anExpectedAnswerTypedAfterTheRunGradesTheColumnsAtOnceButAnotherPromptsAnswerDoesNot(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            compare().prompt().promptProperty().set("A bus has 47 people. How many now?");
            compare().prompt().expectedProperty().set("");
        });
        runAndWait(robot);
        assertThat(columns().get(0).verdictBox().markText()).isEqualTo("not graded");

        robot.interact(() -> compare().prompt().expectedProperty().set("65"));
        assertThat(columns().get(0).verdictBox().markText()).isEqualTo("right");
        assertThat(columns().get(1).verdictBox().markText()).isEqualTo("wrong \u00b7 expected 65");

        robot.interact(() -> compare().prompt().expectedProperty().set("11"));
        assertThat(columns().get(0).verdictBox().markText()).isEqualTo("wrong \u00b7 expected 11");
        assertThat(columns().get(1).verdictBox().markText()).isEqualTo("right");

        robot.interact(() -> {
            compare().prompt().promptProperty().set("Another problem");
            compare().prompt().expectedProperty().set("65");
        });
        assertThat(columns().get(1).verdictBox().markText()).as("graded against its own prompt's answer")
                .isEqualTo("right");
    }

    @Test
    void aPromptOrBudgetChangedAfterTheRunSaysTheColumnsShowTheLastRunUntilItRunsAgain(FxRobot robot)
            throws Exception {
        robot.interact(() -> compare().prompt().promptProperty().set("A bus has 47 people. How many now?"));
        runAndWait(robot);
        Label note = robot.lookup("#staleNote").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();

        double columnY = columns().get(0).localToScene(0, 0).getY();
        robot.clickOn("#promptArea").type(javafx.scene.input.KeyCode.END).write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).as("typed: %s", compare().prompt().promptProperty().get()).isTrue();
        assertThat(columns().get(0).localToScene(0, 0).getY()).as("the columns stay under the pointer")
                .isEqualTo(columnY);
        robot.interact(() -> compare().prompt().promptProperty().set("A bus has 48 people. How many now?"));
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("The columns show the last run, made before the prompt changed");
        robot.interact(() -> compare().prompt().promptProperty().set("A bus has 47 people. How many now?"));
        assertThat(note.isVisible()).as("back to what ran").isFalse();

        robot.interact(() -> columns().get(1).viewModel().budgetTextProperty().set("tokens:12"));
        assertThat(note.getText()).contains("before a budget changed");

        runAndWait(robot);
        assertThat(note.isVisible()).as("a new run matches the form").isFalse();

        String seed = compare().prompt().seedProperty().get();
        robot.interact(() -> compare().prompt().seedProperty().set("7"));
        assertThat(note.getText()).contains("before the temperature or seed changed");
        robot.interact(() -> compare().prompt().seedProperty().set(seed));
        assertThat(note.isVisible()).as("back to what ran").isFalse();
    }

    @Test
    void aNewProblemMakesTheColumnsStaleAndBestOfNsFreshColumnsAreNot(FxRobot robot) throws Exception {
        robot.interact(() -> compare().prompt().promptProperty().set("A bus has 47 people. How many now?"));
        runAndWait(robot);
        Label note = robot.lookup("#staleNote").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();

        robot.interact(() -> compare().prompt().newProblem());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).as("a new problem drawn after the run").isTrue();
        assertThat(note.getText()).startsWith("The columns show the last run, made before the prompt changed");

        robot.interact(() -> compare().bestOfN().enabledProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).as("the candidate columns have not run: nothing of theirs is stale").isFalse();
        robot.interact(() -> compare().bestOfN().enabledProperty().set(false));
    }

    @Test
    void withoutAnExpectedAnswerTheAnswerIsShownNotGraded(FxRobot robot) throws Exception {
        robot.interact(() -> compare().prompt().promptProperty().set("Something without a known answer"));
        runAndWait(robot);

        VerdictBox medium = columns().get(1).verdictBox();
        assertThat(medium.answerText()).isEqualTo("11");
        assertThat(medium.markText()).isEqualTo("not graded");
        assertThat(medium.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("ungraded"));
    }

    /** Runs the prompt "q" with no price picked: every column's cost is zero. */
    private ChartsPane runFree(FxRobot robot) throws Exception {
        robot.interact(() -> compare().prompt().promptProperty().set("q"));
        runAndWait(robot);
        ChartsPane charts = view.compareView().chartsPane();
        assertThat(charts.values("Cost", "Cost")).allSatisfy(v -> assertThat(v).isZero());
        return charts;
    }

    @Test
    void pricedAsCostsLocalRunsAtAHostedModelsRatesInTheChart(FxRobot robot) throws Exception {
        ChartsPane charts = runFree(robot);
        assertThat(charts.costNote()).startsWith("Free on this machine");
        assertThat(charts.costPlotShown()).as("no empty plot under the note").isFalse();
        Region tokensSlot = (Region) charts.lookup(".tokens-chart").getParent();
        Region costSlot = (Region) charts.lookup(".cost-chart").getParent().getParent();
        assertThat(costSlot.getWidth()).as("the free note's place leaves the room to the others")
                .isLessThan(tokensSlot.getWidth() * 0.8);
        double width = view.getScene().getWindow().getWidth();
        try {
            // charts that want more room than there is
            robot.interact(() -> view.getScene().getWindow().setWidth(760));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node note = robot.from(costSlot).lookup(".chart-note").query();
            javafx.scene.Node latency = charts.lookup(".latency-chart").getParent();
            assertThat(note.localToScene(note.getLayoutBounds()).getMaxX()).as("the note stays off the latency chart")
                    .isLessThanOrEqualTo(latency.localToScene(latency.getLayoutBounds()).getMinX());
        } finally {
            robot.interact(() -> view.getScene().getWindow().setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
        }

        robot.interact(() -> assertThat(compare().pricedAs("gpt-5.4-mini")).isTrue());
        runAndWait(robot);
        assertThat(charts.costPlotShown()).isTrue();
        assertThat(costSlot.getWidth()).as("the bars get their room again")
                .isGreaterThan(tokensSlot.getWidth() * 0.8);

        List<Double> cost = charts.values("Cost", "Cost");
        assertThat(cost).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(cost.get(0)).isLessThan(cost.get(1));
        assertThat(cost.get(1)).as("the cost rises with the budget").isLessThan(cost.get(2));
        assertThat(charts.costNote()).startsWith("Estimate at gpt-5.4-mini rates").contains("a price list, 2026-06");
        assertThat(charts.keyShown("Tokens")).containsExactly("Thinking", "Answer");
        assertThat(charts.keyShown("Latency")).as("no model load: no key for it")
                .containsExactly("First token", "Thinking", "Answer");
        assertThat(charts.keyShown("Cost")).as("one series: no key").isEmpty();
        double slowest = 0;
        for (int i = 0; i < 3; i++) {
            double total = 0;
            for (String part : List.of("First token", "Thinking", "Answer")) {
                total += charts.values("Latency", part).get(i);
            }
            slowest = Math.max(slowest, total);
        }
        assertThat(slowest).as("runs of a scripted engine take milliseconds").isLessThan(0.5);
        assertThat(charts.axisTop("Latency")).as("the latency axis fits runs of milliseconds, not a second")
                .isGreaterThanOrEqualTo(slowest).isLessThanOrEqualTo(Math.max(0.01, slowest * 1.5 + 1e-9));
        assertThat(charts.chartHeight("Cost")).as("the note sits beside the title, not over the plot's room")
                .isCloseTo(charts.chartHeight("Tokens"), org.assertj.core.data.Offset.offset(1.0));
        assertThat(charts.costNoteShown()).as("on the chart: its head; the rates in its tooltip")
                .isEqualTo("Estimate at gpt-5.4-mini rates");
        assertThat(columns().get(0).metricsStrip().valueOf("Cost")).startsWith("$0.0");
        assertThat(columns().get(0).metricsStrip().valueOf("Generation")).isNotEqualTo("\u2013");
    }

    @Test
    void pricedAsPickedAfterARunCostsTheColumnsShownAtOnceAndNoneMakesThemFreeAgain(FxRobot robot) throws Exception {
        ChartsPane charts = runFree(robot);
        assertThat(charts.costTicksShown()).as("no 0.0000008 over free runs").isFalse();

        robot.interact(() -> assertThat(compare().pricedAs("gpt-5.4-mini")).isTrue());
        // the bars and the note change in one FX pulse: read both there, never half-way through from this thread
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.call(() -> charts.values("Cost", "Cost").stream()
                .allMatch(v -> v > 0) && charts.costNote().startsWith("Estimate")));
        List<Double> cost = charts.values("Cost", "Cost");
        assertThat(cost.get(0)).as("the cost rises with the budget").isLessThan(cost.get(2));
        assertThat(charts.costNote()).startsWith("Estimate at gpt-5.4-mini rates");
        assertThat(columns().get(0).metricsStrip().valueOf("Cost")).startsWith("$0.0");
        assertThat(charts.costTicksShown()).isTrue();

        robot.interact(() -> compare().pricedAsProperty().set(null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.call(() -> charts.values("Cost", "Cost").stream()
                .allMatch(v -> v == 0) && charts.costNote().startsWith("Free")));
        assertThat(charts.costNote()).startsWith("Free on this machine");
        assertThat(columns().get(0).metricsStrip().valueOf("Cost")).isEqualTo("free");
    }

    @Test
    void aModelLoadIsShownApartFromTheTimeToTheFirstToken(FxRobot robot) throws Exception {
        forcingScript.then("2*2=4", "\n", "</think>").then(" 4");
        robot.interact(() -> {
            view.viewModel().connection().use("forcing", null, null, "scripted");
            compare().restoreColumns(List.of("only=tokens:20"));
            compare().prompt().promptProperty().set("Start with 2. Double it. What number do you get?");
        });
        runAndWait(robot);

        MetricsStrip metrics = columns().getFirst().metricsStrip();
        assertThat(metrics.valueOf("Model load")).isEqualTo("2.50 s");
        assertThat(metrics.valueOf("TTFT think")).endsWith(" ms");
        assertThat(view.compareView().chartsPane().values("Latency", "Model load")).containsExactly(2.5);
        assertThat(view.compareView().chartsPane().values("Latency", "First token").getFirst()).isLessThan(2.5);
        assertThat(view.compareView().chartsPane().keyShown("Latency"))
                .containsExactly("Model load", "First token", "Thinking", "Answer");
    }

    @Test
    void theConfidenceSwitchTakesTheFocusAndTurnsWithSpace(FxRobot robot) throws Exception {
        javafx.scene.Node toggle = robot.lookup("#confidenceToggle").query();
        robot.interact(() -> view.viewModel().connection().use("confident", null, null, "scripted"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !toggle.isDisabled());
        assertThat(toggle.isFocusTraversable()).isTrue();
        robot.interact(toggle::requestFocus);

        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare().confidenceShownProperty().get()).as("on").isTrue();
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare().confidenceShownProperty().get()).as("off again").isFalse();
    }

    @Test
    void theThinkingIsColouredByConfidenceWhereTheEngineReportsItAndTheSwitchSaysWhyNotElsewhere(FxRobot robot)
            throws Exception {
        robot.interact(() -> compare().prompt().promptProperty().set("q"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> compare().canRunProperty().get());
        javafx.scene.Node toggle = robot.lookup("#confidenceToggle").query();
        assertThat(toggle.isDisabled()).as("the scripted engine reports no probabilities").isTrue();
        javafx.scene.control.Label why = robot.lookup("#confidenceUnavailable")
                .queryAs(javafx.scene.control.Label.class);
        assertThat(why.getText()).isEqualTo("not on this engine");
        assertThat(why.getTooltip().getText()).contains("Scripted test engine does not report them");

        confidentScript.then("Two", " doubled", " is", " maybe", " six", "</think>").then(" 4");
        robot.interact(() -> {
            view.viewModel().connection().use("confident", null, null, "scripted");
            compare().restoreColumns(List.of("only=tokens:20"));
            compare().prompt().promptProperty().set("Start with 2. Double it. What number do you get?");
        });
        runAndWait(robot);
        assertThat(toggle.isDisabled()).isFalse();
        ColumnView column = columns().getFirst();
        assertThat(column.lookupAll(".confidence-guessing")).as("off: plain thinking").isEmpty();

        double switchX = toggle.localToScreen(toggle.getBoundsInLocal()).getMinX();
        robot.clickOn("#confidenceToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(toggle.localToScreen(toggle.getBoundsInLocal()).getMinX()).as("the legend did not push the switch")
                .isEqualTo(switchX);
        assertThat(column.thinkingText()).isEqualTo("Two doubled is maybe six");
        assertThat(texts(column.thinkingArea(), ".confidence-guessing")).containsExactly(" maybe");
        assertThat(texts(column.thinkingArea(), ".confidence-unsure")).containsExactly(" six");
        assertThat(texts(column.thinkingArea(), ".confidence-sure")).containsExactly("Two doubled is");
        assertThat(texts(column.answerArea(), ".confidence-unsure")).as("the answer too").containsExactly(" 4");
        assertThat(robot.lookup("#confidenceLegend").query().isVisible()).isTrue();

        // resting the pointer on a token the model hesitated over says what else it nearly wrote
        javafx.scene.text.Text six = (javafx.scene.text.Text) column.thinkingArea().lookupAll(".confidence-unsure")
                .iterator().next();
        javafx.geometry.Point2D sixAt = robot.point(six).query();
        robot.moveTo(sixAt);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.thinkingArea().hoverText()).isEqualTo("Chose “ six” at 55% · also likely: "
                + "“ four” 34%, “ else” 11%");
        javafx.scene.text.Text sure = (javafx.scene.text.Text) column.thinkingArea().lookupAll(".confidence-sure")
                .iterator().next();
        javafx.geometry.Point2D sureAt = robot.point(sure).query();
        robot.moveTo(sureAt);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.thinkingArea().hoverText()).as("the model was sure there").isNull();
        javafx.scene.text.Text four = (javafx.scene.text.Text) column.answerArea().lookupAll(".confidence-unsure")
                .iterator().next();
        robot.moveTo(four);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.answerArea().hoverText()).isEqualTo("Chose “ 4” at 50% · also likely: "
                + "“ 5” 38%, “ else” 13%");

        robot.clickOn("#confidenceToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.lookupAll(".confidence-guessing")).isEmpty();
        robot.moveTo(sureAt).moveTo(sixAt);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.thinkingArea().hoverText()).as("the view is off").isNull();
        assertThat(column.thinkingText()).isEqualTo("Two doubled is maybe six");
    }

    private static List<String> texts(javafx.scene.Node area, String selector) {
        return area.lookupAll(selector).stream().map(n -> ((javafx.scene.text.Text) n).getText()).toList();
    }
}
