package dev.thinkbench.ui.common;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * On/off switches that work from the keyboard too: AtlantaFX's {@link ToggleSwitch} takes the focus but only a click
 * turned it (Space did nothing), so each switch is made here. FX thread only.
 */
public final class Switches {

    private Switches() {
    }

    /** A switch labelled {@code text} that Tab reaches and Space turns, as a check box does. */
    public static ToggleSwitch of(String text) {
        ToggleSwitch toggle = new ToggleSwitch(text);
        toggle.setFocusTraversable(true);
        toggle.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown() && !toggle.isDisabled()) {
                toggle.fire();
                e.consume();
            }
        });
        return toggle;
    }
}
