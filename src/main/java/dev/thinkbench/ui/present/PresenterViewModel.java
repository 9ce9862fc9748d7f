package dev.thinkbench.ui.present;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.List;

/**
 * How the window is shown to an audience: the zoom (100-300 % of every text, and the layout sized in em with it), presenter
 * mode (settings chrome hidden, the columns fill the window), a high-contrast theme and full screen. Entering presenter
 * mode at 100 % picks the zoom that fits the window's height ({@link #fittingZoom}). UI thread only.
 */
public final class PresenterViewModel {

    /** The zoom steps, in percent, as browsers step them. */
    public static final List<Integer> ZOOM_STEPS = List.of(100, 110, 125, 150, 175, 200, 250, 300);
    /** The window height the 100 % layout is made for (a 1280 x 720 projector). */
    static final double BASE_HEIGHT = 720;
    /** The least window height, at 100 %, the charts and columns stay readable in; zooming in stops before less. */
    static final double MIN_LAYOUT_HEIGHT = 600;

    private final ReadOnlyIntegerWrapper zoom = new ReadOnlyIntegerWrapper(this, "zoom", 100);
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper(this, "highContrast");
    private final ReadOnlyBooleanWrapper fullScreen = new ReadOnlyBooleanWrapper(this, "fullScreen");
    /** True while the zoom is the one presenter mode fitted to the window, not one the user chose. */
    private boolean fitted;
    /** The zoom when presenter mode was entered, restored when it is left. */
    private int zoomBefore = 100;
    /** The window's height, 0 until known. */
    private double windowHeight;

    /**
     * One step larger, up to the largest that leaves the layout {@value #MIN_LAYOUT_HEIGHT} pixels of height at 100 %
     * (at 200 % in a 1080-pixel window the token chart was a strip and the latency axis's labels a blob).
     *
     * @return false when the zoom is already the largest that fits
     */
    public boolean zoomIn() {
        fitted = false;
        int max = maxZoom();
        for (int step : ZOOM_STEPS) {
            if (step > zoom.get() && step <= max) {
                zoom.set(step);
                return true;
            }
        }
        return false;
    }

    /**
     * The largest zoom step that leaves the layout {@value #MIN_LAYOUT_HEIGHT} px at 100 % (every step before the
     * window's height is known).
     */
    public int maxZoom() {
        if (windowHeight <= 0) {
            return ZOOM_STEPS.getLast();
        }
        int best = ZOOM_STEPS.getFirst();
        for (int step : ZOOM_STEPS) {
            if (windowHeight * 100 / step >= MIN_LAYOUT_HEIGHT - 0.5) {
                best = step;
            }
        }
        return best;
    }

    public void zoomOut() {
        fitted = false;
        for (int i = ZOOM_STEPS.size() - 1; i >= 0; i--) {
            if (ZOOM_STEPS.get(i) < zoom.get()) {
                zoom.set(ZOOM_STEPS.get(i));
                return;
            }
        }
    }

    public void resetZoom() {
        fitted = false;
        zoom.set(100);
    }

    /** Sets the zoom, kept within 100-300 %. */
    public void setZoom(int percent) {
        fitted = false;
        zoom.set(Math.max(ZOOM_STEPS.getFirst(), Math.min(ZOOM_STEPS.getLast(), percent)));
    }

    /**
     * Enters or leaves presenter mode. Entering at 100 % zooms to fit {@code windowHeight}, so text reads from the back
     * of the room on a large screen. Leaving goes back to the zoom the window had before, whatever was zoomed while
     * presenting (a zoom chosen on the stage stayed after it: the workbench at 110 % cut its cards, and only Ctrl+0,
     * which nothing mentioned, brought it back).
     */
    public void togglePresenting(double windowHeight) {
        this.windowHeight = windowHeight;
        boolean entering = !presenting.get();
        if (entering) {
            zoomBefore = zoom.get();
            if (zoom.get() == 100) {
                zoom.set(fittingZoom(windowHeight));
                fitted = true;
            }
        } else {
            zoom.set(zoomBefore);
            fitted = false;
        }
        presenting.set(entering);
    }

    /**
     * The window's height changed (full screen, a move to the projector): a zoom presenter mode fitted follows it; a
     * zoom the user chose stays.
     */
    public void windowResized(double windowHeight) {
        this.windowHeight = windowHeight;
        if (presenting.get() && fitted) {
            zoom.set(fittingZoom(windowHeight));
        }
    }

    /** The largest zoom step at which the 720-pixel layout fits {@code windowHeight}: 100 % at 720, 150 % at 1080. */
    public static int fittingZoom(double windowHeight) {
        double fits = windowHeight / BASE_HEIGHT * 100;
        int best = ZOOM_STEPS.getFirst();
        for (int step : ZOOM_STEPS) {
            if (step <= fits + 0.5) {
                best = step;
            }
        }
        return best;
    }

    public void toggleHighContrast() {
        highContrast.set(!highContrast.get());
    }

    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    /** Follows the window when it leaves full screen by itself. */
    public void setFullScreen(boolean on) {
        fullScreen.set(on);
    }

    /** The zoom in percent, 100-300. */
    public ReadOnlyIntegerProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty highContrastProperty() {
        return highContrast.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fullScreenProperty() {
        return fullScreen.getReadOnlyProperty();
    }
}
