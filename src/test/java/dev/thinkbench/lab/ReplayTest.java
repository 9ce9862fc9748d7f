package dev.thinkbench.lab;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replay on a test clock: nothing sleeps, the test moves time. */
class ReplayTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;

    private final AtomicLong clock = new AtomicLong(5_000 * SECOND);

    /** A column that thinks one token a second for {@code tokens} seconds, then answers and finishes. */
    private static Replay.Track track(String label, int tokens) {
        List<ReasoningEvent> events = new ArrayList<>();
        events.add(new ReasoningEvent.Started(0, "m", "none"));
        for (int i = 1; i <= tokens; i++) {
            events.add(new ReasoningEvent.ThinkingDelta(i * SECOND, "t" + i + " ", 1));
        }
        events.add(new ReasoningEvent.AnswerDelta((tokens + 1) * SECOND, "42", 1));
        events.add(new ReasoningEvent.Finished((tokens + 1) * SECOND, ReasoningEvent.StopReason.END_OF_TURN));
        Lane lane = new Lane(label, BudgetSpec.parse("none"));
        return new Replay.Track(lane, new RunSpec("p", "", "m", lane.budget(), null), Price.free("local"), events);
    }

    private void elapse(long nanos) {
        clock.addAndGet(nanos);
    }

    private static List<ReasoningEvent> drain(LaneRun run) {
        List<ReasoningEvent> out = new ArrayList<>();
        run.drainTo(out);
        return out;
    }

    @Test
    void atOriginalSpeedEachEventArrivesWhenItsTimeComes() {
        Replay replay = Replay.start(List.of(track("a", 3), track("b", 1)), Replay.Speed.X1, clock::get);

        replay.advance();
        assertThat(drain(replay.runs().get(0))).singleElement().isInstanceOf(ReasoningEvent.Started.class);
        elapse(999 * MS);
        replay.advance();
        assertThat(drain(replay.runs().get(0))).isEmpty();
        elapse(MS);
        replay.advance();
        assertThat(drain(replay.runs().get(0))).singleElement().isInstanceOf(ReasoningEvent.ThinkingDelta.class);
        assertThat(replay.runs().get(0).trace().thinking()).isEqualTo("t1 ");
        elapse(SECOND);
        replay.advance();
        assertThat(replay.runs().get(1).status()).isEqualTo(RunStatus.OK);
        assertThat(replay.runs().get(0).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(replay.runs().get(0).done()).isNotDone();
        elapse(2 * SECOND);
        replay.advance();
        assertThat(replay.runs().get(0).status()).isEqualTo(RunStatus.OK);
        assertThat(replay.finished()).isTrue();
        assertThat(replay.done()).isDone();
        assertThat(replay.playing()).isFalse();
    }

    @Test
    void fasterSpeedsPlayTheSameEventsSoonerButMetricsKeepTheRecordedTimes() {
        Replay twice = Replay.start(List.of(track("a", 4)), Replay.Speed.X2, clock::get);
        elapse(2 * SECOND);
        twice.advance();
        assertThat(twice.runs().getFirst().trace().thinking()).isEqualTo("t1 t2 t3 t4 ");
        assertThat(twice.position()).isEqualTo(4 * SECOND);
        assertThat(twice.runs().getFirst().metrics().totalMs()).isEqualTo(4000);

        Replay fivefold = Replay.start(List.of(track("a", 10)), Replay.Speed.X5, clock::get);
        elapse(SECOND);
        fivefold.advance();
        assertThat(fivefold.runs().getFirst().trace().thinking()).endsWith("t5 ");
        elapse(2 * SECOND);
        fivefold.advance();
        assertThat(fivefold.runs().getFirst().status()).isEqualTo(RunStatus.OK);
        assertThat(fivefold.runs().getFirst().metrics().totalMs()).isEqualTo(11_000);
        assertThat(fivefold.runs().getFirst().metrics().timeToFirstAnswerMs()).isEqualTo(11_000);
    }

    @Test
    void instantFeedsEverythingAtTheFirstAdvance() {
        Replay replay = Replay.start(List.of(track("a", 100), track("b", 3)), Replay.Speed.INSTANT, clock::get);

        replay.advance();

        assertThat(replay.finished()).isTrue();
        assertThat(replay.runs()).allMatch(r -> r.status() == RunStatus.OK);
        assertThat(replay.runs().getFirst().metrics().totalMs()).isEqualTo(101_000);
    }

    @Test
    void pauseStopsTheClockAndPlayGoesOnFromThere() {
        Replay replay = Replay.start(List.of(track("a", 5)), Replay.Speed.X1, clock::get);
        elapse(2 * SECOND);
        replay.pause();
        elapse(60 * SECOND);
        replay.advance();
        assertThat(replay.position()).isEqualTo(2 * SECOND);
        assertThat(replay.runs().getFirst().trace().thinking()).isEqualTo("t1 t2 ");
        assertThat(replay.nanosUntilNextEvent()).isEqualTo(Long.MAX_VALUE);
        // a paused run's running time stands still too
        assertThat(replay.runs().getFirst().metrics().totalMs()).isEqualTo(2000);

        replay.play();
        elapse(SECOND);
        replay.advance();
        assertThat(replay.runs().getFirst().trace().thinking()).isEqualTo("t1 t2 t3 ");
    }

    @Test
    void seekingForwardFeedsAtOnceAndBackStartsNewRuns() {
        Replay replay = Replay.start(List.of(track("a", 5)), Replay.Speed.X1, clock::get);
        replay.advance();
        LaneRun first = replay.runs().getFirst();
        int generation = replay.generation();

        replay.seek(3 * SECOND);
        assertThat(replay.runs().getFirst()).isSameAs(first);
        assertThat(first.trace().thinking()).isEqualTo("t1 t2 t3 ");

        replay.seek(SECOND + 500 * MS);
        LaneRun again = replay.runs().getFirst();
        assertThat(again).isNotSameAs(first);
        assertThat(replay.generation()).isGreaterThan(generation);
        assertThat(again.trace().thinking()).isEqualTo("t1 ");
        assertThat(drain(again)).hasSize(2);

        replay.seek(Long.MAX_VALUE);
        assertThat(replay.position()).isEqualTo(replay.duration()).isEqualTo(6 * SECOND);
        assertThat(again.status()).isEqualTo(RunStatus.OK);
    }

    @Test
    void aTenthOfThePaceShowsOneRecordedSecondInTen() {
        Replay replay = Replay.start(List.of(track("a", 5)), Replay.Speed.TENTH, clock::get);
        replay.advance();
        elapse(9 * SECOND);
        replay.advance();
        assertThat(replay.runs().getFirst().trace().thinking()).as("0.9 s of the recording").isEmpty();
        assertThat(replay.nanosUntilNextEvent()).isEqualTo(SECOND);
        elapse(SECOND);
        replay.advance();
        assertThat(replay.runs().getFirst().trace().thinking()).isEqualTo("t1 ");
        assertThat(replay.position()).isEqualTo(SECOND);
        assertThatThrownBy(() -> Replay.Speed.of(10)).as("the command line's speeds stay 0, 1, 2, 5")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void playAtTheEndStartsOver() {
        Replay replay = Replay.start(List.of(track("a", 2)), Replay.Speed.INSTANT, clock::get);
        replay.advance();
        LaneRun ended = replay.runs().getFirst();

        replay.setSpeed(Replay.Speed.X1);
        replay.play();
        replay.advance();

        assertThat(replay.runs().getFirst()).isNotSameAs(ended);
        assertThat(replay.runs().getFirst().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(replay.position()).isZero();
    }

    @Test
    void cancelEndsWhatIsStillGoingAsCancelledWithWhatItHad() {
        Replay replay = Replay.start(List.of(track("a", 5), track("b", 1)), Replay.Speed.X1, clock::get);
        elapse(2 * SECOND + 1);
        replay.advance();

        replay.cancelAll();
        elapse(10 * SECOND);
        replay.advance();

        assertThat(replay.runs().get(0).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(replay.runs().get(0).trace().thinking()).isEqualTo("t1 t2 ");
        assertThat(replay.runs().get(1).status()).isEqualTo(RunStatus.OK);
        assertThat(replay.done()).isDone();
    }

    @Test
    void playToEndWaitsBetweenEventsWithTheSleeperItIsGiven() throws InterruptedException {
        Replay replay = Replay.start(List.of(track("a", 3)), Replay.Speed.X2, clock::get);
        List<Long> waits = new ArrayList<>();

        replay.playToEnd(nanos -> {
            waits.add(nanos);
            elapse(nanos);
        });

        assertThat(replay.finished()).isTrue();
        assertThat(replay.runs().getFirst().status()).isEqualTo(RunStatus.OK);
        // 4 s recorded at 2x is 2 s of waiting, in slices of at most 100 ms
        assertThat(waits.stream().mapToLong(Long::longValue).sum()).isEqualTo(2 * SECOND);
        assertThat(waits).allMatch(w -> w > 0 && w <= Replay.MAX_WAIT_NANOS);
    }

    @Test
    void aRecordingWithoutItsEndEndsAsCancelled() {
        Lane lane = new Lane("a", BudgetSpec.parse("none"));
        Replay.Track cut = new Replay.Track(lane, new RunSpec("p", "", "m", lane.budget(), null), null,
                List.of(new ReasoningEvent.Started(0, "m", "none"), new ReasoningEvent.ThinkingDelta(MS, "x", 1)));
        Replay replay = Replay.start(List.of(cut), Replay.Speed.INSTANT, clock::get);

        replay.advance();

        assertThat(replay.runs().getFirst().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void speedsAreTheCommandLinesFactors() {
        assertThat(Replay.Speed.of(0)).isEqualTo(Replay.Speed.INSTANT);
        assertThat(Replay.Speed.of(5)).isEqualTo(Replay.Speed.X5);
        assertThatThrownBy(() -> Replay.Speed.of(3)).hasMessageContaining("1, 2, 5 or 0");
    }
}
