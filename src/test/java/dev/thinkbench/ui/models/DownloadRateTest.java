package dev.thinkbench.ui.models;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The recent rate of a download, on a clock the test moves: no sleeps. */
class DownloadRateTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final long MB = 1_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final DownloadRate rate = new DownloadRate(now::get);
    private long bytes;

    /** {@code bytesPerSecond} for {@code seconds}, reported every 100 ms as the downloader does. */
    private void flow(long bytesPerSecond, double seconds) {
        for (int i = 0; i < Math.round(seconds * 10); i++) {
            now.addAndGet(100 * MS);
            bytes += bytesPerSecond / 10;
            rate.record(bytes);
        }
    }

    @Test
    void aSteadyFlowReadsAsItsRate() {
        rate.record(0);
        flow(10 * MB, 8);

        assertThat(rate.read().bytesPerSecond()).isCloseTo(10 * MB, within(0.03 * 10 * MB));
        assertThat(rate.read().stalled()).isFalse();
    }

    @Test
    void nothingIsKnownBeforeTheFirstBytesOrUntilASecondIsMeasured() {
        assertThat(rate.read()).isEqualTo(DownloadRate.Reading.UNKNOWN);
        rate.record(4096);
        flow(10 * MB, 0.5);

        assertThat(rate.read().known()).as("half a second is noise").isFalse();
        flow(10 * MB, 0.5);
        assertThat(rate.read().known()).isTrue();
    }

    @Test
    void aResumedDownloadDoesNotCountTheBytesItResumedFrom() {
        bytes = 3_000_000_000L;
        rate.record(bytes);
        flow(2 * MB, 3);

        assertThat(rate.read().bytesPerSecond()).isCloseTo(2 * MB, within(0.05 * 2 * MB));
    }

    @Test
    void theRateIsTheLastFewSecondsNotTheAverageSinceTheStart() {
        rate.record(0);
        flow(1 * MB, 60);
        flow(20 * MB, 6);

        assertThat(rate.read().bytesPerSecond()).as("since the start it would be about 2.8 MB/s")
                .isCloseTo(20 * MB, within(0.05 * 20 * MB));
    }

    @Test
    void aStallShowsTheRateFallingThenAStall() {
        rate.record(0);
        flow(10 * MB, 10);
        double flowing = rate.read().bytesPerSecond();

        now.addAndGet(2 * SECOND);
        DownloadRate.Reading twoSecondsQuiet = rate.read();
        assertThat(twoSecondsQuiet.bytesPerSecond()).isLessThan(0.7 * flowing).isGreaterThan(0);
        assertThat(twoSecondsQuiet.stalled()).isFalse();
        assertThat(twoSecondsQuiet.quietNanos()).isEqualTo(2 * SECOND);

        now.addAndGet(3 * SECOND);
        DownloadRate.Reading fiveSecondsQuiet = rate.read();
        assertThat(fiveSecondsQuiet.stalled()).isTrue();
        assertThat(fiveSecondsQuiet.bytesPerSecond()).isZero();
        assertThat(fiveSecondsQuiet.secondsLeft(100 * MB)).as("no estimate while stalled").isEqualTo(-1);

        flow(10 * MB, 0.1);
        assertThat(rate.read().stalled()).as("bytes again").isFalse();
    }

    @Test
    void aReportWithoutNewBytesIsNoSignOfLife() {
        rate.record(0);
        flow(10 * MB, 2);
        for (int i = 0; i < 60; i++) {
            now.addAndGet(100 * MS);
            rate.record(bytes);
        }

        assertThat(rate.read().stalled()).isTrue();
    }

    @Test
    void aDownloadThatStartsOverIsMeasuredFromItsNewStart() {
        rate.record(0);
        flow(50 * MB, 3);
        bytes = 0;
        rate.record(0);
        flow(1 * MB, 1.5);

        assertThat(rate.read().bytesPerSecond()).isCloseTo(1 * MB, within(0.05 * MB));
    }

    @Test
    void timeLeftIsTheRemainingBytesAtTheRateRoundedUp() {
        DownloadRate.Reading tenMegabytesASecond = new DownloadRate.Reading(10 * MB, 0);

        assertThat(tenMegabytesASecond.secondsLeft(100 * MB)).isEqualTo(10);
        assertThat(tenMegabytesASecond.secondsLeft(100 * MB + 1)).isEqualTo(11);
        assertThat(DownloadRate.Reading.UNKNOWN.secondsLeft(100 * MB)).isEqualTo(-1);
        assertThat(new DownloadRate.Reading(0, 0).secondsLeft(100 * MB)).isEqualTo(-1);
    }
}
