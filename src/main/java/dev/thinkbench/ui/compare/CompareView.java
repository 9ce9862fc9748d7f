package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.FrameDriver;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private final ChartsPane chartsPane;
    /** The charts with the answers' tally above them. */
    private final javafx.scene.layout.VBox chartsArea;
    private boolean shortcutsEnabled = true;

    public CompareView(CompareViewModel compare) {
        this.compare = compare;
        getStyleClass().add("compare-view");
        prompt = new PromptPane(compare);
        columns = new ColumnsPane(compare);
        chartsPane = new ChartsPane(compare);
        chartsArea = new VBox(4, new TallyLine(compare), chartsPane);
        VBox.setVgrow(chartsPane, Priority.ALWAYS);
        VBox.setVgrow(columns, Priority.ALWAYS);
        BestOfNBar bestOfN = new BestOfNBar(compare);
        HBox.setHgrow(bestOfN, Priority.ALWAYS);
        charts = new SplitPane(new VBox(new HBox(bestOfN, new ConfidenceBar(compare)), columns), chartsArea);
        charts.setOrientation(Orientation.VERTICAL);
        charts.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(chartsArea, false);
        SplitPane main = new SplitPane(prompt, charts);
        main.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(prompt, false);
        getChildren().add(main);
        frames = new FrameDriver(compare::tick);
        sceneProperty().addListener((obs, old, now) -> onScene(old, now));
    }

    private void onScene(Scene old, Scene now) {
        if (old != null) {
            old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
            old.removeEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        }
        if (now == null) {
            frames.stop();
            compare.cancelAll();
            return;
        }
        now.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
        now.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        frames.start();
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
            compare.cancelAll();
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

    /** The column views, for tests and the benchmark. */
    public ColumnsPane columnsPane() {
        return columns;
    }

    /** The live charts, for tests. */
    public ChartsPane chartsPane() {
        return chartsPane;
    }

    public PromptPane promptPane() {
        return prompt;
    }

    /** Hides or shows the charts below the columns. */
    public void setChartsVisible(boolean visible) {
        boolean shown = charts.getItems().contains(chartsArea);
        if (visible && !shown) {
            charts.getItems().add(chartsArea);
            charts.setDividerPositions(0.72);
        } else if (!visible && shown) {
            charts.getItems().remove(chartsArea);
        }
    }
}
