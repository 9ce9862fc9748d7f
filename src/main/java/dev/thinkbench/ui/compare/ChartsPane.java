package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Money;
import dev.thinkbench.ui.common.DisplayConverter;
import javafx.collections.FXCollections;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Live charts of the columns: tokens (thinking and answer stacked; their sum where an engine reports only that), cost, and latency split into time to first token,
 * thinking and answer. Redrawn from {@link CompareViewModel#figuresProperty()}, which changes at most a few times a
 * second; values are updated in place, nothing animates, and the value axes grow in steps ({@link AxisScale})
 * rather than auto-ranging on every update. Unknown values draw no bar. UI thread only.
 */
public final class ChartsPane extends HBox {

    private final Chart tokens = new Chart(Messages.get("chart.tokens"), "tokens-chart", Messages.get("chart.tokens.unit"), true, 10, "#,##0",
            List.of(new Part(Messages.get("chart.part.thinking"), "thinking", f -> toDouble(f.thinkingTokens())),
                    new Part(Messages.get("chart.part.answer"), "answer", f -> toDouble(f.answerTokens())),
                    // an engine that reports only the sum (Anthropic): one bar of both, keyed apart
                    new Part(Messages.get("chart.part.unsplit"), "unsplit", f -> toDouble(f.unsplitTokens()))));
    // micro-model runs cost fractions of a cent even at hosted rates: the axis fits them, however small
    private final Chart cost = new Chart(Messages.get("chart.cost"), "cost-chart", "USD", false, 0.000001, "0.#######",
            List.of(new Part(Messages.get("chart.cost"), "cost", f -> f.cost() == null ? null : f.cost().doubleValue())));
    // the micro model answers in tens of milliseconds: an axis of at least a second drew its bars as flat lines
    private final Chart latency = new Chart(Messages.get("chart.latency"), "latency-chart", Messages.get("chart.latency.unit"), true, 0.01, "#,##0.####",
            List.of(new Part(Messages.get("chart.latency.load"), "load", f -> seconds(f.loadMs())),
                    new Part(Messages.get("chart.part.firstToken"), "first-token", f -> seconds(f.firstTokenMs())),
                    new Part(Messages.get("chart.part.thinking"), "thinking", f -> seconds(f.thinkingMs())),
                    new Part(Messages.get("chart.part.answer"), "answer", f -> seconds(f.answerMs()))));

    /**
     * The cost chart's place: a third of the pane, or only as wide as its note when it has no bar to draw (every run
     * was free, or the model has no price).
     */
    private VBox costSlot;
    /** How wide the cost chart's place is while it shows only its note (free, or no price), in ems of the note. */
    private static final double FREE_NOTE_EMS = 15;
    /** Said instead of a plot with no bars: the runs were free (a local engine), or the model has no price. */
    private final Label freeNote = new Label(Messages.get("chart.cost.free"));
    /** Whether the charts are shown to an audience ({@link #setForAudience}). */
    private boolean forAudience;
    /** Whether the note says the model has no price (rather than that the runs were free). */
    private boolean unpricedShown;
    /**
     * Whether the engine chosen now bills its runs (a hosted one): free runs shown then are kept from a local engine
     * before the switch, and "Priced as", which prices free runs only, is greyed.
     */
    private boolean pricedByEngine;
    private final Label estimateNote = new Label();
    /** The whole estimate note (the rates and their source); the label shows its head. */
    private final Tooltip estimateTip = Icons.tip("");
    /** What the cost chart's numbers are (an estimate's rates), empty when the costs are the engines' own. */
    private final Supplier<String> costNote;

    public ChartsPane(CompareViewModel compare) {
        this(compare.figuresProperty().get(), () -> compare.costNoteProperty().get());
        compare.figuresProperty().addListener((obs, old, now) -> show(now));
        // columns kept through a switch to a hosted engine keep their free runs: the note says where those ran, not
        // that the engine chosen now is free, nor to pick a "Priced as" that is greyed
        setPricedByEngine(compare.pricedByEngineProperty().get());
        compare.pricedByEngineProperty().addListener((obs, was, now) -> setPricedByEngine(now));
    }

    /**
     * Charts of fixed figures, following nothing (an exported slide).
     *
     * @param costNote what an estimate is priced at ({@link CompareViewModel#costNoteProperty()}), empty for none
     */
    public ChartsPane(List<ColumnFigures> figures, String costNote) {
        this(figures, () -> costNote == null ? "" : costNote);
    }

    private ChartsPane(List<ColumnFigures> figures, Supplier<String> costNote) {
        super(12);
        this.costNote = costNote;
        getStyleClass().add("charts-pane");
        freeNote.getStyleClass().add("chart-note");
        freeNote.setMouseTransparent(true);
        freeNote.setWrapText(true);
        estimateNote.setId("costEstimateNote");
        estimateNote.getStyleClass().addAll("chart-note", "estimate-note");
        // beside the cost chart's title, where its key would be (the rates' source in full in its tooltip): on a line
        // of its own it left the plot of a short window's chart a sliver; one line, cut rather than wrapped
        estimateNote.setWrapText(false);
        // the note's place is sized in ems of its font: a zoom or presenter mode after it showed refits it, once CSS
        // has applied (not inside the CSS pass)
        freeNote.fontProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(
                () -> fitCostSlot(freeNote.isVisible())));
        estimateNote.setMinWidth(0);
        estimateNote.maxWidthProperty().bind(cost.header.widthProperty());
        estimateNote.setTooltip(estimateTip);
        estimateNote.managedProperty().bind(estimateNote.visibleProperty());
        for (Chart c : List.of(tokens, cost, latency)) {
            Region slot = c == cost ? costSlot(c) : c.slot(c.chart);
            HBox.setHgrow(slot, Priority.ALWAYS);
            slot.setMinWidth(0);
            getChildren().add(slot);
        }
        Tooltip.install(tokens.chart, Icons.tip(Messages.get("chart.tokens.help")));
        Tooltip.install(cost.chart, Icons.tip(Messages.get("chart.cost.help")));
        Tooltip.install(latency.chart, Icons.tip(Messages.get("chart.latency.help")));
        show(figures);
    }

    private VBox costSlot(Chart c) {
        c.header.getChildren().add(estimateNote);
        costSlot = c.slot(new StackPane(c.chart, freeNote));
        return costSlot;
    }

    /**
     * Over runs that all cost nothing the cost chart has no bars to draw: it gives its room to the other two and
     * shows only its note (the note lay over its own empty axis, and at 1280x720 in presenter mode the empty chart
     * took a third of a strip the others needed).
     */
    private void fitCostSlot(boolean onlyFree) {
        cost.chart.setVisible(!onlyFree);
        HBox.setHgrow(costSlot, onlyFree ? Priority.NEVER : Priority.ALWAYS);
        if (onlyFree) {
            double em = freeNote.getFont().getSize();
            costSlot.setPrefWidth(FREE_NOTE_EMS * em);
            costSlot.setMaxWidth(FREE_NOTE_EMS * em);
            // not squeezed below it by charts that want more room (the note then lay over the latency axis)
            costSlot.setMinWidth(Region.USE_PREF_SIZE);
        } else {
            costSlot.setPrefWidth(Region.USE_COMPUTED_SIZE);
            costSlot.setMaxWidth(Double.MAX_VALUE);
            costSlot.setMinWidth(0);
        }
    }

    /**
     * Whether the charts are shown to an audience (presenter mode, a slide) rather than to the user at the controls:
     * the cost chart's note over free runs then says only that they were free, not which control would price them
     * (a control the room does not see, or a slide cannot press).
     */
    public void setForAudience(boolean audience) {
        forAudience = audience;
        if (freeNote.isVisible() && !unpricedShown) {
            freeNote.setText(freeWords());
        }
    }

    /**
     * Whether the engine chosen now bills its own runs: the note over free runs (each ran on a local engine, whatever
     * is chosen now) then says they ran on this machine and that the chosen engine bills, rather than pointing to
     * "Priced as", which such an engine greys.
     */
    void setPricedByEngine(boolean billed) {
        pricedByEngine = billed;
        if (freeNote.isVisible() && !unpricedShown) {
            freeNote.setText(freeWords());
        }
    }

    private String freeWords() {
        return Messages.get(forAudience ? "chart.cost.free.audience"
                : pricedByEngine ? "chart.cost.free.kept" : "chart.cost.free");
    }

    /**
     * Fits the cost chart's place to what it shows now, at once: for a snapshot taken right after CSS and layout (a
     * slide), where the fit that follows a font change would come only after the picture was taken.
     */
    public void fitNow() {
        fitCostSlot(freeNote.isVisible());
    }

    /** Whether the cost chart draws its plot (not only the note that the runs were free); for tests. */
    boolean costPlotShown() {
        return cost.chart.isVisible();
    }

    /**
     * The least height of the charts that still reads, in ems of their titles' type: at 1280 x 720 (14 px) a value
     * axis shows 0 and one number above it from about 111 px, below that only its 0, and under about 90 px all its
     * numbers at one height.
     */
    static final double READABLE_EMS = 8;

    /**
     * The least height at which the charts read: their titles, a plot with room for a scale (0 and a number above
     * it), and the column names below it.
     */
    public double readableHeight() {
        return READABLE_EMS * ((Label) tokens.header.getChildren().getFirst()).getFont().getSize();
    }

    /** The key entries a chart shows, by name (a part no column knows a value for is left out); for tests. */
    public List<String> keyShown(String chart) {
        return chart(chart).keyShown();
    }

    /** The cost chart's note in full: what an estimate is priced at, or that the runs were free; for tests. */
    public String costNote() {
        return estimateNote.isVisible() ? estimateTip.getText() : freeNote.isVisible() ? freeNote.getText() : "";
    }

    /** Whether the cost chart's axis shows its numbers (not over nothing but zeros); for tests. */
    boolean costTicksShown() {
        return cost.y.isTickLabelsVisible();
    }

    /** The cost chart's note as shown on the chart, for tests. */
    String costNoteShown() {
        return estimateNote.isVisible() ? estimateNote.getText() : "";
    }

    /** A chart's height (its plot and axes, below its title and key), by chart title; for tests. */
    double chartHeight(String chart) {
        return chart(chart).chart.getHeight();
    }

    /** The column names a chart's axis shows, by chart title; for tests. */
    List<String> axisLabels(String chart) {
        return chart(chart).x.lookupAll("Text").stream().filter(javafx.scene.Node::isVisible)
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> t != null && !t.isBlank()).toList();
    }

    /** The top of a chart's value axis, by chart title; for tests. */
    double axisTop(String chart) {
        return chart(chart).y.getUpperBound();
    }

    /** The bar values of a chart's series, by chart title ("Tokens", "Cost", "Latency") and series name. */
    public List<Double> values(String chart, String series) {
        return chart(chart).values(series);
    }

    private Chart chart(String title) {
        return switch (title) {
            case "Tokens" -> tokens;
            case "Cost" -> cost;
            case "Latency" -> latency;
            default -> throw new IllegalArgumentException("no chart " + title);
        };
    }

    /** Shows {@code figures}: the charts follow the Compare tab's this way (package-private for tests). */
    void show(List<ColumnFigures> figures) {
        List<String> labels = uniqueLabels(figures);
        tokens.show(labels, figures);
        cost.show(labels, figures);
        latency.show(labels, figures);
        List<ColumnFigures> known = figures.stream().filter(f -> f.cost() != null).toList();
        // "free on this machine" only for a local engine's runs: a hosted run billed nothing is $0, not free
        boolean allFree = !known.isEmpty() && known.stream()
                .allMatch(f -> f.cost().signum() == 0 && f.costBasis() == Money.Basis.FREE);
        // no bar at all because the model has no price: say so, as the Experiments tab's cost chart does
        boolean unpriced = known.isEmpty() && figures.stream().anyMatch(f -> f.costBasis() == Money.Basis.UNPRICED);
        String estimate = costNote.get();
        // "Estimate at gpt-5.4-mini rates" on the chart, the rates and their source in the tooltip
        int details = estimate.indexOf(" (");
        estimateNote.setText(details > 0 ? estimate.substring(0, details) : estimate);
        estimateTip.setText(estimate);
        estimateNote.setVisible(!estimate.isEmpty());
        unpricedShown = unpriced && estimate.isEmpty();
        freeNote.setText(unpricedShown ? Messages.get("chart.cost.unpriced") : freeWords());
        freeNote.setVisible((allFree || unpriced) && estimate.isEmpty());
        fitCostSlot(freeNote.isVisible());
    }

    /** Column labels made unique, since a chart merges equal categories. */
    static List<String> uniqueLabels(List<ColumnFigures> figures) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (ColumnFigures f : figures) {
            String base = f.label() == null || f.label().isBlank() ? Messages.get("column.unnamed") : f.label().strip();
            int n = seen.merge(base, 1, Integer::sum);
            out.add(n == 1 ? base : base + " (" + n + ")");
        }
        return out;
    }

    private static Double toDouble(Integer v) {
        return v == null ? null : v.doubleValue();
    }

    private static Double seconds(Long ms) {
        return ms == null ? null : ms / 1000.0;
    }

    /**
     * A column's label as the charts' axis shows it: a long one ("128 + 6 Waits") on two lines, broken at the space
     * nearest its middle, so that neighbours in a narrow chart neither run together nor get dropped by the axis.
     */
    static String axisLabel(String label) {
        return axisLabel(label, AXIS_LABEL_CHARS);
    }

    /**
     * The same with a tighter limit for more columns: five candidates' "sample 1" .. "sample 5" side by side did not
     * fit a 1280-px chart on one line each, and JavaFX then turned the labels upright, which left the bars a sliver.
     */
    static String axisLabel(String label, int oneLineChars) {
        if (label.length() <= oneLineChars || label.contains("\n")) {
            return label;
        }
        int best = -1;
        for (int i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) {
            if (best < 0 || Math.abs(2 * i - label.length()) < Math.abs(2 * best - label.length())) {
                best = i;
            }
        }
        return best <= 0 ? label : label.substring(0, best) + "\n" + label.substring(best + 1);
    }

    /**
     * The axis labels of {@code columnLabels}: each {@link #axisLabel}, a long one cut in its middle first
     * ({@link #shortened}) so that an 80-character name does not take the plot's room; where two cut ones would come
     * out the same (the chart would merge them), those two stay whole.
     */
    static List<String> axisLabels(List<String> columnLabels, int oneLineChars) {
        List<String> cut = columnLabels.stream().map(ChartsPane::shortened).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columnLabels.size(); i++) {
            String c = cut.get(i);
            boolean clash = java.util.Collections.frequency(cut, c) > 1;
            out.add(axisLabel(clash ? columnLabels.get(i) : c, oneLineChars));
        }
        return out;
    }

    /** The longest column name an axis shows whole; a longer one keeps its start and its end. */
    static final int AXIS_LABEL_MAX_CHARS = 24;

    /** {@code label}, or for a longer one than {@link #AXIS_LABEL_MAX_CHARS} its start and end around an ellipsis. */
    static String shortened(String label) {
        if (label.length() <= AXIS_LABEL_MAX_CHARS) {
            return label;
        }
        int head = (AXIS_LABEL_MAX_CHARS - 1) / 2 + 1;
        int tail = AXIS_LABEL_MAX_CHARS - 1 - head;
        return label.substring(0, head).stripTrailing() + "\u2026" + label.substring(label.length() - tail).stripLeading();
    }

    /** Axis labels up to this long stay on one line (with up to {@value #FEW_COLUMNS} columns). */
    private static final int AXIS_LABEL_CHARS = 9;
    /** More columns than this break their labels from {@value #MANY_COLUMNS_LABEL_CHARS} characters. */
    private static final int FEW_COLUMNS = 4;
    private static final int MANY_COLUMNS_LABEL_CHARS = 5;

    /**
     * One series: its name, what it means (a style class that gives its bars and its key swatch one colour across the
     * charts) and how to read its value from a column's figures (null: unknown).
     */
    private record Part(String name, String meaning, Function<ColumnFigures, Double> value) {
    }

    /**
     * A bar chart whose series are the parts and whose categories are the columns. Its title and key (a swatch and a
     * name per part, for the parts some column has) share a line above the plot and wrap below each other only when
     * the chart is too narrow for both: JavaFX's own legend below the plot needed a line of its own, so a short
     * window's charts had to go without one.
     */
    private static final class Chart {
        private final XYChart<String, Number> chart;
        private final FlowPane header = new FlowPane(10, 0);
        private final List<Label> keys = new ArrayList<>();
        private final CategoryAxis x = new CategoryAxis();
        private final NumberAxis y = new NumberAxis();
        private final List<Part> parts;
        private final boolean stacked;
        private final double minimumUpper;
        private final List<XYChart.Series<String, Number>> series = new ArrayList<>();
        private List<String> categories = List.of();
        private AxisScale scale;
        private boolean relabelPending;
        private final String heading;
        private final DecimalFormat format;
        /** The columns' whole labels and figures last shown, for {@link #summary()}. */
        private List<String> shownLabels = List.of();
        private List<ColumnFigures> shownFigures = List.of();

        Chart(String title, String styleClass, String unit, boolean stacked, double minimumUpper, String tickFormat,
              List<Part> parts) {
            this.parts = parts;
            this.stacked = stacked;
            this.minimumUpper = minimumUpper;
            y.setAnimated(false);
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setMinorTickVisible(false);
            format = new DecimalFormat(tickFormat, DecimalFormatSymbols.getInstance(Locale.ROOT));
            y.setTickLabelFormatter(DisplayConverter.of(format::format));
            rescale(0);
            x.setAnimated(false);
            // JavaFX's axis hides a category label for good once one layout finds too little room for it (a resize
            // or a stylesheet change passes through tiny sizes); building its labels again after each width change
            // brings them back
            x.widthProperty().addListener((obs, old, now) -> relabelSoon());
            // a screen reader reads the chart as its heading and each column's values (made when asked)
            chart = stacked ? new StackedBarChart<>(x, y) {
                @Override
                public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
                    return attribute == AccessibleAttribute.TEXT ? summary()
                            : super.queryAccessibleAttribute(attribute, parameters);
                }
            } : new BarChart<>(x, y) {
                @Override
                public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
                    return attribute == AccessibleAttribute.TEXT ? summary()
                            : super.queryAccessibleAttribute(attribute, parameters);
                }
            };
            this.heading = title.equalsIgnoreCase(unit) ? title : title + " (" + unit + ")";
            Label heading = new Label(this.heading);
            heading.getStyleClass().add("chart-heading");
            header.getStyleClass().add("chart-header");
            header.setAlignment(Pos.CENTER);
            header.getChildren().add(heading);
            if (parts.size() > 1) {
                for (Part p : parts) {
                    Region swatch = new Region();
                    swatch.getStyleClass().addAll("chart-key-swatch", p.meaning());
                    Label key = new Label(p.name(), swatch);
                    key.getStyleClass().add("chart-key");
                    key.setVisible(false);
                    key.managedProperty().bind(key.visibleProperty());
                    keys.add(key);
                    header.getChildren().add(key);
                }
            }
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.getStyleClass().addAll("run-chart", styleClass);
            // sizes in em (thinkbench.css .run-chart), so they follow the zoom
            if (chart instanceof BarChart<String, Number> bar) {
                bar.setCategoryGap(24);
            } else if (chart instanceof StackedBarChart<String, Number> bar) {
                bar.setCategoryGap(24);
            }
            for (Part p : parts) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(p.name());
                series.add(s);
            }
            chart.getData().setAll(series);
        }

        /** The chart under its header, the plot taking the height left. */
        VBox slot(Region plot) {
            VBox.setVgrow(plot, Priority.ALWAYS);
            plot.setMinHeight(0);
            return new VBox(2, header, plot);
        }

        List<String> keyShown() {
            return keys.stream().filter(Label::isVisible).map(Label::getText).toList();
        }

        List<Double> values(String name) {
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p).name().equals(name)) {
                    return series.get(p).getData().stream().map(d -> d.getYValue().doubleValue()).toList();
                }
            }
            throw new IllegalArgumentException("no series " + name);
        }

        /** The heading, then each column's known values by part ("Tokens (Tokens): 8 tokens: Thinking 8, Answer 3"). */
        String summary() {
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < shownFigures.size() && i < shownLabels.size(); i++) {
                List<String> values = new ArrayList<>();
                for (Part p : parts) {
                    Double v = p.value().apply(shownFigures.get(i));
                    if (v != null) {
                        values.add(parts.size() > 1 ? Messages.get("chart.summary.part", p.name(), format.format(v))
                                : format.format(v));
                    }
                }
                columns.add(Messages.get("chart.summary.column", shownLabels.get(i),
                        values.isEmpty() ? "\u2013" : String.join(", ", values)));
            }
            return Messages.get("chart.summary", heading,
                    columns.isEmpty() ? Messages.get("chart.summary.none") : String.join("; ", columns));
        }

        void show(List<String> columnLabels, List<ColumnFigures> figures) {
            shownLabels = List.copyOf(columnLabels);
            shownFigures = List.copyOf(figures);
            int oneLine = columnLabels.size() > FEW_COLUMNS ? MANY_COLUMNS_LABEL_CHARS : AXIS_LABEL_CHARS;
            List<String> labels = axisLabels(columnLabels, oneLine);
            if (!labels.equals(categories)) {
                categories = List.copyOf(labels);
                x.setCategories(FXCollections.observableArrayList(labels));
                for (XYChart.Series<String, Number> s : series) {
                    List<XYChart.Data<String, Number>> data = new ArrayList<>();
                    for (String label : labels) {
                        data.add(new XYChart.Data<>(label, 0));
                    }
                    s.getData().setAll(data);
                }
                relabelSoon();
            }
            double[] totals = new double[figures.size()];
            double max = 0;
            for (int p = 0; p < parts.size(); p++) {
                XYChart.Series<String, Number> s = series.get(p);
                boolean known = false;
                for (int i = 0; i < figures.size(); i++) {
                    Double v = parts.get(p).value().apply(figures.get(i));
                    known |= v != null;
                    double shown = v == null ? 0 : v;
                    totals[i] = stacked ? totals[i] + shown : Math.max(totals[i], shown);
                    max = Math.max(max, totals[i]);
                    XYChart.Data<String, Number> d = s.getData().get(i);
                    if (!Objects.equals(d.getYValue().doubleValue(), shown)) {
                        d.setYValue(shown);
                    }
                }
                if (!keys.isEmpty() && keys.get(p).isVisible() != known) {
                    keys.get(p).setVisible(known);
                }
            }
            rescale(max);
        }

        private void relabelSoon() {
            if (!relabelPending) {
                relabelPending = true;
                javafx.application.Platform.runLater(() -> {
                    relabelPending = false;
                    x.invalidateRange(categories);
                });
            }
        }

        /** Fits the value axis to {@code max}; it changes only when the step does. */
        private void rescale(double max) {
            // an axis for fractions of a cent over nothing (no run yet, or all free) read 0.0000004, 0.0000008
            y.setTickLabelsVisible(max > 0 || minimumUpper >= 1);
            AxisScale fitting = AxisScale.fitting(max, minimumUpper);
            if (!fitting.equals(scale)) {
                scale = fitting;
                y.setUpperBound(fitting.upper());
                y.setTickUnit(fitting.tickUnit());
            }
        }
    }
}
