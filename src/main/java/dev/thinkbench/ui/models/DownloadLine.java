package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.ui.common.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A running download's line in the window's language: "1.2 GB of 4.0 GB · 11.8 MB/s · about 4 min left"; bytes and
 * speed only while the size is unknown; bytes alone until a rate is measured; "stalled" once no byte has come for a
 * while. Pure; any thread.
 */
final class DownloadLine {

    private static final String SEPARATOR = " \u00b7 ";

    private DownloadLine() {
    }

    static String of(ModelDownloader.Progress progress, DownloadRate.Reading rate) {
        List<String> parts = new ArrayList<>();
        parts.add(progress.total() > 0
                ? Messages.get("models.progress", GgufModelInfo.humanBytes(progress.downloaded()),
                        GgufModelInfo.humanBytes(progress.total()))
                : GgufModelInfo.humanBytes(progress.downloaded()));
        if (rate.stalled()) {
            parts.add(Messages.get("models.download.stalled", TimeUnit.NANOSECONDS.toSeconds(rate.quietNanos())));
        } else if (rate.known()) {
            parts.add(speed(rate.bytesPerSecond()));
            long left = progress.total() > 0 ? rate.secondsLeft(progress.total() - progress.downloaded()) : -1;
            if (left > 0) {
                parts.add(timeLeft(left));
            }
        }
        return String.join(SEPARATOR, parts);
    }

    /** {@code 512 B/s}, {@code 640 KB/s}, {@code 11.8 MB/s}, {@code 112 MB/s}, {@code 1.1 GB/s} (units of 1000). */
    static String speed(double bytesPerSecond) {
        if (bytesPerSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB/s", bytesPerSecond / 1e9);
        }
        if (bytesPerSecond >= 100e6) {
            return String.format(Locale.ROOT, "%.0f MB/s", bytesPerSecond / 1e6);
        }
        if (bytesPerSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
        }
        if (bytesPerSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.0f KB/s", bytesPerSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B/s", bytesPerSecond);
    }

    /**
     * "about 7 s left" under 10 s, then to 5 s under a minute, then to the minute ("about 4 min left", "about 1 h 20
     * min left"): an estimate that moves with the rate is worth no finer a figure.
     */
    static String timeLeft(long seconds) {
        long s = seconds < 10 ? Math.max(1, seconds) : Math.round(seconds / 5.0) * 5;
        if (s < 60) {
            return Messages.get("models.download.left.seconds", s);
        }
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 60) {
            return Messages.get("models.download.left.minutes", minutes);
        }
        return minutes % 60 == 0 ? Messages.get("models.download.left.hours", minutes / 60)
                : Messages.get("models.download.left.hoursMinutes", minutes / 60, minutes % 60);
    }
}
