package dev.thinkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame driver asks for frames only while its frame function has work, and a wake from any thread restarts it. */
@ExtendWith(ApplicationExtension.class)
class FrameDriverTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 200, 100));
        stage.show();
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> onFxThread) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(onFxThread));
    }

    @Test
    void stopsOnceTheFrameFunctionIsIdleAndAWakeFromAnotherThreadRestartsIt() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        AtomicInteger work = new AtomicInteger(5);
        Pane node = new Pane();
        FrameDriver driver = onFx(() -> {
            root.getChildren().add(node);
            return FrameDriver.whileInScene(node, now -> {
                frames.incrementAndGet();
                return work.decrementAndGet() > 0;
            });
        });

        waitUntil(() -> !driver.isRunning());
        assertThat(frames.get()).isEqualTo(5);
        // idle: pulses go on elsewhere (another pane changes), but no frame reaches the driver
        for (int i = 0; i < 5; i++) {
            int width = 10 + i;
            onFx(() -> {
                root.setPrefWidth(width);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(frames.get()).isEqualTo(5);

        work.set(3);
        Thread waker = new Thread(driver::wake, "test-waker");
        waker.start();
        waker.join();
        waitUntil(() -> frames.get() == 8 && !driver.isRunning());
        assertThat(frames.get()).isEqualTo(8);
    }

    @Test
    void aWakeFromAnotherThreadWhileAFrameRunsBringsAnotherFrame() throws Exception {
        // the frame reads the queue, then (before it says it is idle) another thread queues and wakes: that item
        // must not wait for some later wake
        AtomicInteger queued = new AtomicInteger(1);
        AtomicInteger frames = new AtomicInteger();
        CountDownLatch sawSecond = new CountDownLatch(1);
        AtomicReference<FrameDriver> driver = new AtomicReference<>();
        Pane node = new Pane();
        driver.set(onFx(() -> {
            root.getChildren().add(node);
            return FrameDriver.whileInScene(node, now -> {
                int seen = queued.get();
                if (seen == 2) {
                    sawSecond.countDown();
                }
                if (frames.incrementAndGet() == 1) {
                    Thread producer = new Thread(() -> {
                        queued.set(2);
                        driver.get().wake();
                    }, "test-producer");
                    producer.start();
                    join(producer);
                }
                return false;
            });
        }));

        assertThat(sawSecond.await(10, TimeUnit.SECONDS)).as("a frame after the wake").isTrue();
        waitUntil(() -> !driver.get().isRunning());
        assertThat(frames.get()).isEqualTo(2);
    }

    @Test
    void wakesFromAnotherThreadInABurstEndWithAFrameThatSawTheLast() throws Exception {
        int last = 2_000;
        AtomicInteger queued = new AtomicInteger();
        CountDownLatch sawLast = new CountDownLatch(1);
        Pane node = new Pane();
        FrameDriver driver = onFx(() -> {
            root.getChildren().add(node);
            return FrameDriver.whileInScene(node, now -> {
                if (queued.get() == last) {
                    sawLast.countDown();
                }
                return false; // idle after every frame: only wakes bring the next one
            });
        });
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= last; i++) {
                queued.set(i);
                driver.wake();
            }
        }, "test-producer");
        producer.start();
        producer.join();

        assertThat(sawLast.await(10, TimeUnit.SECONDS)).as("a frame after the last wake").isTrue();
        waitUntil(() -> !driver.isRunning());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNodeOutOfTheSceneGetsNoFramesUntilItIsBack() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        Pane node = new Pane();
        FrameDriver driver = onFx(() -> FrameDriver.whileInScene(node, now -> {
            frames.incrementAndGet();
            return false;
        }));
        driver.wake();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(driver::isRunning)).isFalse();
        assertThat(frames.get()).isZero();

        onFx(() -> root.getChildren().add(node));
        waitUntil(() -> frames.get() == 1 && !driver.isRunning());

        onFx(() -> root.getChildren().remove(node));
        driver.wake();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(frames.get()).isEqualTo(1);
        assertThat(onFx(driver::isRunning)).isFalse();
    }
}
