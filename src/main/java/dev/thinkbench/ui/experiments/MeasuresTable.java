package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * s1's three measures (s1 §3.2), a row each, with a column per strategy: Control (the share of runs whose thinking
 * stayed within its budget's bounds), Scaling (the mean slope of the curve, per doubling of the tokens, and per 1,000
 * tokens or per a smaller power of ten that the curve spans: {@link ScalingWords#slopeIn}), Performance (the best accuracy), and
 * where the curve saturates. While results stream in, each cell's value is an observable string set in place, so new
 * measures change only the cells whose text changed: the table's rows and cells are made again only when the
 * strategies change (a {@code refresh()} would make every cell anew, with
 * its tooltip, four times a second). The strategies of the sweep set up have their columns before it starts
 * ({@link #plan}). UI thread only.
 */
final class MeasuresTable extends TableView<MeasuresTable.Measure> {

    /** One row: a measure's name, what it means, and how a strategy's value reads. */
    record Measure(String name, String help, Function<ScalingMeasures, String> value) {
    }

    /**
     * The token unit of every strategy's Scaling per tokens: the one the narrowest curve needs, so the cells of one
     * row compare directly.
     */
    private int tokenUnit = 1000;

    /** The index of the Scaling per tokens row in {@link #measures}. */
    private static final int PER_TOKENS = 2;

    /** The rows, in the language shown when the table is made. */
    private final List<Measure> measures = List.of(
            measure("control", m -> m.control() == null ? Formats.DASH
                    : String.format(Locale.ROOT, "%.0f%%", 100 * m.control())),
            measure("perDoubling", m -> points(m.scalingPerDoubling())),
            measure("perTokens", m -> ScalingWords.slopeIn(m, tokenUnit)),
            measure("performance", m -> IntervalChart.percent(m.performance())),
            measure("saturation", ScalingWords::saturation));

    /** The Scaling per tokens row's name, with the unit its cells are in ("Scaling per 10 tokens"). */
    private final SimpleStringProperty perTokensName = new SimpleStringProperty(ScalingWords.rowName(1000));
    private List<ScalingMeasures> shown = List.of();
    /** The strategies the sweep set up runs, in plan order: each has a column before it has measures. */
    private List<String> planned = List.of();
    /** The strategy of each column: the planned ones, then any other that has measures. */
    private List<String> strategies = List.of();
    /** The text of each cell: [measure][strategy], set in place. */
    private final List<List<SimpleStringProperty>> values = new ArrayList<>();

    MeasuresTable() {
        setId("measuresTable");
        setAccessibleText(Messages.get("sweep.measures.header"));
        getStyleClass().addAll("measures-table", Styles.DENSE);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(wrapping(Messages.get("sweep.measures.placeholder"), 480));
        rebuild();
    }

    /** The measure named and explained by the bundle's {@code sweep.measures.<key>} and its {@code .help}. */
    private static Measure measure(String key, Function<ScalingMeasures, String> value) {
        return new Measure(Messages.get("sweep.measures." + key), Messages.get("sweep.measures." + key + ".help"),
                value);
    }

    /** A placeholder that wraps at {@code width} instead of being cut off. */
    static Label wrapping(String text, double width) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(width);
        l.setTextAlignment(TextAlignment.CENTER);
        l.getStyleClass().add("chart-note");
        return l;
    }

    private static String points(Double v) {
        return v == null ? Formats.DASH : Messages.get("sweep.measures.points", String.format(Locale.ROOT, "%+.1f", v));
    }

    private void rebuild() {
        List<TableColumn<Measure, String>> cols = new ArrayList<>();
        TableColumn<Measure, String> name = new TableColumn<>();
        name.textProperty().bind(header);
        name.setCellValueFactory(d -> d.getValue() == measures.get(PER_TOKENS) ? perTokensName
                : new ReadOnlyObjectWrapper<>(d.getValue().name()));
        name.setCellFactory(c -> new HoverTooltipCell<>(Measure::help));
        name.setPrefWidth(140);
        name.setSortable(false);
        cols.add(name);
        values.clear();
        for (Measure m : measures) {
            List<SimpleStringProperty> row = new ArrayList<>();
            strategies.forEach(s -> row.add(new SimpleStringProperty(text(m, s))));
            values.add(row);
        }
        for (int i = 0; i < strategies.size(); i++) {
            int index = i;
            TableColumn<Measure, String> c = new TableColumn<>(StrategyNames.shown(strategies.get(i)));
            // the cell observes its value, so new measures show without new cells
            c.setCellValueFactory(d -> values.get(measures.indexOf(d.getValue())).get(index));
            // all five rows in view: a column narrows again when a long value ("at 100% ...") goes
            c.setCellFactory(col -> new WholeTextCell<>(true));
            c.setSortable(false);
            cols.add(c);
        }
        getColumns().setAll(cols);
        getItems().setAll(strategies.isEmpty() ? List.of() : measures);
    }

    /** The text of measure {@code m} for {@code strategy}: a dash while the strategy has no measures. */
    private String text(Measure m, String strategy) {
        for (ScalingMeasures s : shown) {
            if (s.strategy().equals(strategy)) {
                return m.value().apply(s);
            }
        }
        return Formats.DASH;
    }

    /**
     * Lays the table out for the strategies of the sweep set up (a column each, every value a dash until it has
     * results), so that the first measures of a sweep fill cells made before it started.
     */
    void plan(List<String> strategiesPlanned) {
        planned = List.copyOf(strategiesPlanned);
        update();
    }

    /** The first column's title: "s1 measure", or "... so far" while the sweep has runs left. */
    private final SimpleStringProperty header = new SimpleStringProperty(Messages.get("sweep.measures.header"));

    /**
     * Whether the measures are of a sweep still under way: they move a lot on few runs (a slope of +150 points a
     * doubling half-way), so the table says they are so far.
     */
    void setPartial(boolean partial) {
        header.set(Messages.get(partial ? "sweep.measures.header.partial" : "sweep.measures.header"));
    }

    /** The first column's title, for tests. */
    String header() {
        return header.get();
    }

    /** Shows new measures: new columns only when the strategies changed, else the same cells with new values. */
    void show(SweepFigures figures) {
        if (figures.measures().equals(shown)) {
            return;
        }
        shown = figures.measures();
        tokenUnit = ScalingMeasures.tokenUnit(shown);
        perTokensName.set(ScalingWords.rowName(tokenUnit));
        update();
    }

    private void update() {
        java.util.LinkedHashSet<String> wanted = new java.util.LinkedHashSet<>(planned);
        shown.forEach(m -> wanted.add(m.strategy()));
        if (!List.copyOf(wanted).equals(strategies)) {
            strategies = List.copyOf(wanted);
            rebuild();
            return;
        }
        for (int m = 0; m < measures.size(); m++) {
            for (int i = 0; i < strategies.size(); i++) {
                String text = text(measures.get(m), strategies.get(i));
                SimpleStringProperty value = values.get(m).get(i);
                if (!text.equals(value.get())) {
                    value.set(text);
                }
            }
        }
    }

    /**
     * The text shown for {@code measure} (by its name as shown) and the strategy in column {@code strategy} (0-based).
     */
    String valueAt(String measure, int strategy) {
        for (int m = 0; m < measures.size(); m++) {
            if (measures.get(m).name().equals(measure)) {
                return values.get(m).get(strategy).get();
            }
        }
        throw new IllegalArgumentException("no measure " + measure);
    }

    /** The rows' names as shown (the Scaling per tokens row with its unit), for tests. */
    List<String> rowNames() {
        return measures.stream().map(m -> m == measures.get(PER_TOKENS) ? perTokensName.get() : m.name()).toList();
    }

    /** The measures shown, one strategy each. */
    List<ScalingMeasures> shown() {
        return shown;
    }
}
