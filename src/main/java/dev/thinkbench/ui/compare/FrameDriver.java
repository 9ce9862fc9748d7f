package dev.thinkbench.ui.compare;

import javafx.animation.AnimationTimer;

import java.util.function.LongConsumer;

/**
 * Calls a consumer once per frame (pulse) with the pulse time, so queued events are drained in batches: never one
 * {@code Platform.runLater} per token. Start and stop on the UI thread.
 */
public final class FrameDriver extends AnimationTimer {

    private final LongConsumer onFrame;

    public FrameDriver(LongConsumer onFrame) {
        this.onFrame = onFrame;
    }

    @Override
    public void handle(long now) {
        onFrame.accept(now);
    }
}
