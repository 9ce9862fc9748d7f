package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepSummary;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The equal-compute view: pick a thinking-token budget per problem (a power of two on the slider, or any number typed
 * beside it) and see each strategy's best accuracy among its points that spend no more
 * ({@link SweepSummary#equalCompute}), as bars with the point each bar comes from. UI thread only.
 */
final class EqualComputeView implements FigureView {

    /** The most tokens the field takes: past the slider's end (2^15), as the command line's --equal-compute does. */
    static final int MAX_TOKENS = 1 << 24;
    private final Slider budget = new Slider(0, 15, 6);
    private final TextField budgetText = new TextField();
    private int tokens = 64;
    /** Set while the slider follows a typed number, so it does not round that number to a power of two. */
    private boolean following;
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), IntervalChart.accuracyAxis());
    private final Label detail = new Label();
    private final VBox pane;
    private SweepFigures shown = SweepFigures.EMPTY;
    /** The strategies in plan order: the accuracy curves' order, which gives each strategy its colour. */
    private List<String> planned = List.of();

    @Override
    public void plan(List<String> strategies) {
        planned = List.copyOf(strategies);
    }

    EqualComputeView() {
        budget.setId("equalComputeBudget");
        budget.setMajorTickUnit(1);
        budget.setMinorTickCount(0);
        budget.setSnapToTicks(true);
        budget.setBlockIncrement(1);
        budget.setPrefWidth(260);
        budget.valueProperty().addListener((obs, old, now) -> {
            if (!following) {
                tokens = 1 << (int) Math.round(now.doubleValue());
                draw();
            }
        });
        budgetText.setId("equalComputeText");
        budgetText.setPrefColumnCount(7);
        budgetText.setTooltip(Icons.tip(Messages.get("sweep.chart.equal.typed")));
        budgetText.setOnAction(e -> typed());
        budgetText.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                typed();
            }
        });
        chart.setId("equalComputeChart");
        chart.setTitle(Messages.get("sweep.chart.equal.title"));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getXAxis().setLabel(Messages.get("sweep.chart.equal.axis"));
        detail.getStyleClass().add("chart-note");
        detail.setWrapText(true);
        // each strategy's number at the budget, whole: on as many lines as it needs (cut at 1280 px, the last
        // strategy's was never seen), and in full on hover
        detail.setMinHeight(Region.USE_PREF_SIZE);
        Icons.tipFollowing(detail, detail.textProperty());
        Label budgetLabel = new Label(Messages.get("sweep.chart.equal.budget"));
        // the words stay whole; the slider gives way in a narrow pane
        budgetLabel.setMinWidth(Region.USE_PREF_SIZE);
        budgetText.setMinWidth(Region.USE_PREF_SIZE);
        budget.setMinWidth(60);
        HBox.setHgrow(budget, Priority.ALWAYS);
        HBox bar = new HBox(10, budgetLabel, budget, budgetText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 0, 10));
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setMargin(detail, new Insets(0, 10, 6, 10));
        pane = new VBox(bar, chart, detail);
    }

    @Override
    public String title() {
        return Messages.get("sweep.chart.equal.tab");
    }

    @Override
    public String fileName() {
        return "accuracy-at-equal-compute.png";
    }

    @Override
    public Region node() {
        return pane;
    }

    /** The chart and its numbers, titled with the budget (the slider and field that chose it stay on screen). */
    @Override
    public Region exportNode() {
        chart.setTitle(Messages.get("sweep.chart.equal.titleAt", tokens));
        VBox figure = new VBox(chart, detail);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return figure;
    }

    @Override
    public void show(SweepFigures figures) {
        shown = figures;
        draw();
    }

    /** The budget picked, in compute tokens per problem. */
    int tokens() {
        return tokens;
    }

    /**
     * Takes the number typed beside the slider (thousands separators allowed) as the budget and moves the slider to
     * it; anything else is marked and the budget stays.
     */
    private void typed() {
        String t = budgetText.getText() == null ? "" : budgetText.getText().replace(",", "").replace("_", "").strip();
        try {
            int v = Integer.parseInt(t);
            if (v < 1 || v > MAX_TOKENS) {
                throw new NumberFormatException();
            }
            budgetText.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            if (v != tokens) {
                tokens = v;
                follow(Math.min(budget.getMax(), Math.log(v) / Math.log(2)));
                draw();
            }
        } catch (NumberFormatException e) {
            budgetText.pseudoClassStateChanged(Styles.STATE_DANGER, true);
        }
    }

    /** Moves the slider to {@code value} without taking its power of two as the budget. */
    private void follow(double value) {
        following = true;
        try {
            budget.setValue(value);
        } finally {
            following = false;
        }
    }

    private void draw() {
        budgetText.setText(String.format(Locale.ROOT, "%,d", tokens));
        budgetText.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        List<SweepSummary.EqualCompute> at = SweepSummary.equalCompute(shown.rows(), tokens);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<String> words = new ArrayList<>();
        for (SweepSummary.EqualCompute e : at) {
            SummaryRow p = e.point();
            String name = StrategyNames.shown(e.strategy());
            XYChart.Data<String, Number> bar = new XYChart.Data<>(name, p == null ? 0 : 100 * p.accuracy());
            colour(bar, colourIndex(e.strategy(), at));
            series.getData().add(bar);
            words.add(p == null ? Messages.get("sweep.chart.equal.none", name, tokens)
                    : Messages.get("sweep.chart.equal.point", name, IntervalChart.percent(p.accuracy()),
                    p.label(), String.format(Locale.ROOT, "%.0f", p.meanThinkingTokens())));
        }
        chart.getData().setAll(List.of(series));
        detail.setText(words.stream().collect(Collectors.joining(" \u00b7 ")));
    }

    /**
     * The strategy's place among the accuracy curves (plan order, then the others as they come), whose colour its bar
     * takes: one series drew every bar in the first curve's colour.
     */
    private int colourIndex(String strategy, List<SweepSummary.EqualCompute> at) {
        List<String> order = new ArrayList<>(planned);
        at.forEach(e -> {
            if (!order.contains(e.strategy())) {
                order.add(e.strategy());
            }
        });
        return order.indexOf(strategy) % CHART_COLOURS;
    }

    /** The themes' chart colours ({@code -color-chart-1..8}), in the order their series take them. */
    private static final int CHART_COLOURS = 8;

    /**
     * Fills the bar with the theme's chart colour {@code index} (the curve's): the chart classes every bar of its one
     * series alike, and does so again whenever it lays them out, so the colour goes in the bar's own style.
     */
    private static void colour(XYChart.Data<String, Number> bar, int index) {
        String style = "-fx-bar-fill: -color-chart-" + (index + 1) + ";";
        if (bar.getNode() != null) {
            bar.getNode().setStyle(style);
        }
        bar.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                node.setStyle(style);
            }
        });
    }

    /** The fill of each bar as styled, in order, for tests. */
    List<String> barColours() {
        return chart.getData().isEmpty() ? List.of() : chart.getData().getFirst().getData().stream()
                .map(d -> d.getNode() == null ? "" : d.getNode().getStyle()).toList();
    }

    @Override
    public FigureView fresh() {
        EqualComputeView copy = new EqualComputeView();
        copy.planned = planned;
        copy.tokens = tokens;
        copy.follow(budget.getValue());
        copy.draw();
        return copy;
    }

    Label detail() {
        return detail;
    }
}
