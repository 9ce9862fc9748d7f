package dev.thinkbench.ui.compare;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.thinkbench.ui.common.Icons;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import dev.thinkbench.ui.common.Messages;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;

/**
 * The budget columns side by side, equally wide, scrolling sideways when they no longer fit, with an "add column"
 * button at the end. Follows {@link CompareViewModel#columns()}. UI thread only.
 */
public final class ColumnsPane extends ScrollPane {

    /**
     * Below this height (in ems of the window's font) the columns show their key numbers only: at 1280x720 all of
     * them would leave the thinking three lines.
     */
    static final double ROOMY_EMS = 36;

    private final CompareViewModel compare;
    private final HBox row = new HBox(12);
    private final Button add;
    private final List<ColumnView> views = new ArrayList<>();
    private final BooleanProperty verdictsHoldPlace = new SimpleBooleanProperty(this, "verdictsHoldPlace");
    private final NumbersFold numbers = new NumbersFold();
    /** The height the charts below gave up for the columns' least height ({@link #setLentHeight}). */
    private double lentHeight;

    public ColumnsPane(CompareViewModel compare) {
        this.compare = compare;
        getStyleClass().addAll("columns-pane", Tweaks.EDGE_TO_EDGE);
        add = Icons.button(null, Feather.PLUS, Messages.get("column.add.help"), "add-column", Styles.FLAT);
        add.setOnAction(e -> compare.addColumn());
        add.setMaxHeight(Double.MAX_VALUE);
        row.getStyleClass().add("columns-row");
        setContent(row);
        // Not fitToHeight: the row takes the viewport's height but never less than its minimum, so a column that
        // needs more room (a long error) gets a vertical scroll bar instead of being cut off.
        setFitToHeight(false);
        viewportBoundsProperty().addListener((obs, old, now) -> {
            row.setPrefHeight(now.getHeight());
            judgeRoom();
        });
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        compare.columns().addListener((ListChangeListener<ColumnViewModel>) c -> rebuild());
        rebuild();
        skinProperty().addListener((obs, old, now) -> uncacheViewport());
    }

    /**
     * The scroll pane's skin caches its viewport as a bitmap, which pays off for static content; here the text areas
     * change every few frames, so the cache forced a repaint of every column each time. Without it only the changed
     * area is repainted.
     */
    private void uncacheViewport() {
        Node viewport = lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    private ColumnView newColumn(ColumnViewModel vm) {
        ColumnView view = new ColumnView(vm, compare, numbers);
        view.verdictBox().holdsPlaceProperty().bind(verdictsHoldPlace);
        return view;
    }

    /**
     * Whether the columns' verdicts keep their place before an answer is graded (presenter mode: the thinking keeps
     * its height when the answers come in front of the room).
     */
    public BooleanProperty verdictsHoldPlaceProperty() {
        return verdictsHoldPlace;
    }

    private void rebuild() {
        List<ColumnView> keep = new ArrayList<>();
        boolean appended = false;
        for (ColumnViewModel vm : compare.columns()) {
            ColumnView existing = views.stream().filter(v -> v.viewModel() == vm).findFirst().orElse(null);
            keep.add(existing != null ? existing : newColumn(vm));
            appended = existing == null && !views.isEmpty() && vm == compare.columns().getLast();
        }
        // a column removed with the keyboard's focus in it (its x pressed): the focus goes to the column that takes
        // its place, not back to the top of the window
        int focusedGone = -1;
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        for (int i = 0; i < views.size() && focus != null; i++) {
            if (!keep.contains(views.get(i)) && dev.thinkbench.ui.common.SceneGraph.isInside(focus, views.get(i))) {
                focusedGone = i;
            }
        }
        views.stream().filter(v -> !keep.contains(v)).forEach(ColumnView::dispose);
        views.clear();
        views.addAll(keep);
        keep.forEach(v -> HBox.setHgrow(v, Priority.ALWAYS));
        row.getChildren().setAll(keep);
        row.getChildren().add(add);
        boolean last = keep.size() <= 1;
        keep.forEach(v -> v.lookupAll(".remove-column").forEach(n -> n.setDisable(last)));
        if (focusedGone >= 0) {
            Node next = keep.isEmpty() ? add
                    : keep.get(Math.min(focusedGone, keep.size() - 1)).lookup(".remove-column");
            Node target = next == null || next.isDisabled() ? add : next;
            javafx.application.Platform.runLater(target::requestFocus);
        }
        if (appended && getScene() != null) {
            // Bring a column the user just added into view.
            layout();
            setHvalue(getHmax());
        }
    }

    /**
     * The height the pane gives the columns beyond their least height: negative while they lack some (and scroll by
     * it).
     */
    public double spareHeight() {
        return getViewportBounds().getHeight() - row.minHeight(-1);
    }

    /**
     * Says how much of the viewport's height the charts below gave up so that the columns have their least height:
     * it does not count as room for all the numbers (charts folded away to make room left the columns tall enough
     * for all of them, whose added height then kept the charts from ever coming back).
     */
    void setLentHeight(double px) {
        lentHeight = Math.max(0, px);
        judgeRoom();
    }

    private void judgeRoom() {
        numbers.roomyProperty().set(getViewportBounds().getHeight() - lentHeight
                >= ROOMY_EMS * add.getFont().getSize());
    }

    /** All numbers or the key ones, in every column. */
    public NumbersFold numbers() {
        return numbers;
    }

    /** The column views in order, for tests. */
    public List<ColumnView> columnViews() {
        return List.copyOf(views);
    }
}
