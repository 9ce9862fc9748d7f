package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A running download's line: bytes, speed and time left, in English and Korean. */
class DownloadLineTest {

    private static final long SECOND = 1_000_000_000L;

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static ModelDownloader.Progress progress(long downloaded, long total) {
        return new ModelDownloader.Progress(downloaded, total, 0);
    }

    @Test
    void bytesSpeedAndTimeLeft() {
        String line = DownloadLine.of(progress(1_200_000_000L, 4_000_000_000L),
                new DownloadRate.Reading(11_800_000, 0));

        assertThat(line).isEqualTo("1.2 GB of 4.0 GB \u00b7 11.8 MB/s \u00b7 about 4 min left");
    }

    @Test
    void inKorean() {
        Messages.setLocale(Locale.KOREAN);

        assertThat(DownloadLine.of(progress(1_200_000_000L, 4_000_000_000L), new DownloadRate.Reading(11_800_000, 0)))
                .isEqualTo("1.2 GB / 4.0 GB \u00b7 11.8 MB/s \u00b7 약 4분 남음");
        assertThat(DownloadLine.of(progress(1_200_000_000L, 4_000_000_000L), new DownloadRate.Reading(0, 8 * SECOND)))
                .isEqualTo("1.2 GB / 4.0 GB \u00b7 멈춤: 8초째 받은 데이터 없음");
    }

    @Test
    void anUnknownTotalGivesBytesAndSpeedOnly() {
        assertThat(DownloadLine.of(progress(12_000_000, -1), new DownloadRate.Reading(640_000, 0)))
                .isEqualTo("12 MB \u00b7 640 KB/s");
    }

    @Test
    void bytesAloneUntilARateIsMeasured() {
        assertThat(DownloadLine.of(progress(4_096, 488_992), DownloadRate.Reading.UNKNOWN))
                .isEqualTo("4 KB of 489 KB");
    }

    @Test
    void aStallSaysSoInsteadOfASpeed() {
        assertThat(DownloadLine.of(progress(1_200_000_000L, 4_000_000_000L), new DownloadRate.Reading(0, 7 * SECOND)))
                .isEqualTo("1.2 GB of 4.0 GB \u00b7 stalled: no data for 7 s");
    }

    @Test
    void aFinishedCountHasNoTimeLeft() {
        assertThat(DownloadLine.of(progress(488_992, 488_992), new DownloadRate.Reading(60_000, 0)))
                .isEqualTo("489 KB of 489 KB \u00b7 60 KB/s");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0      | about 1 s left
            7      | about 7 s left
            23     | about 25 s left
            57     | about 55 s left
            58     | about 1 min left
            89     | about 1 min left
            90     | about 2 min left
            237    | about 4 min left
            3569   | about 59 min left
            3570   | about 1 h left
            4020   | about 1 h 7 min left
            90000  | about 25 h left
            """)
    void timeLeftRoundsToSecondsMinutesOrHoursAndMinutes(long seconds, String words) {
        assertThat(DownloadLine.timeLeft(seconds)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            512           | 512 B/s
            640000        | 640 KB/s
            11800000      | 11.8 MB/s
            112000000     | 112 MB/s
            1100000000    | 1.1 GB/s
            """)
    void speedKeepsThreeFiguresOrSo(double bytesPerSecond, String words) {
        assertThat(DownloadLine.speed(bytesPerSecond)).isEqualTo(words);
    }
}
