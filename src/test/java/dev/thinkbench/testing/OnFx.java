package dev.thinkbench.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

/** Test code: runs work on the JavaFX thread and waits until the events it caused (layout, CSS) have run too. */
public final class OnFx {

    private OnFx() {
    }

    /** {@code work}'s result, once it and the FX events it queued have run. */
    public static <T> T call(Callable<T> work) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(work).get();
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }
}
