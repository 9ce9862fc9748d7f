package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The time a sweep has left when its runs are not all alike. */
class SweepPaceTest {

    private static final Lane SHORT = new Lane("short", BudgetSpec.parse("tokens:8"));
    private static final Lane LONG = new Lane("long", BudgetSpec.parse("tokens:256"));

    private static SweepTask task(int problem, Lane lane) {
        return new SweepTask(new BenchProblem("p" + problem, "q" + problem, "1", null, List.of(), null, null), lane,
                new FixedStrategy(), 0);
    }

    @Test
    void runsOfAKindNotSeenYetTakeTheirStrategysTimeAndOnceSeenTheirOwn() {
        List<SweepTask> shortOnes = new ArrayList<>();
        List<SweepTask> longOnes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shortOnes.add(task(i, SHORT));
            longOnes.add(task(i, LONG));
        }
        List<SweepTask> all = new ArrayList<>(shortOnes);
        all.addAll(longOnes);
        SweepPace pace = new SweepPace(all);
        assertThat(pace.etaMs(0)).as("nothing finished yet").isNull();

        // one worker: 5 short runs of 100 ms in 500 ms
        for (int i = 0; i < 5; i++) {
            pace.finished(shortOnes.get(i), 100, 100L * (i + 1));
        }
        assertThat(pace.etaMs(500)).as("5 short and 10 long left, the long ones at the strategy's 100 ms")
                .isEqualTo(1_500);

        pace.finished(longOnes.getFirst(), 1_000, 1_500);
        assertThat(pace.etaMs(1_500)).as("5 x 100 + 9 x 1,000 ms: the first long run told how long they are")
                .isEqualTo(9_500);
    }

    @Test
    void runsGoingAtOnceShortenTheTimeLeftByThePaceAndNothingLeftIsZero() {
        List<SweepTask> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(task(i, SHORT));
        }
        SweepPace pace = new SweepPace(tasks);

        // two runs of 400 ms side by side, twice, in 800 ms of wall time: half a millisecond per millisecond of run
        // time; the first two are the cold start, the next two say how long a run takes
        pace.finished(tasks.get(0), 400, 400);
        pace.finished(tasks.get(1), 400, 400);
        assertThat(pace.etaMs(400)).as("only the cold start has finished").isNull();
        pace.finished(tasks.get(2), 400, 800);
        pace.finished(tasks.get(3), 400, 800);
        assertThat(pace.etaMs(800)).isEqualTo(200);

        pace.finished(tasks.get(4), 400, 1_200);
        assertThat(pace.etaMs(1_200)).isZero();
    }

    @Test
    void theColdStartOfAResumedSweepDoesNotSetHowLongTheRunsLeftTake() {
        List<SweepTask> tasks = new ArrayList<>();
        for (int i = 0; i < 4_700; i++) {
            tasks.add(task(i, SHORT));
        }
        SweepPace pace = new SweepPace(tasks);
        // eight at once; the first eight wait 10 s for the engine to load its model, the next take 50 ms each
        for (int i = 0; i < 8; i++) {
            pace.finished(tasks.get(i), 10_000, 10_000);
        }
        assertThat(pace.etaMs(10_000)).as("no estimate from the cold start alone").isNull();
        for (int i = 8; i < 16; i++) {
            pace.finished(tasks.get(i), 50, 10_050);
        }
        // 4,684 runs of 50 ms, eight at a time: about 29 s (the cold start's times would say 9,700 s)
        assertThat(pace.etaMs(10_050)).isBetween(25_000L, 35_000L);
    }

    @Test
    void slowFirstRunsOfAWarmingProcessStopCountingOnceRunsAreFast() {
        List<SweepTask> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(task(i, SHORT));
        }
        SweepPace pace = new SweepPace(tasks);
        // one worker: 30 runs of 1 s while warming up, then 30 of 100 ms; 40 left, at 100 ms each 4 s
        for (int i = 0; i < 30; i++) {
            pace.finished(tasks.get(i), 1_000, 1_000L * (i + 1));
        }
        for (int i = 30; i < 60; i++) {
            pace.finished(tasks.get(i), 100, 30_000 + 100L * (i - 29));
        }
        long eta = pace.etaMs(33_000);
        assertThat(eta).as("the session's plain mean (550 ms) would say 22 s").isBetween(4_000L, 6_000L);
    }
}
