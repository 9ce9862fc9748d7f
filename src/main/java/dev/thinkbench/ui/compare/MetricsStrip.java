package dev.thinkbench.ui.compare;

import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.ui.common.FontScale;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * A column's numbers as small tiles: prompt / thinking / answer tokens (each marked reported or counted), the model
 * load the run waited for (apart from the time to the first token), time to the first thinking and answer token,
 * thinking time, total, output tokens per second, cost and the seconds of generation beside it. Unknown values are a
 * dash. Three to six tiles a row, as many as the column's width holds at its font (fewer rows, so a short window
 * keeps more of the thinking in view). Folded ({@link #allShownProperty()} false), one row of the key tiles: thinking
 * tokens, total time and cost first. UI thread only.
 */
public final class MetricsStrip extends GridPane {

    private static final int TILES_PER_ROW = 3;
    private static final int WIDE_TILES_PER_ROW = 6;
    /** A tile needs about this many ems of the value font to show "TTFT answer" and "12.34 s" side by side. */
    private static final double TILE_EMS = 4.8;
    /** The style class of a value in the smaller font, and that font's size against the value's own (CSS). */
    static final String TIGHT = "stat-value-tight";
    private static final double TIGHT_RATIO = 0.85 / 1.05;
    /** Wider than any character of the value's bold font, in ems: a text this many ems long surely fits. */
    private static final double SURE_EM_PER_CHAR = 0.75;

    private final Stat prompt = new Stat(Messages.get("metrics.prompt"), Messages.get("metrics.prompt.help"));
    private final Stat thinking = new Stat(Messages.get("metrics.thinking"), Messages.get("metrics.thinking.help"));
    private final Stat answer = new Stat(Messages.get("metrics.answer"), Messages.get("metrics.answer.help"));
    private final Stat cost = new Stat(Messages.get("metrics.cost"), Messages.get("metrics.cost.help"));
    private final Stat firstThinking = new Stat(Messages.get("metrics.firstThinking"), Messages.get("metrics.firstThinking.help"));
    private final Stat firstAnswer = new Stat(Messages.get("metrics.firstAnswer"), Messages.get("metrics.firstAnswer.help"));
    private final Stat thinkingTime = new Stat(Messages.get("metrics.thinkingTime"), Messages.get("metrics.thinkingTime.help"));
    private final Stat total = new Stat(Messages.get("metrics.total"), Messages.get("metrics.total.help"));
    private final Stat rate = new Stat(Messages.get("metrics.rate"), Messages.get("metrics.rate.help"));
    private final Stat load = new Stat(Messages.get("metrics.load"), Messages.get("metrics.load.help"));
    private final Stat compute = new Stat(Messages.get("metrics.compute"), Messages.get("metrics.compute.help"));

    /** Every tile, in the order they are shown unfolded. */
    private final List<Stat> all = List.of(thinking, answer, prompt, load, firstThinking, firstAnswer, thinkingTime,
            total, rate, cost, compute);
    /** The tiles a folded strip shows, as many as a row holds, the most telling first. */
    private final List<Stat> key = List.of(thinking, total, cost, answer, prompt, rate);
    private final BooleanProperty allShown = new SimpleBooleanProperty(this, "allShown", true);
    /** A refit after a font change is queued (see the constructor). */
    private boolean refitDue;

    public MetricsStrip() {
        getStyleClass().add("metrics-strip");
        setHgap(6);
        setVgap(6);
        arrange(TILES_PER_ROW);
        widthProperty().addListener((obs, old, now) -> fitTiles());
        // presenter mode and the zoom change the fonts, not always the width; fonts change while CSS is applied,
        // when the tiles may not be moved: after it
        javafx.beans.InvalidationListener fontChanged = obs -> refitLater();
        thinking.value.fontProperty().addListener(fontChanged);
        all.forEach(s -> s.caption.fontProperty().addListener(fontChanged));
        allShown.addListener((obs, old, now) -> rearrange(tilesPerRow()));
        show(RunMetrics.empty());
    }

    /** True (the default) for every tile, false for one row of the key ones. */
    public BooleanProperty allShownProperty() {
        return allShown;
    }

    private void refitLater() {
        if (!refitDue) {
            refitDue = true;
            javafx.application.Platform.runLater(() -> {
                refitDue = false;
                fitTiles();
            });
        }
    }

    private void fitTiles() {
        double em = thinking.value.getFont().getSize();
        // the widest caption must fit too: its font grows apart from the value's (presenter mode cut "TTFT ans...")
        double captions = 0;
        for (Stat s : all) {
            captions = Math.max(captions, FontScale.textWidth(s.caption.getText(), s.caption.getFont()));
        }
        int fits = (int) Math.min(Math.floor(getWidth() / (TILE_EMS * em)),
                Math.floor((getWidth() + getHgap()) / (captions + 2 + getHgap())));
        int perRow = Math.max(TILES_PER_ROW, Math.min(WIDE_TILES_PER_ROW, fits));
        if (perRow != tilesPerRow()) {
            rearrange(perRow);
        }
    }

    private void rearrange(int perRow) {
        arrange(perRow);
        // re-arranged inside a layout pass (presenter mode, a resize) or between two: the rows' new height reaches
        // the column in the next pass, which nothing else may ask for
        javafx.application.Platform.runLater(() -> {
            if (getParent() != null) {
                getParent().requestLayout();
            }
        });
    }

    private void arrange(int perRow) {
        getChildren().clear();
        getColumnConstraints().clear();
        for (int i = 0; i < perRow; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / perRow);
            c.setHalignment(HPos.LEFT);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        List<Stat> shown = allShown.get() ? all : key.subList(0, Math.min(perRow, key.size()));
        for (int i = 0; i < shown.size(); i++) {
            add(shown.get(i), i % perRow, i / perRow);
        }
    }

    /** Tiles in a row now, for tests. */
    int tilesPerRow() {
        return getColumnConstraints().size();
    }

    /** Shows {@code m}. */
    public void show(RunMetrics m) {
        prompt.set(m.promptTokens());
        if (m.unsplitOutputTokens() != null) {
            // only the sum is reported (Anthropic): the thinking was at most that, said so rather than "-"
            String sum = Formats.tokens(TokenCount.reported(m.unsplitOutputTokens()));
            thinking.set("\u2264 " + sum, Messages.get("metrics.reported.short"));
            thinking.explain(Messages.get("metrics.source.unsplit", thinking.help, sum));
        } else {
            thinking.set(m.thinkingTokens());
        }
        answer.set(m.answerTokens());
        String money = Formats.money(m.cost());
        cost.set(money, "");
        // the amount in full first: a narrow tile cuts "$0.00009" to "$0.000..."
        cost.explain(money + "\n" + (m.cost().note() == null || m.cost().note().isBlank()
                ? Messages.get("metrics.cost.unknown") : Messages.get("metrics.cost.note", m.cost().note())));
        firstThinking.set(Formats.millis(m.timeToFirstThinkingMs()), "");
        firstAnswer.set(Formats.millis(m.timeToFirstAnswerMs()), "");
        thinkingTime.set(Formats.millis(m.thinkingMs()), "");
        total.set(Formats.millis(m.totalMs()), "");
        rate.set(Formats.rateNumber(m.tokensPerSecond()), "");
        load.set(Formats.millis(m.modelLoadMs()), "");
        compute.set(Formats.millis(m.generationMs()), "");
    }

    /** Whether the value of the tile with this caption shows in the smaller font now, for tests. */
    boolean tight(String caption) {
        return tile(caption).value.getStyleClass().contains(TIGHT);
    }

    /** The value text of a tile, by caption, shown or folded away, for tests. */
    public String valueOf(String caption) {
        return tile(caption).value.getText();
    }

    /** The tooltip text of a tile, by caption, for tests. */
    String explanationOf(String caption) {
        return tile(caption).explanation.getText();
    }

    /** Whether the tile with this caption is shown now, for tests. */
    public boolean shows(String caption) {
        return getChildren().contains(tile(caption));
    }

    private Stat tile(String caption) {
        return all.stream().filter(s -> s.caption.getText().equals(caption)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tile " + caption));
    }

    /** One tile: caption over value and a small marker (where a token count came from). */
    private static final class Stat extends VBox {
        private final Label caption;
        private final Label value = new Label();
        private final Label marker = new Label();
        private final String help;
        private final Tooltip explanation;

        Stat(String captionText, String help) {
            this.help = help;
            caption = new Label(captionText);
            caption.getStyleClass().add("stat-caption");
            value.getStyleClass().add("stat-value");
            marker.getStyleClass().add("stat-marker");
            marker.setVisible(false);
            marker.setManaged(false);
            HBox line = new HBox(4, value, marker);
            line.setAlignment(Pos.BASELINE_LEFT);
            getChildren().addAll(caption, line);
            getStyleClass().add("stat");
            explanation = Icons.tip(help);
            Tooltip.install(this, explanation);
            setMinWidth(0);
        }

        /** Set while the value shows in the smaller font because it did not fit the tile in its own. */
        private boolean tight;

        /**
         * A value wider than its tile ("$0.00072" in a fifth of a narrow column) takes the smaller font rather than
         * being cut to "$0.000..."; it goes back once it fits again at its own size.
         */
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            String text = value.getText();
            if (text == null || text.isEmpty()) {
                return;
            }
            double room = getWidth() - snappedLeftInset() - snappedRightInset()
                    - (marker.isManaged() ? marker.prefWidth(-1) + 4 : 0);
            if (!tight && text.length() * value.getFont().getSize() * SURE_EM_PER_CHAR < room) {
                return; // short enough to fit surely: no measuring on every frame a value ticks
            }
            double need = FontScale.textWidth(text, value.getFont()) + value.snappedLeftInset()
                    + value.snappedRightInset();
            // a pixel to spare: the label cuts its text a little before the measured width would say (the last
            // column's "$0.00028" showed "$0.000..." at 1920 while the check said it fit)
            if (!tight && Math.ceil(need) > Math.floor(room) - 1) {
                tight = true;
                value.getStyleClass().add(TIGHT);
            } else if (tight && need / TIGHT_RATIO < room - 2) {
                tight = false;
                value.getStyleClass().remove(TIGHT);
            }
        }

        void set(TokenCount count) {
            String source = Formats.source(count);
            set(Formats.tokens(count), source.isEmpty() ? "" : source.equals("reported") ? Messages.get("metrics.reported.short") : Messages.get("metrics.counted.short"));
            explain(Messages.get(source.isEmpty() ? "metrics.source.unknown" : source.equals("reported")
                    ? "metrics.source.reported" : "metrics.source.counted", help));
        }

        void set(String v, String mark) {
            if (!v.equals(value.getText())) {
                value.setText(v);
            }
            if (!mark.equals(marker.getText())) {
                marker.setText(mark);
                marker.setVisible(!mark.isEmpty());
                marker.setManaged(!mark.isEmpty());
            }
        }

        /** Changes the tile's tooltip text; one tooltip per tile, so frequent updates allocate nothing. */
        void explain(String text) {
            if (!text.equals(explanation.getText())) {
                explanation.setText(text);
            }
        }
    }
}
