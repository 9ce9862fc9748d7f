package dev.thinkbench.engine.stream;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class RunEventsTest {

    @Test
    void startedComesFirstEvenWhenTheRunEndsBeforeItBegan() {
        CollectingSink sink = new CollectingSink();
        RunEvents events = new RunEvents(sink, "m", "none");

        events.cancelled();
        events.started();
        events.thinking("late", 1);

        assertThat(sink.kinds()).containsExactly("Started", "Cancelled");
        assertThat(events.done()).isDone();
    }

    @Test
    void onlyTheFirstOfManyConcurrentEndsIsDelivered() throws InterruptedException {
        CollectingSink sink = new CollectingSink();
        RunEvents events = new RunEvents(sink, "m", "none");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                switch (n % 3) {
                    case 0 -> events.cancelled();
                    case 1 -> events.failed(FailureKind.TIMEOUT, "t");
                    default -> events.finished(ReasoningEvent.StopReason.END_OF_TURN);
                }
                events.answer("after", 1);
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(sink.terminals()).hasSize(1);
        assertThat(sink.events().getLast()).isSameAs(sink.terminals().getFirst());
        assertThat(sink.answer()).isEmpty();
    }

    @Test
    void aThrowingSinkDoesNotBreakTheRun() {
        List<ReasoningEvent> seen = new ArrayList<>();
        RunEvents events = new RunEvents(e -> {
            seen.add(e);
            throw new IllegalStateException("bad sink");
        }, "m", "none");

        events.thinking("x", 1);
        boolean ended = events.finished(ReasoningEvent.StopReason.END_OF_TURN);

        assertThat(ended).isTrue();
        assertThat(seen).hasSize(3);
        assertThat(events.done()).isDone();
        assertThat(events.sawThinking()).isTrue();
    }
}
