package dev.thinkbench.testing;

import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Test code: keyboard shortcuts pressed as a user presses them. */
public final class Keys {

    private Keys() {
    }

    /** Presses {@code keys} together (a shortcut such as Ctrl+S), lets go in reverse order, and waits for the FX events. */
    public static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
