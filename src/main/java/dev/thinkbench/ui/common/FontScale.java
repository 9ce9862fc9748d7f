package dev.thinkbench.ui.common;

import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Pane;

/**
 * How much larger than the base size ({@value #BASE_PX} px, the theme's) the font is in a part of the window: 1.5
 * while presenter mode zooms to 150 %. Table columns, which CSS cannot size, are given their width at the base size
 * ({@link #size}) and follow the zoom through it, as widths in em do in CSS (in pixels, presenter mode cut the
 * results' cells to "8t ..." and their problem ids to "heldou..."). An invisible, unmanaged label in the host pane
 * reads the font CSS gives that part of the window. UI thread only.
 */
public final class FontScale {

    /** The font size, in pixels, at which a width given to {@link #size} is used as it is. */
    public static final double BASE_PX = 14;
    private static final String BASE_WIDTH = "thinkbench.base-width";
    /** Set on a column whose minimum width is its width too ({@link #sizeFixed}). */
    private static final String FIXED = "thinkbench.fixed-width";

    private final Label ruler = new Label();
    private final ReadOnlyDoubleWrapper factor = new ReadOnlyDoubleWrapper(this, "factor", 1);

    /** @param host the pane whose font it follows; gets an unmanaged, invisible child */
    public FontScale(Pane host) {
        ruler.setManaged(false);
        ruler.setVisible(false);
        ruler.setMouseTransparent(true);
        host.getChildren().add(ruler);
        ruler.fontProperty().addListener((obs, old, now) -> factor.set(now.getSize() / BASE_PX));
        factor.set(ruler.getFont().getSize() / BASE_PX);
    }

    /** Measures text (UI thread only). */
    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    /** The width of {@code text} in {@code font}. UI thread only. */
    public static double textWidth(String text, javafx.scene.text.Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** The width of {@code text} in the font of this part of the window at the base size (its factor taken out). */
    public double baseWidth(String text) {
        return textWidth(text, ruler.getFont()) / factor.get();
    }

    /** Sizes {@code table}'s columns again now and whenever the font changes (presenter mode's zoom). */
    public void follow(javafx.scene.control.TableView<?> table) {
        factor.addListener(o -> rescale(table.getColumns()));
        rescale(table.getColumns());
    }


    /**
     * Gives {@code column} {@code basePx} pixels at the base size, scaled now and by {@link #rescale}.
     *
     * @param scale the scale it follows, null while there is none yet (the width is then {@code basePx})
     */
    public static void size(TableColumn<?, ?> column, double basePx, FontScale scale) {
        column.getProperties().put(BASE_WIDTH, basePx);
        column.setPrefWidth(Math.ceil(basePx * (scale == null ? 1 : scale.factor.get())));
    }

    /**
     * As {@link #size}, the column's minimum width the same: a table whose last column flexes (the policy then never
     * cuts a header to "Tok...") keeps every other column whole at any zoom.
     */
    public static void sizeFixed(TableColumn<?, ?> column, double basePx, FontScale scale) {
        column.getProperties().put(FIXED, Boolean.TRUE);
        size(column, basePx, scale);
        column.setMinWidth(column.getPrefWidth());
    }

    /**
     * Widens {@code column} to {@code px} pixels at the current font when it is narrower, for good: its base width
     * grows to match, so a later zoom keeps the room.
     *
     * @param scale the scale it follows, null while there is none yet
     */
    public static void atLeast(TableColumn<?, ?> column, double px, FontScale scale) {
        if (column.getPrefWidth() >= px) {
            return;
        }
        double factor = scale == null ? 1 : scale.factor.get();
        column.getProperties().put(BASE_WIDTH, px / factor);
        column.setPrefWidth(Math.ceil(px));
    }

    /** Sizes again, at the current factor, every column (and nested column) given a width by {@link #size}. */
    public void rescale(Iterable<? extends TableColumn<?, ?>> columns) {
        for (TableColumn<?, ?> c : columns) {
            if (c.getProperties().get(BASE_WIDTH) instanceof Double base) {
                double width = Math.ceil(base * factor.get());
                if (Boolean.TRUE.equals(c.getProperties().get(FIXED))) {
                    // the minimum first when it grows, the width first when it shrinks: never min > pref
                    if (width > c.getPrefWidth()) {
                        c.setMinWidth(width);
                        c.setPrefWidth(width);
                    } else {
                        c.setPrefWidth(width);
                        c.setMinWidth(width);
                    }
                } else {
                    c.setPrefWidth(width);
                }
            }
            rescale(c.getColumns());
        }
    }
}
