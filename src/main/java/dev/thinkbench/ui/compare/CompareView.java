package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.FrameDriver;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Compare tab: prompt panel on the left, budget columns with the live charts below them on the right. Drives the
 * view model once per frame while it is in a scene, and installs the tab's shortcuts: Ctrl+Enter runs, Esc cancels
 * all, Ctrl+Shift+N adds a column, while {@link #setShortcutsEnabled enabled}. UI thread only.
 */
public final class CompareView extends StackPane {

    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ADD_COLUMN = new KeyCodeCombination(KeyCode.N,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final CompareViewModel compare;
    private final FrameDriver frames;
    private final ColumnsPane columns;
    private final PromptPane prompt;
    private final SplitPane charts;
    /** The share of the height the columns take above the charts: less in presenter mode, where charts grow. */
    private static final double COLUMNS_SHARE = 0.72;
    private static final double PRESENTING_COLUMNS_SHARE = 0.64;
    private boolean presentingNow;
    /**
     * How far down the divider over the charts was moved to give the columns their least height, in pixels, since it
     * was last placed or dragged.
     */
    private double movedForColumns;
    private final ChartsPane chartsPane;
    private final SplitPane main;
    private final VBox columnsArea;
    /** Says the columns show a run made before the prompt, the model or a budget changed. */
    private final StaleLine staleLine;
    private final BestOfNBar bestOfNBar;
    /** The best-of-N switch and the confidence switch, in one row above the columns. */
    private final HBox switches;
    /** The charts, in the split pane's lower part. */
    private final VBox chartsArea;
    private boolean shortcutsEnabled = true;

    public CompareView(CompareViewModel compare) {
        this.compare = compare;
        getStyleClass().add("compare-view");
        prompt = new PromptPane(compare);
        columns = new ColumnsPane(compare);
        chartsPane = new ChartsPane(compare);
        chartsArea = new VBox(4, chartsPane);
        chartsArea.getStyleClass().add("charts-area");
        VBox.setVgrow(chartsPane, Priority.ALWAYS);
        bestOfNBar = new BestOfNBar(compare);
        // the count of the columns' answers in the row above them (shown while best-of-N is off, so its bar is
        // only its switch): in a short window the charts below keep their height
        TallyLine tally = new TallyLine(compare);
        HBox.setHgrow(tally, Priority.SOMETIMES);
        // a finished run whose prompt, model or budget was changed since: said in the same row, so the columns stay put
        staleLine = new StaleLine(compare);
        HBox.setHgrow(staleLine, Priority.SOMETIMES);
        javafx.scene.layout.Region rest = new javafx.scene.layout.Region();
        HBox.setHgrow(rest, Priority.ALWAYS);
        switches = new HBox(bestOfNBar, staleLine, tally, rest, new ConfidenceBar(compare));
        switches.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        columnsArea = new VBox(switches, bestOfNBar.outcomeLine(), columns);
        VBox.setVgrow(columns, Priority.ALWAYS);
        charts = new SplitPane(columnsArea, chartsArea);
        charts.setOrientation(Orientation.VERTICAL);
        charts.setDividerPositions(COLUMNS_SHARE);
        SplitPane.setResizableWithParent(chartsArea, false);
        chartsArea.maxHeightProperty().addListener((obs, old, now) -> placeChartsDivider());
        main = new SplitPane(prompt, charts);
        main.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(prompt, false);
        getChildren().add(main);
        // the columns' least height comes before the charts' share: a replay bar or a zoom that leaves the columns
        // short of it moves the divider down (a short window's charts shrink to nothing) instead of making them scroll
        columns.viewportBoundsProperty().addListener((obs, old, now) ->
                javafx.application.Platform.runLater(this::makeRoomForColumns));
        // a divider the user takes is where they put it: what it was moved for the columns is not given back over a
        // drag that gave the columns more room (it went back up by that much once let go); the columns still do not
        // count it as room for all their numbers (a press alone would unfold them)
        charts.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (onDivider(e.getTarget())) {
                movedForColumns = 0;
            }
        });
        frames = new FrameDriver(compare::tick);
        compare.setWake(frames::wake);
        sceneProperty().addListener((obs, old, now) -> onScene(old, now));
    }

    private void onScene(Scene old, Scene now) {
        if (old != null) {
            old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
            old.removeEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        }
        if (now == null) {
            frames.hide();
            compare.cancelAll();
            return;
        }
        now.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
        now.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        frames.show();
    }

    /** Ctrl+Enter must win over the text area's own Enter handling, so it is a filter. */
    private void onKeyFilter(KeyEvent e) {
        if (shortcutsEnabled && isVisible() && RUN.match(e)) {
            compare.run();
            e.consume();
        }
    }

    /** Esc is a handler, so that an open popup (a combo box list) closes first and keeps its Esc. */
    private void onKey(KeyEvent e) {
        if (!shortcutsEnabled || !isVisible()) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            compare.escape();
            e.consume();
        } else if (ADD_COLUMN.match(e)) {
            compare.addColumn();
            e.consume();
        }
    }

    /**
     * Turns this tab's window-wide shortcuts on or off: its container turns them off while another tab is selected
     * or a modal card shows, so Esc there never cancels runs here.
     */
    public void setShortcutsEnabled(boolean enabled) {
        shortcutsEnabled = enabled;
    }

    public CompareViewModel viewModel() {
        return compare;
    }

    /** Whether the view asks for frames now: while runs stream, never when idle (for tests). */
    public boolean framesRunning() {
        return frames.isRunning();
    }

    /** The column views, for tests and the benchmark. */
    public ColumnsPane columnsPane() {
        return columns;
    }

    /** The live charts, for tests and for exporting them as images. */
    public ChartsPane chartsPane() {
        return chartsPane;
    }

    public PromptPane promptPane() {
        return prompt;
    }

    /**
     * Folds the best-of-N switch away while {@code replaying} (a recorded session's replay bar takes its place; its
     * columns are budget columns) or {@code presenting}, and the whole row of switches while {@code presenting}
     * (presenter mode shows only the columns; the confidence colouring chosen before stays).
     */
    public void hideSwitchesWhile(ObservableBooleanValue replaying, ObservableBooleanValue presenting) {
        bestOfNBar.visibleProperty().bind(Bindings.not(Bindings.or(replaying, presenting)));
        bestOfNBar.managedProperty().bind(bestOfNBar.visibleProperty());
        switches.visibleProperty().bind(Bindings.not(presenting));
        switches.managedProperty().bind(switches.visibleProperty());
    }

    /** Puts {@code header} above the columns (a session's replay bar), replacing any header there was. */
    public void setColumnsHeader(Node header) {
        columnsArea.getChildren().setAll(switches, bestOfNBar.outcomeLine(), header, columns);
    }

    /**
     * Presenter mode: the prompt panel leaves the screen to the columns (the header above them shows the prompt);
     * Ctrl+Enter still runs. Off brings it back where it was.
     */
    public void setPresenting(boolean presenting) {
        boolean shown = main.getItems().contains(prompt);
        if (presenting && shown) {
            main.getItems().remove(prompt);
        } else if (!presenting && !shown) {
            main.getItems().addFirst(prompt);
            main.setDividerPositions(0.24);
        }
        // the charts are read from the back of the room too: about a third of the height (CSS lets them grow past a
        // short window's cap in presenter mode); the columns' thinking scrolls, the latest lines in view
        presentingNow = presenting;
        chartsPane.setForAudience(presenting);
        columns.verdictsHoldPlaceProperty().set(presenting);
        placeChartsDivider();
    }

    /**
     * Puts the divider over the charts where the mode wants it, after the layout pass in which the mode's styles
     * apply: the charts' height cap comes with them (presenter mode lifts a short window's), and a divider set before
     * stopped at the old cap. Called again whenever the cap changes.
     */
    private void placeChartsDivider() {
        javafx.application.Platform.runLater(() -> {
            if (charts.getItems().contains(chartsArea)) {
                moveForColumns(0);
                charts.setDividerPositions(columnsShare());
            }
        });
    }

    /**
     * Moves the divider over the charts down by what the columns lack of their least height, as far as the charts can
     * shrink (in a 1280 x 720 window the replay bar took that from the columns, which scrolled and cut their thinking),
     * and back up, as far as it was moved since the user last dragged it, once the columns have height to spare again
     * (the replay bar closed). Charts that would be left lower than they can be read ({@link ChartsPane#readableHeight})
     * fold away whole instead (a replay bar and the offer to restore an autosave left a strip whose axis numbers lay
     * over each other), and come back once they can have that height again.
     */
    private void makeRoomForColumns() {
        double height = charts.getHeight();
        if (height <= 0 || !charts.getItems().contains(chartsArea)) {
            return;
        }
        double spare = columns.spareHeight();
        double shown = chartsArea.getHeight();
        double least = chartsArea.minHeight(-1);
        // below this the charts are a strip whose axis numbers lie over each other: they fold away instead
        javafx.geometry.Insets pad = chartsArea.getInsets();
        double readable = chartsPane.readableHeight() + pad.getTop() + pad.getBottom();
        double move = 0;
        if (spare < -0.5) {
            move = Math.min(-spare, shown - least);
            if (shown - move < readable - 0.5) {
                move = shown - least;
            }
        } else if (spare > 0.5 && movedForColumns > 0.5) {
            move = -Math.min(spare, movedForColumns);
            if (shown <= least + 0.5 && shown - move < readable - 0.5) {
                move = 0; // folded, they come back only once they can be read
            }
        }
        if (Math.abs(move) < 0.5) {
            return;
        }
        moveForColumns(movedForColumns + move);
        // from where the divider is, not from its position, which a height cap on the charts may have overridden
        double divider = height - columnsArea.getHeight() - chartsArea.getHeight();
        charts.setDividerPositions(Math.min(1, (columnsArea.getHeight() + divider / 2 + move) / height));
    }

    /** Records how far the divider is moved down for the columns; the columns do not count it as their own room. */
    private void moveForColumns(double px) {
        movedForColumns = px;
        columns.setLentHeight(px);
    }

    /** Whether {@code target} is the divider over the charts, or a part of it. */
    private boolean onDivider(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != charts; n = n.getParent()) {
            if (n.getParent() == charts && n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    private double columnsShare() {
        return presentingNow ? PRESENTING_COLUMNS_SHARE : COLUMNS_SHARE;
    }

    /** Hides or shows the charts below the columns. */
    public void setChartsVisible(boolean visible) {
        boolean shown = charts.getItems().contains(chartsArea);
        if (visible && !shown) {
            charts.getItems().add(chartsArea);
            moveForColumns(0);
            charts.setDividerPositions(columnsShare());
        } else if (!visible && shown) {
            charts.getItems().remove(chartsArea);
        }
    }
}
