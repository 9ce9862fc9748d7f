package dev.thinkbench.lab.export;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Compare tab's three charts (tokens, cost, latency) drawn with Java2D in a light print style, for exports made
 * without a window (the command line): one slide of 1920 x 1080 with the three side by side, and each alone at the
 * same size. Colours mean what they mean on screen: thinking indigo, answer green, first token grey, cost amber.
 * Unknown values draw no bar. Stateless; any thread (headless AWT).
 */
public final class ChartImages {

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    private static final Color THINKING = new Color(0x7c6cf2);
    private static final Color ANSWER = new Color(0x2da44e);
    /** Thinking and answer together, where only their sum is reported (the window's colour for it). */
    private static final Color UNSPLIT = new Color(0x3b8ea5);
    private static final Color FIRST_TOKEN = new Color(0x9aa4b2);
    private static final Color COST = new Color(0xd4a72c);
    private static final Color TEXT = new Color(0x1f2328);
    private static final Color MUTED = new Color(0x59636e);
    private static final Color GRID = new Color(0xd1d9e0);

    private ChartImages() {
    }

    /** One series of a chart. */
    private record Part(String name, Color color, Function<RunMetrics, Double> value) {
    }

    /** One chart: its title, unit and parts (stacked when more than one). */
    private record Chart(String title, String unit, List<Part> parts) {
    }

    private static final Chart TOKENS = new Chart("Tokens", "tokens", List.of(
            new Part("Thinking", THINKING, m -> toDouble(m.thinkingTokens().value())),
            new Part("Answer", ANSWER, m -> toDouble(m.answerTokens().value())),
            new Part("Thinking + answer", UNSPLIT, m -> toDouble(m.unsplitOutputTokens()))));
    private static final Chart COSTS = new Chart("Cost", "USD", List.of(
            new Part("Cost", COST, m -> m.cost().known() ? m.cost().amount().doubleValue() : null)));
    private static final Chart LATENCY = new Chart("Latency", "seconds", List.of(
            new Part("First token", FIRST_TOKEN, m -> seconds(firstToken(m))),
            new Part("Thinking", THINKING, m -> seconds(thinkingTime(m))),
            new Part("Answer", ANSWER, m -> seconds(answerTime(m)))));

    /**
     * PNG files by name: {@code charts.png} (the three on one slide), {@code tokens.png}, {@code cost.png},
     * {@code latency.png}.
     */
    public static Map<String, byte[]> render(ComparisonReport report) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("charts.png", png(slide(report)));
        out.put("tokens.png", png(single(report, TOKENS)));
        out.put("cost.png", png(single(report, COSTS)));
        out.put("latency.png", png(single(report, LATENCY)));
        return out;
    }

    private static BufferedImage slide(ComparisonReport report) {
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString(clip(g, report.heading(), WIDTH - 120), 60, 80);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        g.setColor(MUTED);
        g.drawString(clip(g, "\u201c" + report.setup().prompt().replaceAll("\\s+", " ") + "\u201d", WIDTH - 120),
                60, 125);
        int w = (WIDTH - 120) / 3;
        List<Chart> charts = List.of(TOKENS, COSTS, LATENCY);
        for (int i = 0; i < charts.size(); i++) {
            draw(g, charts.get(i), report, 60 + i * w, 170, w - 30, HEIGHT - 210);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage single(ComparisonReport report, Chart chart) {
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        draw(g, chart, report, 80, 60, WIDTH - 160, HEIGHT - 110);
        g.dispose();
        return image;
    }

    private static BufferedImage canvas() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** Draws one chart in the box (x, y, w, h): title, value axis with grid lines, bars, labels, legend. */
    private static void draw(Graphics2D g, Chart chart, ComparisonReport report, int x, int y, int w, int h) {
        List<ComparisonReport.Column> columns = report.ran();
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.drawString(chart.title() + " (" + chart.unit() + ")", x, y + 34);
        int legendH = 50; // kept for every chart, so the three plots share one baseline
        int top = y + 70;
        int bottom = y + h - 60 - legendH;
        int left = x + 110;
        int right = x + w;
        double max = 0;
        for (ComparisonReport.Column c : columns) {
            double total = 0;
            for (Part p : chart.parts()) {
                Double v = p.value().apply(c.metrics());
                total += v == null ? 0 : v;
            }
            max = Math.max(max, total);
        }
        double[] scale = niceScale(max, chart == COSTS ? 0.01 : chart == LATENCY ? 1 : 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        FontMetrics fm = g.getFontMetrics();
        for (double tick = 0; tick <= scale[0] + 1e-12; tick += scale[1]) {
            int ty = bottom - (int) Math.round(tick / scale[0] * (bottom - top));
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(left, ty, right, ty);
            g.setColor(MUTED);
            String label = tickLabel(tick, chart);
            g.drawString(label, left - 14 - fm.stringWidth(label), ty + fm.getAscent() / 2 - 2);
        }
        int n = Math.max(1, columns.size());
        int slot = (right - left) / n;
        int barW = Math.max(8, (int) (slot * 0.55));
        for (int i = 0; i < columns.size(); i++) {
            ComparisonReport.Column c = columns.get(i);
            int bx = left + i * slot + (slot - barW) / 2;
            double stacked = 0;
            for (Part p : chart.parts()) {
                Double v = p.value().apply(c.metrics());
                if (v == null || v <= 0) {
                    continue;
                }
                int y0 = bottom - (int) Math.round(stacked / scale[0] * (bottom - top));
                stacked += v;
                int y1 = bottom - (int) Math.round(stacked / scale[0] * (bottom - top));
                g.setColor(p.color());
                g.fillRect(bx, y1, barW, Math.max(1, y0 - y1));
            }
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            String label = clip(g, c.label(), slot - 8);
            g.drawString(label, left + i * slot + (slot - g.getFontMetrics().stringWidth(label)) / 2, bottom + 36);
        }
        g.setColor(MUTED);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(left, bottom, right, bottom);
        if (chart.parts().size() > 1) {
            legend(g, chart, columns, left, bottom + 60 + legendH / 2);
        }
        if (chart == COSTS && allFree(columns)) {
            note(g, "Free: every run was on a local engine", (left + right) / 2, (top + bottom) / 2);
        } else if (chart == COSTS && unpriced(columns)) {
            note(g, "No run has a known cost: no price for this model", (left + right) / 2, (top + bottom) / 2);
        }
    }

    /** Every known cost is a local engine's nothing (a hosted run billed nothing is $0, not free). */
    private static boolean allFree(List<ComparisonReport.Column> columns) {
        List<Money> known = columns.stream().map(c -> c.metrics().cost()).filter(Money::known).toList();
        return !known.isEmpty() && known.stream().allMatch(Money::free);
    }

    /** No cost is known because the model has no price. */
    private static boolean unpriced(List<ComparisonReport.Column> columns) {
        List<Money> costs = columns.stream().map(c -> c.metrics().cost()).toList();
        return costs.stream().noneMatch(Money::known) && costs.stream().anyMatch(m -> m.basis() == Money.Basis.UNPRICED);
    }

    private static void note(Graphics2D g, String text, int cx, int cy) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text) + 40;
        int h = fm.getHeight() + 24;
        g.setColor(new Color(0xf6f8fa));
        g.fillRoundRect(cx - w / 2, cy - h / 2, w, h, 16, 16);
        g.setColor(MUTED);
        g.drawString(text, cx - w / 2 + 20, cy + fm.getAscent() / 2 - 2);
    }

    /** The chart's key: a swatch and a name for each part some column has a value for. */
    private static void legend(Graphics2D g, Chart chart, List<ComparisonReport.Column> columns, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        int at = x;
        for (Part p : chart.parts()) {
            if (columns.stream().noneMatch(c -> p.value().apply(c.metrics()) != null)) {
                continue;
            }
            g.setColor(p.color());
            g.fillRect(at, y - 16, 20, 20);
            g.setColor(TEXT);
            g.drawString(p.name(), at + 28, y);
            at += 28 + g.getFontMetrics().stringWidth(p.name()) + 30;
        }
    }

    /** {top, tick}: the top grows 1-2-5 (1, 2, 5, 10, 20, ...), at least {@code minimumTop}. */
    static double[] niceScale(double max, double minimumTop) {
        double target = Math.max(max, minimumTop);
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        for (double step : new double[]{1, 2, 5, 10}) {
            double top = step * magnitude;
            if (top >= target * (1 - 1e-9)) {
                return new double[]{top, top / (step == 2 ? 4 : 5)};
            }
        }
        return new double[]{10 * magnitude, 2 * magnitude};
    }

    private static String tickLabel(double v, Chart chart) {
        if (chart == COSTS) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String clip(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && fm.stringWidth(cut + "\u2026") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    /** {@code image} encoded as PNG. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG", e);
        }
        return out.toByteArray();
    }

    private static Double toDouble(Integer v) {
        return v == null ? null : v.doubleValue();
    }

    private static Double seconds(Long ms) {
        return ms == null ? null : ms / 1000.0;
    }

    /** From the start to the first token of any kind. */
    static Long firstToken(RunMetrics m) {
        Long a = m.timeToFirstThinkingMs();
        Long b = m.timeToFirstAnswerMs();
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.min(a, b);
    }

    static Long thinkingTime(RunMetrics m) {
        if (m.thinkingMs() != null) {
            return m.thinkingMs();
        }
        return firstToken(m) != null ? Long.valueOf(0) : null;
    }

    static Long answerTime(RunMetrics m) {
        if (m.timeToFirstAnswerMs() == null || m.totalMs() == null) {
            return null;
        }
        return Math.max(0, m.totalMs() - m.timeToFirstAnswerMs());
    }
}
