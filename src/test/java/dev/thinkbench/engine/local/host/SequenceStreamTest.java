package dev.thinkbench.engine.local.host;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One sequence's output: whole characters, stop strings, few chunks. */
class SequenceStreamTest {

    private final List<HostEvent> events = new ArrayList<>();

    private String text() {
        StringBuilder b = new StringBuilder();
        events.stream().filter(e -> e instanceof HostEvent.Chunk).forEach(e -> b.append(((HostEvent.Chunk) e).text()));
        return b.toString();
    }

    private int tokens() {
        return events.stream().filter(e -> e instanceof HostEvent.Chunk).mapToInt(e -> ((HostEvent.Chunk) e).tokens())
                .sum();
    }

    @Test
    void aCharacterSplitAcrossTokensComesOutWhole() {
        SequenceStream s = new SequenceStream(1, List.of(), false, events::add);
        byte[] e = "é€".getBytes(StandardCharsets.UTF_8);

        for (byte b : e) {
            s.accept(new byte[] {b}, null);
        }
        s.finish("EOS", e.length, 3, 3, 1, 0);

        assertThat(text()).isEqualTo("é€");
        assertThat(tokens()).isEqualTo(e.length);
        assertThat(events).allSatisfy(ev -> {
            if (ev instanceof HostEvent.Chunk c) {
                assertThat(c.text()).doesNotContain("\uFFFD");
            }
        });
        assertThat(events.getLast()).isEqualTo(new HostEvent.Done(1, "EOS", "", e.length, 3, 3, 1, 0));
    }

    @Test
    void theFirstTokenGoesAtOnceAndTheRestWaitsForAFlush() {
        SequenceStream s = new SequenceStream(1, List.of(), false, events::add);

        s.accept(new byte[] {'a'}, null);
        assertThat(events).as("the first token goes at once").containsExactly(new HostEvent.Chunk(1, "a", 1, null));

        for (char c : "bcd".toCharArray()) {
            s.accept(new byte[] {(byte) c}, null);
        }
        assertThat(events).as("until its batch flushes, nothing more is sent").hasSize(1);

        s.flush();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new HostEvent.Chunk(1, "bcd", 3, null));
        s.flush();
        assertThat(events).as("a flush with nothing waiting sends nothing").hasSize(2);

        s.accept(new byte[] {'e'}, null);
        s.finish("LENGTH", 5, 1, 1, 5, 0);
        assertThat(events.get(2)).as("the end sends what waits").isEqualTo(new HostEvent.Chunk(1, "e", 1, null));
        assertThat(events.getLast()).isInstanceOf(HostEvent.Done.class);
    }

    @Test
    void aFirstTokenWithoutTextWaitsForTheFirstThatHasSome() {
        SequenceStream s = new SequenceStream(1, List.of(), false, events::add);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);

        s.accept(new byte[] {euro[0]}, null);
        assertThat(events).as("half a character is no text yet").isEmpty();
        s.accept(Arrays.copyOfRange(euro, 1, 3), null);

        assertThat(events).containsExactly(new HostEvent.Chunk(1, "€", 2, null));
    }

    @Test
    void aStopStringEndsTheTextBeforeItEvenAcrossTokens() {
        SequenceStream s = new SequenceStream(1, List.of("</think>"), false, events::add);

        boolean stopped = false;
        for (String piece : List.of("so 4", ".</", "thi", "nk>", "more")) {
            stopped = s.accept(piece.getBytes(StandardCharsets.UTF_8), null);
            if (stopped) {
                break;
            }
        }
        s.finish("STOP_STRING", 4, 1, 1, 1, 0);

        assertThat(stopped).isTrue();
        assertThat(text()).isEqualTo("so 4.");
        assertThat(((HostEvent.Done) events.getLast()).stoppingWord()).isEqualTo("</think>");
    }

    @Test
    void completeLengthStopsBeforeAnUnfinishedCharacter() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);

        assertThat(SequenceStream.completeLength(Arrays.copyOf(euro, 2))).isZero();
        assertThat(SequenceStream.completeLength(euro)).isEqualTo(3);
        assertThat(SequenceStream.completeLength(new byte[] {'a', euro[0]})).isEqualTo(1);
        assertThat(SequenceStream.completeLength(new byte[] {'a', 'b'})).isEqualTo(2);
    }
}
