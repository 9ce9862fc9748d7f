package dev.thinkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Names for screen readers. A text field or choice box is named by the label tied to it ({@code labelFor}): its
 * accessible text would be read out in place of its value. Where the window shows no label beside such a control,
 * {@link #unseen} gives it one that is never drawn.
 */
public final class AccessibleNames {

    private AccessibleNames() {
    }

    /**
     * A label reading {@code name} for {@code control}, neither shown nor taking room: put it next to the control in
     * the scene (a screen reader reads a label only from a scene).
     */
    public static Label unseen(String name, Node control) {
        Label label = new Label(name);
        label.setLabelFor(control);
        label.setVisible(false);
        label.setManaged(false);
        return label;
    }
}
