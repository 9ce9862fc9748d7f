package dev.thinkbench.cli;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepSummary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The sweep charts as images sized for slides (1600 x 900), drawn with Java2D so they render without a display:
 * accuracy against mean compute tokens on a log axis, one line per strategy with 95% intervals, each point labelled
 * with its budget and the saturation point ringed; and accuracy against mean cost per run. Pure; any thread.
 */
final class SweepCharts {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    private static final int LEFT = 120;
    private static final int RIGHT = 330;
    private static final int TOP = 100;
    private static final int BOTTOM = 110;
    private static final Color GRID = new Color(0xE3E3E3);
    /** Pixels kept free between two labels. */
    private static final int LABEL_GAP = 8;
    private static final Color INK = new Color(0x222222);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SweepCharts() {
    }

    /** A horizontal axis: where a value goes (0..1 of the plot width), and its ticks. */
    private interface Axis {
        double position(double value);

        List<double[]> ticks();

        String label(double value);
    }

    static BufferedImage accuracyVsTokens(List<SummaryRow> rows, List<ScalingMeasures> measures, String subtitle) {
        Map<String, List<SummaryRow>> curves = SweepSummary.curves(rows);
        double max = curves.values().stream().flatMap(List::stream).mapToDouble(SummaryRow::meanThinkingTokens)
                .max().orElse(1);
        return draw("Accuracy vs thinking tokens", subtitle, "mean thinking (compute) tokens per run, log scale",
                curves, measures, SummaryRow::meanThinkingTokens, logAxis(max), null);
    }

    /**
     * One strategy's accuracy-vs-compute curve per difficulty (the seeds' point: easy problems saturate early).
     *
     * @param byDifficulty rows per difficulty, as {@link SweepSummary#byDifficulty} gives them
     */
    static BufferedImage accuracyByDifficulty(Map<Integer, List<SummaryRow>> byDifficulty, String strategy,
                                              String subtitle) {
        Map<String, List<SummaryRow>> curves = new java.util.LinkedHashMap<>();
        byDifficulty.forEach((d, rows) -> {
            List<SummaryRow> curve = SweepSummary.curves(rows).get(strategy);
            if (curve != null) {
                curves.put("difficulty " + d, curve);
            }
        });
        double max = curves.values().stream().flatMap(List::stream).mapToDouble(SummaryRow::meanThinkingTokens)
                .max().orElse(1);
        return draw("Accuracy vs thinking tokens by difficulty: " + strategy, subtitle,
                "mean thinking (compute) tokens per run, log scale", curves, List.of(), SummaryRow::meanThinkingTokens,
                logAxis(max), curves.isEmpty() ? "no problem of this strategy has a difficulty" : null);
    }

    /**
     * Why an accuracy-vs-tokens chart would show no point (no run reports its thinking tokens, as Anthropic's API does
     * not, or none of those that do was graded), or empty when it has points to show.
     */
    static java.util.Optional<String> nothingToChartByTokens(List<SummaryRow> rows) {
        if (!SweepSummary.curves(rows).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(rows.stream().allMatch(r -> r.meanThinkingTokens() == null)
                ? "no run has a thinking-token count (the engine reports none)"
                : "no run with a thinking-token count was graded (no expected answer, or the runs failed)");
    }

    /**
     * Why an accuracy-vs-cost chart would show nothing (no graded run has a known cost, or every run was free: all
     * points on one vertical line over a meaningless axis), or empty when it has something to show.
     */
    static java.util.Optional<String> nothingToChartByCost(List<SummaryRow> rows) {
        if (rows.stream().allMatch(r -> r.costUsd() == null)) {
            return java.util.Optional.of("no run has a known cost (no price for this model)");
        }
        List<SummaryRow> priced = costCurves(rows).values().stream().flatMap(List::stream).toList();
        if (priced.isEmpty()) {
            return java.util.Optional.of("no run with a known cost was graded (no expected answer, or the runs "
                    + "failed)");
        }
        return priced.stream().allMatch(r -> costPerRun(r) == 0)
                ? java.util.Optional.of("every run was free (the built-in engine or your own server)")
                : java.util.Optional.empty();
    }

    static BufferedImage accuracyVsCost(List<SummaryRow> rows, String subtitle) {
        Map<String, List<SummaryRow>> curves = costCurves(rows);
        double max = curves.values().stream().flatMap(List::stream).mapToDouble(SweepCharts::costPerRun).max()
                .orElse(0);
        String note = curves.isEmpty() ? "no graded run has a known cost (no price for this model)"
                : max == 0 ? "every run was free (the built-in engine or your own server): all points sit at $0" : null;
        return draw("Accuracy vs cost", subtitle, "mean cost per run (USD)", curves, List.of(),
                SweepCharts::costPerRun, linearAxis(max), note);
    }

    /**
     * Each strategy's points with an accuracy and a cost, cheapest first; a point needs no token count (Anthropic's
     * runs have none, and cost is what they are charted by).
     */
    private static Map<String, List<SummaryRow>> costCurves(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> curves = new java.util.LinkedHashMap<>();
        for (SummaryRow r : rows) {
            if (r.accuracy() != null && r.costUsd() != null) {
                curves.computeIfAbsent(r.strategy(), s -> new ArrayList<>()).add(r);
            }
        }
        curves.values().forEach(c -> c.sort(java.util.Comparator.comparingDouble(SweepCharts::costPerRun)));
        return curves;
    }

    private static double costPerRun(SummaryRow r) {
        int runs = r.n() + r.failed() + r.ungraded();
        return r.costUsd() == null || runs == 0 ? 0 : r.costUsd() / runs;
    }

    private static BufferedImage draw(String title, String subtitle, String xTitle, Map<String, List<SummaryRow>> curves,
                                      List<ScalingMeasures> measures, ToDoubleFunction<SummaryRow> x, Axis axis,
                                      String note) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            frame(g, title, subtitle, xTitle, axis);
            List<Rectangle2D> labels = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, List<SummaryRow>> e : curves.entrySet()) {
                // the strategy's own colour, as the window draws it
                Color c = new Color(dev.thinkbench.lab.sweep.StrategyPalette.rgb(e.getKey()));
                ScalingMeasures m = measures.stream().filter(s -> s.strategy().equals(e.getKey())).findFirst()
                        .orElse(null);
                series(g, e.getValue(), c, x, axis, m, labels);
                legend(g, i, e.getKey(), c, e.getValue(), m);
                i++;
            }
            if (note != null) {
                g.setColor(INK);
                g.setFont(font(Font.ITALIC, 24));
                g.drawString(note, LEFT + 20, TOP + 40);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void frame(Graphics2D g, String title, String subtitle, String xTitle, Axis axis) {
        int w = WIDTH - LEFT - RIGHT;
        int h = HEIGHT - TOP - BOTTOM;
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 36));
        g.drawString(title, LEFT, 52);
        g.setFont(font(Font.PLAIN, 20));
        g.drawString(subtitle, LEFT, 82);
        g.setFont(font(Font.PLAIN, 20));
        for (int p = 0; p <= 100; p += 10) {
            int y = TOP + h - h * p / 100;
            g.setColor(GRID);
            g.drawLine(LEFT, y, LEFT + w, y);
            g.setColor(INK);
            String label = p + "%";
            g.drawString(label, LEFT - 14 - g.getFontMetrics().stringWidth(label), y + 7);
        }
        int lastLabel = Integer.MIN_VALUE;
        for (double[] tick : axis.ticks()) {
            int px = LEFT + (int) Math.round(axis.position(tick[0]) * w);
            g.setColor(GRID);
            g.drawLine(px, TOP, px, TOP + h);
            String label = axis.label(tick[0]);
            int lw = g.getFontMetrics().stringWidth(label);
            if (px - lw / 2 > lastLabel + 12) {
                g.setColor(INK);
                g.drawString(label, px - lw / 2, TOP + h + 30);
                lastLabel = px + lw / 2;
            }
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(2));
        g.drawLine(LEFT, TOP + h, LEFT + w, TOP + h);
        g.drawLine(LEFT, TOP, LEFT, TOP + h);
        g.setFont(font(Font.PLAIN, 22));
        g.drawString(xTitle, LEFT + (w - g.getFontMetrics().stringWidth(xTitle)) / 2, HEIGHT - 40);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("accuracy", -(TOP + h / 2 + 40), 34);
        rotated.dispose();
    }

    /**
     * @param labels where point labels already are (every series of the chart adds its own): a label goes where it
     *               overlaps none, or is left out rather than printed over another
     */
    private static void series(Graphics2D g, List<SummaryRow> points, Color c, ToDoubleFunction<SummaryRow> x,
                               Axis axis, ScalingMeasures m, List<Rectangle2D> labels) {
        int w = WIDTH - LEFT - RIGHT;
        int h = HEIGHT - TOP - BOTTOM;
        Path2D line = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            double px = LEFT + axis.position(x.applyAsDouble(points.get(i))) * w;
            double py = TOP + h - points.get(i).accuracy() * h;
            if (i == 0) {
                line.moveTo(px, py);
            } else {
                line.lineTo(px, py);
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setFont(font(Font.PLAIN, 18));
        String pending = null;
        for (int i = 0; i < points.size(); i++) {
            SummaryRow r = points.get(i);
            double px = LEFT + axis.position(x.applyAsDouble(r)) * w;
            double py = TOP + h - r.accuracy() * h;
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            g.setStroke(new BasicStroke(2));
            int lo = (int) (TOP + h - r.wilson().low() * h);
            int hi = (int) (TOP + h - r.wilson().high() * h);
            g.drawLine((int) px, lo, (int) px, hi);
            g.drawLine((int) px - 6, lo, (int) px + 6, lo);
            g.drawLine((int) px - 6, hi, (int) px + 6, hi);
            g.setColor(c);
            g.fill(new Ellipse2D.Double(px - 7, py - 7, 14, 14));
            if (m != null && r.label().equals(m.saturationLabel())) {
                g.setStroke(new BasicStroke(3));
                g.draw(new Ellipse2D.Double(px - 16, py - 16, 32, 32));
                // the note takes its place among the labels, so none is printed over it
                int nw = g.getFontMetrics().stringWidth("saturates");
                labels.add(new Rectangle2D.Double(px - 24 - nw, py + 6 - g.getFontMetrics().getAscent(), nw,
                        g.getFontMetrics().getAscent() + 2));
                g.drawString("saturates", (float) px - 24 - nw, (float) py + 6);
            }
            // points that fall on the same spot share one label
            pending = pending == null ? r.label() : pending + ", " + r.label();
            boolean sameSpotNext = i + 1 < points.size()
                    && Math.abs(axis.position(x.applyAsDouble(points.get(i + 1))) * w - (px - LEFT)) < 6
                    && Math.abs(points.get(i + 1).accuracy() * h - r.accuracy() * h) < 6;
            if (!sameSpotNext) {
                label(g, pending, px, py, labels);
                pending = null;
            }
        }
    }

    /**
     * Draws {@code text} beside the point at the first free place inside the plot (above right, below right, then
     * the same on the left); where none is free the label is left out rather than printed over another.
     *
     * @return where it went, null when it was left out
     */
    static Rectangle2D label(Graphics2D g, String text, double px, double py,
                                           List<Rectangle2D> labels) {
        FontMetrics fm = g.getFontMetrics();
        int width = fm.stringWidth(text);
        int height = fm.getAscent();
        double[][] places = {{px + 10, py - 10}, {px + 10, py + 28}, {px - 10 - width, py - 10},
                {px - 10 - width, py + 28}};
        for (double[] at : places) {
            Rectangle2D box = new Rectangle2D.Double(at[0], at[1] - height, width,
                    height + 2);
            boolean inside = box.getMinY() >= TOP - 4 && box.getMaxY() <= HEIGHT - BOTTOM
                    && box.getMaxX() <= WIDTH - RIGHT + 20 && box.getMinX() >= LEFT;
            // a gap around it: labels that only touched read as one word ("cap64cap32")
            Rectangle2D room = new Rectangle2D.Double(box.getX() - LABEL_GAP, box.getY() - LABEL_GAP / 2,
                    box.getWidth() + 2 * LABEL_GAP, box.getHeight() + LABEL_GAP);
            if (inside && labels.stream().noneMatch(room::intersects)) {
                labels.add(box);
                g.drawString(text, (float) at[0], (float) at[1]);
                return box;
            }
        }
        return null;
    }

    private static void legend(Graphics2D g, int index, String strategy, Color c, List<SummaryRow> points,
                               ScalingMeasures m) {
        int x = WIDTH - RIGHT + 30;
        int y = TOP + 20 + index * 96;
        g.setColor(c);
        g.fillRect(x, y - 16, 26, 18);
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 24));
        g.drawString(strategy, x + 38, y);
        g.setFont(font(Font.PLAIN, 18));
        double best = points.stream().mapToDouble(SummaryRow::accuracy).max().orElse(0);
        g.drawString("best " + SweepTable.percent(best), x + 38, y + 26);
        if (m != null && m.saturationLabel() != null) {
            g.drawString("saturates at " + m.saturationLabel(), x + 38, y + 50);
        }
    }

    private static Axis logAxis(double maxTokens) {
        double top = Math.log1p(Math.max(maxTokens, 1) * 1.6);
        return new Axis() {
            @Override
            public double position(double value) {
                return Math.log1p(Math.max(0, value)) / top;
            }

            @Override
            public List<double[]> ticks() {
                List<double[]> ticks = new ArrayList<>();
                ticks.add(new double[] {0});
                for (double t = 1; Math.log1p(t) <= top; t *= 2) {
                    ticks.add(new double[] {t});
                }
                return ticks;
            }

            @Override
            public String label(double value) {
                return value >= 10_000 ? String.format(Locale.ROOT, "%.0fk", value / 1000)
                        : String.format(Locale.ROOT, "%.0f", value);
            }
        };
    }

    private static Axis linearAxis(double max) {
        double step = niceStep(max <= 0 ? 1e-6 : max * 1.1 / 8);
        double top = step * Math.max(1, Math.ceil(max * 1.1 / step));
        return new Axis() {
            @Override
            public double position(double value) {
                return value / top;
            }

            @Override
            public List<double[]> ticks() {
                List<double[]> ticks = new ArrayList<>();
                for (double t = 0; t <= top * 1.0001; t += step) {
                    ticks.add(new double[] {t});
                }
                return ticks;
            }

            @Override
            public String label(double value) {
                return value == 0 ? "$0" : "$" + new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
            }
        };
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }
}
