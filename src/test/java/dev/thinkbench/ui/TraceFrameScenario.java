package dev.thinkbench.ui;

import dev.thinkbench.ui.text.StreamingTextArea;
import javafx.animation.AnimationTimer;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Benchmark scenario (test code): a long trace in a {@link StreamingTextArea} filling the benchmark's window, driven
 * one action per frame: Page Down (back to the top at the end), the scroll bar dragged from top to bottom, and a
 * search (every match) followed by "next match" each frame, each call timed on the UI thread. FX thread unless said
 * otherwise.
 */
final class TraceFrameScenario {

    private static final String[] WORDS = ("so the first train covers forty kilometres before the second starts "
            + "which leaves three hundred sixty between them closing at one hundred eighty per hour wait let me "
            + "check that again the distance from city a is two hundred and the time is half past eleven").split(" ");

    private final StreamingTextArea area = new StreamingTextArea("trace");
    private final int tokens;
    private final List<Long> findNanos = new ArrayList<>();
    private final List<Long> nextNanos = new ArrayList<>();
    private int matches;

    TraceFrameScenario(Stage stage, int tokens) {
        this.tokens = tokens;
        stage.getScene().setRoot(new StackPane(area));
    }

    /** Appends the trace in batches of 5,000 tokens (any thread; returns once it is all shown). */
    void load() throws Exception {
        Random random = new Random(7);
        for (int done = 0; done < tokens; done += 5000) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(18) == 0 ? ".\n" : " ");
            }
            WaitForAsyncUtils.asyncFx(() -> area.append(b.toString(), "thinking-text")).get();
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(area::showStart).get();
    }

    int length() throws Exception {
        return WaitForAsyncUtils.asyncFx(area::length).get();
    }

    /** Page Down once per frame for {@code frames} frames, Home at the end of the text (any thread). */
    void scrollPages(int frames) throws Exception {
        Node view = area.lookup(".streaming-area");
        ScrollBar bar = (ScrollBar) area.lookup(".scroll-bar");
        perFrame(frames, i -> {
            boolean atEnd = bar.getValue() >= bar.getMax() - 1;
            Event.fireEvent(view, key(atEnd ? KeyCode.HOME : KeyCode.PAGE_DOWN));
        });
    }

    /** Moves the scroll bar from the top to the bottom over {@code frames} frames (any thread). */
    void dragScrollBar(int frames) throws Exception {
        ScrollBar bar = (ScrollBar) area.lookup(".scroll-bar");
        perFrame(frames, i -> bar.setValue(bar.getMax() * i / (frames - 1)));
    }

    /**
     * Finds other words in the first frames (the first search of a session runs cold), {@code query} last, then goes
     * to the next match each frame (any thread).
     */
    void search(String query, int frames) throws Exception {
        String[] first = {"train", "hundred", "city a", "eleven", query};
        perFrame(frames, i -> {
            long t = System.nanoTime();
            if (i < first.length) {
                matches = area.find(first[i]);
                findNanos.add(System.nanoTime() - t);
            } else {
                area.findNext();
                nextNanos.add(System.nanoTime() - t);
            }
        });
    }

    int matches() {
        return matches;
    }

    /** The search calls' UI-thread time. */
    String searchTimes() {
        long[] next = nextNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "search: %,d matches of \"wait\"; find (all matches) %s ms, the first "
                        + "search cold; next match p50 %.3f ms, p99 %.3f ms, max %.3f ms (the call itself; the scroll "
                        + "it causes is in the frame above)", matches, findNanos.stream()
                        .map(n -> String.format(Locale.ROOT, "%.1f", n / 1e6)).toList(), pct(next, 50) / 1e6,
                pct(next, 99) / 1e6, next.length == 0 ? 0 : next[next.length - 1] / 1e6);
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1,
                (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static KeyEvent key(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
    }

    /** Runs {@code action(i)} on the UI thread once per frame, i = 0..frames-1, and waits for the last. */
    private static void perFrame(int frames, IntConsumer action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        int[] i = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (i[0] < frames) {
                    action.accept(i[0]++);
                } else {
                    stop();
                    done.countDown();
                }
            }
        };
        WaitForAsyncUtils.asyncFx(timer::start).get();
        if (!done.await(frames / 10 + 120, TimeUnit.SECONDS)) {
            WaitForAsyncUtils.asyncFx(timer::stop).get();
            throw new AssertionError("the scenario did not get " + frames + " frames; got " + i[0]);
        }
    }
}
