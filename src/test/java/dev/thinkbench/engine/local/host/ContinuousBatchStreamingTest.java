package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaSampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How the completions of one batch stream their text: the first token at once, then all together on one tick. */
class ContinuousBatchStreamingTest {

    @Test
    void runningCompletionsSendTheirWaitingTextTogetherOnceATick() {
        try (MicroBatchFixture f = new MicroBatchFixture()) {
            for (long id = 1; id <= 4; id++) {
                f.running.add(id, new ContinuousBatch.Spec(f.prompt("Ann has " + (20 + id) + " books. She buys "
                        + (3 + id) + " more books. How many books does Ann have?"), 40, List.of(),
                        LlamaSampler.Settings.greedy(), 0, false, false), f.replies);
            }
            Set<Long> started = new HashSet<>();
            Set<Long> done = new HashSet<>();
            // step number -> the completions that sent text there besides their first token and their last text
            Map<Integer, Set<Long>> sentAt = new LinkedHashMap<>();
            List<Integer> firstTokensAt = new ArrayList<>();
            for (int step = 1; f.running.busy(); step++) {
                f.clearEvents();
                f.advance(1);
                f.running.step(x -> false);
                Set<Long> endedNow = new HashSet<>();
                f.events.stream().filter(e -> e instanceof HostEvent.Done).forEach(e -> endedNow.add(e.id()));
                Set<Long> running = new HashSet<>(started);
                running.removeAll(done);
                Set<Long> sent = new HashSet<>();
                for (HostEvent e : f.events) {
                    if (!(e instanceof HostEvent.Chunk)) {
                        continue;
                    }
                    if (started.add(e.id())) {
                        firstTokensAt.add(step);
                    } else if (!endedNow.contains(e.id())) {
                        sent.add(e.id());
                    }
                }
                if (!sent.isEmpty()) {
                    Set<Long> expected = new HashSet<>(running);
                    expected.removeAll(endedNow);
                    assertThat(sent).as("step %d: every running completion sends on the tick", step)
                            .isEqualTo(expected);
                    sentAt.put(step, sent);
                }
                done.addAll(endedNow);
            }

            assertThat(done).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
            assertThat(firstTokensAt).as("each first token the step it is picked (all in the first batch)")
                    .containsExactly(1, 1, 1, 1);
            assertThat(sentAt).as("a tick every %d ms, the clock moving 1 ms a step",
                    SequenceStream.FLUSH_NANOS / 1_000_000).isNotEmpty();
            assertThat(sentAt.keySet()).allSatisfy(step ->
                    assertThat(step % (SequenceStream.FLUSH_NANOS / 1_000_000)).isZero());
        }
    }
}
