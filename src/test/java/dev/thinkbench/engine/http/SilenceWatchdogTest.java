package dev.thinkbench.engine.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The watchdog on a clock moved by hand, so no test depends on how fast the machine is. */
class SilenceWatchdogTest {

    private final AtomicLong now = new AtomicLong();
    private final SilenceWatchdog watchdog = new SilenceWatchdog(now::get);

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** Lets the watchdog's periodic check (every 5 ms for these timeouts) run many times. */
    private static void letChecksRun() throws InterruptedException {
        Thread.sleep(60);
    }

    @Test
    void firesOnceWhenSilenceExceedsTheTimeout() throws InterruptedException {
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch latch = new CountDownLatch(1);
        watchdog.watch(Duration.ofMillis(40), () -> {
            fired.incrementAndGet();
            latch.countDown();
        });

        letChecksRun();
        assertThat(fired).hasValue(0);
        advanceMillis(41);
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        advanceMillis(1000);
        letChecksRun();
        assertThat(fired).hasValue(1);
    }

    @Test
    void touchRestartsTheSilence() throws InterruptedException {
        AtomicInteger fired = new AtomicInteger();
        SilenceWatchdog.Watch watch = watchdog.watch(Duration.ofMillis(40), fired::incrementAndGet);

        advanceMillis(30);
        watch.touch();
        advanceMillis(30);
        letChecksRun();

        assertThat(fired).hasValue(0);
        watch.stop();
        advanceMillis(1000);
        letChecksRun();
        assertThat(fired).hasValue(0);
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> watchdog.watch(Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
