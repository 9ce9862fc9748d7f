package dev.thinkbench.ui.common;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.TokenCount;

import java.util.Locale;

/** How the workbench writes numbers for people. Unknown values are a dash, never 0. Pure; any thread. */
public final class Formats {

    /** What the UI shows for an unknown value. */
    public static final String DASH = "\u2013";

    private Formats() {
    }

    /** {@code 850 ms}, {@code 3.42 s}, {@code 2 min 05 s} (in the language shown); a dash for null. */
    public static String millis(Long ms) {
        if (ms == null) {
            return DASH;
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        // minutes in the language shown ("2 min 05 s", "2분 05초"): "2 m 05 s" read as metres in English too
        return Messages.get("format.minutesSeconds", ms / 60_000, String.format(Locale.ROOT, "%02d", (ms / 1000) % 60));
    }

    /** A moment as every list of the window writes it: {@code 2026-12-05 09:34}, in this computer's time zone. */
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(java.time.ZoneId.systemDefault());

    /**
     * {@code 2026-12-05 09:34}, local time: one form for past sweeps, sessions and replays (past sweeps read
     * "12/5/26, 9:33 AM" while the rest read 2026-12-05 09:34).
     */
    public static String when(java.time.temporal.TemporalAccessor moment) {
        return WHEN.format(moment);
    }

    /** Coarser, for status lines that tick: {@code 3.4 s}. */
    public static String seconds(Long ms) {
        if (ms == null) {
            return DASH;
        }
        return ms < 60_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : millis(ms);
    }

    /** A time that has ended, compact: {@code 19 ms} below a second, then {@code 3.4 s}; a dash for null. */
    public static String took(Long ms) {
        if (ms == null) {
            return DASH;
        }
        return ms < 1000 ? ms + " ms" : seconds(ms);
    }

    /**
     * A cost as the UI says it: {@code $0.0123}, "free" in the language shown (a local engine's; nothing billed at a
     * price is {@code $0}), or a dash when unknown.
     */
    public static String money(Money cost) {
        if (cost == null) {
            return DASH;
        }
        return cost.free() ? Messages.get("money.free") : cost.display();
    }

    public static String tokens(TokenCount count) {
        return count == null ? DASH : count.display();
    }

    /** A short marker of where a count came from: {@code reported}, {@code counted}, or empty when unknown. */
    public static String source(TokenCount count) {
        if (count == null) {
            return "";
        }
        return switch (count.source()) {
            case REPORTED -> "reported";
            case COUNTED -> "counted";
            case UNKNOWN -> "";
        };
    }

    /** {@code 41.3}, {@code 257} from 100 up; a dash for null. */
    public static String rateNumber(Double tokensPerSecond) {
        if (tokensPerSecond == null) {
            return DASH;
        }
        return String.format(Locale.ROOT, tokensPerSecond < 100 ? "%.1f" : "%.0f", tokensPerSecond);
    }
}
