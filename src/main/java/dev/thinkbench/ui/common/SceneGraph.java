package dev.thinkbench.ui.common;

import javafx.scene.Node;

/** Questions about where a node sits in the scene graph. */
public final class SceneGraph {

    private SceneGraph() {
    }

    /**
     * Whether {@code target} (an event's target, a focus owner; null or not a node: no) is {@code ancestor} or inside
     * it.
     */
    public static boolean isInside(Object target, Node ancestor) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
