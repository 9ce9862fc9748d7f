package dev.thinkbench.ui.common;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

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

    /**
     * Runs {@code drain} once per frame while {@code node} is in a scene, and not at all otherwise (a closed tab or
     * dialog costs nothing). Call on the UI thread.
     */
    public static FrameDriver whileInScene(Node node, Runnable drain) {
        FrameDriver driver = new FrameDriver(now -> drain.run());
        if (node.getScene() != null) {
            driver.start();
        }
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                driver.start();
            } else {
                driver.stop();
            }
        });
        return driver;
    }
}
