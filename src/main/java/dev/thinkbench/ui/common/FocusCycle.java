package dev.thinkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves the keyboard focus among the controls inside one part of the scene only, wrapping from the last to the first
 * (a modal card: Tab went on to the controls behind the dimmed backdrop, where the user could not see it). FX thread
 * only.
 */
public final class FocusCycle {

    private FocusCycle() {
    }

    /**
     * Gives the focus to the next control inside {@code within} after {@code from} (the previous one when
     * {@code backward}), wrapping around; from a node that is not one of them, the first (the last when backward).
     * Returns the node now focused, null when {@code within} holds none that takes the focus.
     */
    public static Node move(Parent within, Node from, boolean backward) {
        List<Node> stops = stops(within);
        if (stops.isEmpty()) {
            return null;
        }
        int at = stops.indexOf(from);
        int next;
        if (at < 0) {
            next = backward ? stops.size() - 1 : 0;
        } else {
            next = Math.floorMod(at + (backward ? -1 : 1), stops.size());
        }
        Node target = stops.get(next);
        target.requestFocus();
        return target;
    }

    /** The nodes inside {@code within} that Tab stops at, in the scene graph's order. */
    public static List<Node> stops(Parent within) {
        List<Node> stops = new ArrayList<>();
        collect(within, stops);
        return stops;
    }

    private static void collect(Parent parent, List<Node> stops) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible() || child.isDisabled()) {
                continue;
            }
            if (child.isFocusTraversable()) {
                stops.add(child);
            }
            if (child instanceof Parent p) {
                collect(p, stops);
            }
        }
    }
}
