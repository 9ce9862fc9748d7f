package dev.thinkbench.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Keeps what a scrolled pane shows in place when its viewport grows or shrinks. A ScrollPane keeps its scroll value,
 * a fraction of the distance it can scroll, so a viewport that loses height (a note appearing below it) moves the
 * content shown: a control the pointer was over slides away and an open popup follows it (the Experiments form's
 * strategy picker moved 50 px under the pointer when the greedy note appeared, and the next click ticked the wrong
 * strategy). UI thread only.
 */
public final class StableScroll {

    private StableScroll() {
    }

    /** From now on, {@code scroll} keeps the pixel offset of its content when its viewport changes height. */
    public static void keepOffset(ScrollPane scroll) {
        scroll.viewportBoundsProperty().addListener((obs, was, now) -> {
            Node content = scroll.getContent();
            if (content == null || was == null || was.getHeight() == now.getHeight()) {
                return;
            }
            double height = content.getLayoutBounds().getHeight();
            double offset = scroll.getVvalue() * Math.max(0, height - was.getHeight());
            double room = Math.max(0, height - now.getHeight());
            scroll.setVvalue(room == 0 ? 0 : Math.min(1, offset / room));
        });
    }

    /** The pixels scrolled past the top of the content (tests). */
    public static double offset(ScrollPane scroll) {
        Node content = scroll.getContent();
        Bounds viewport = scroll.getViewportBounds();
        if (content == null || viewport == null) {
            return 0;
        }
        return scroll.getVvalue() * Math.max(0, content.getLayoutBounds().getHeight() - viewport.getHeight());
    }
}
