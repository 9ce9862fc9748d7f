package dev.thinkbench.ui.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

/**
 * Calls a frame function once per frame (pulse) with the pulse time, so queued events are drained in batches: never
 * one {@code Platform.runLater} per token. Only while there is work: the frame function says whether it wants the
 * next frame, and when it does not the driver stops until {@link #wake()} (an idle window asks JavaFX for no pulses
 * at all; a running timer would pulse 60 times a second for nothing).
 *
 * <p>{@link #wake()} may be called from any thread (an engine's thread that queued an event); everything else on the
 * UI thread.
 */
public final class FrameDriver {

    private final LongPredicate onFrame;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };
    /** True from a wake until a frame finds nothing to do (the timer runs, or is about to start). */
    private final AtomicBoolean awake = new AtomicBoolean();
    private boolean shown;
    private boolean running;

    /**
     * @param onFrame called once per frame with the pulse time; returns true while it wants further frames (a run in
     *                flight, a clock on show), false once idle
     */
    public FrameDriver(LongPredicate onFrame) {
        this.onFrame = onFrame;
    }

    /**
     * Runs {@code onFrame} once per frame while {@code node} is in a scene and there is work, and not at all
     * otherwise (a closed tab or dialog costs nothing). Call on the UI thread.
     */
    public static FrameDriver whileInScene(Node node, LongPredicate onFrame) {
        FrameDriver driver = new FrameDriver(onFrame);
        if (node.getScene() != null) {
            driver.show();
        }
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                driver.show();
            } else {
                driver.hide();
            }
        });
        return driver;
    }

    /** Frames may run from now on; one runs at once to see whether there is work. UI thread. */
    public void show() {
        shown = true;
        awake.set(true);
        start();
    }

    /** No frames until {@link #show()} again. UI thread. */
    public void hide() {
        shown = false;
        timer.stop();
        running = false;
    }

    /**
     * Asks for frames from the next pulse on, until the frame function says it is idle. Any thread; cheap when the
     * frames already run.
     */
    public void wake() {
        if (awake.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                start();
            } else {
                Platform.runLater(this::start);
            }
        }
    }

    /** Whether the timer runs now (frames are being asked for). UI thread. */
    public boolean isRunning() {
        return running;
    }

    private void start() {
        if (shown && !running) {
            running = true;
            timer.start();
        }
    }

    private void frame(long now) {
        awake.set(false);
        boolean more = onFrame.test(now);
        // a wake during the frame (from any thread) keeps the timer; one after this check posts a start
        if (more || awake.get()) {
            awake.set(true);
        } else {
            timer.stop();
            running = false;
        }
    }
}
