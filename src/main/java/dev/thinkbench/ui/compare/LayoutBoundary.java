package dev.thinkbench.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

/**
 * Holds one node as a layout root, for content that changes often while its size rarely does (live numbers, a status
 * line): a change inside lays out the content only, instead of every container up to the window. Before each layout
 * pass in which the content changed, its preferred size is measured again, and only a size that grew (or a height that
 * changed, for content whose height depends on its width) is passed on to the parents. The width it asks for never
 * shrinks, so that numbers growing and shrinking by a digit do not move anything around them. UI thread only.
 */
final class LayoutBoundary extends Region {

    private final Region content;
    private final Runnable beforeLayout = this::checkSize;
    private boolean contentChanged;
    private double askedWidth;
    private double askedHeight = -1;
    /** The most width it asks for, whatever its content wants (a title in a narrow pane); unlimited by default. */
    private javafx.beans.value.ObservableDoubleValue widthLimit;

    LayoutBoundary(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        content.needsLayoutProperty().addListener((obs, was, needs) -> contentChanged |= needs);
        sceneProperty().addListener((obs, old, now) -> moveListener(old, now));
    }

    private void moveListener(Scene old, Scene now) {
        if (old != null) {
            old.removePreLayoutPulseListener(beforeLayout);
        }
        if (now != null) {
            now.addPreLayoutPulseListener(beforeLayout);
        }
    }

    private void checkSize() {
        if (!contentChanged) {
            return;
        }
        contentChanged = false;
        double width = content.prefWidth(-1);
        double height = content.prefHeight(getWidth() > 0 ? contentWidth() : -1);
        if (width > askedWidth || height != askedHeight) {
            requestLayout();
        }
    }

    private double contentWidth() {
        Insets in = getInsets();
        return Math.max(0, getWidth() - in.getLeft() - in.getRight());
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        content.resizeRelocate(in.getLeft(), in.getTop(), contentWidth(),
                Math.max(0, getHeight() - in.getTop() - in.getBottom()));
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    /** Asks for no more width than {@code limit} (content wider is laid out at it: a label then ellipsizes). */
    void limitWidth(javafx.beans.value.ObservableDoubleValue limit) {
        widthLimit = limit;
        limit.addListener((obs, old, now) -> requestLayout());
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        askedWidth = Math.max(askedWidth, content.prefWidth(-1));
        double width = askedWidth + getInsets().getLeft() + getInsets().getRight();
        return widthLimit == null || widthLimit.get() <= 0 ? width : Math.min(width, widthLimit.get());
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        askedHeight = content.prefHeight(width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight()));
        return askedHeight + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(-1) + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        return content.minHeight(width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight()))
                + in.getTop() + in.getBottom();
    }
}
