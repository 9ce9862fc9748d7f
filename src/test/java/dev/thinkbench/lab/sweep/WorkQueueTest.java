package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueTest {

    static List<SweepTask> tasks(int problems, int budgets) {
        List<SweepTask> tasks = new ArrayList<>();
        for (int p = 0; p < problems; p++) {
            for (int b = 0; b < budgets; b++) {
                tasks.add(new SweepTask(BenchProblem.of("p" + p, "prompt " + p, "1"),
                        new Lane("b" + b, new Budget.Tokens(8 + b)), new FixedStrategy(), 0));
            }
        }
        return tasks;
    }

    @Test
    void aWorkerKeepsOnePromptsRunsTogetherInOrder() {
        WorkQueue q = new WorkQueue(tasks(3, 3));
        List<String> w0 = new ArrayList<>();
        List<String> w1 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            w0.add(name(q.next(0)));
            w1.add(name(q.next(1)));
        }
        assertThat(w0).containsExactly("p0/b0", "p0/b1", "p0/b2");
        assertThat(w1).containsExactly("p1/b0", "p1/b1", "p1/b2");
        assertThat(q.remaining()).isEqualTo(3);
    }

    @Test
    void anIdleWorkerTakesFromTheEndOfTheLargestHeldGroup() {
        WorkQueue q = new WorkQueue(tasks(1, 4));
        assertThat(name(q.next(0))).isEqualTo("p0/b0");
        assertThat(name(q.next(1))).isEqualTo("p0/b3");
        assertThat(name(q.next(0))).isEqualTo("p0/b1");
        assertThat(name(q.next(1))).isEqualTo("p0/b2");
        assertThat(q.next(0)).isNull();
        assertThat(q.next(1)).isNull();
        assertThat(q.remaining()).isZero();
    }

    @Test
    void problemsThatShareAPromptFormOneGroup() {
        List<SweepTask> tasks = new ArrayList<>();
        tasks.add(new SweepTask(BenchProblem.of("a", "same", "1"), new Lane("x", new Budget.None()),
                new FixedStrategy(), 0));
        tasks.add(new SweepTask(BenchProblem.of("b", "other", "1"), new Lane("x", new Budget.None()),
                new FixedStrategy(), 0));
        tasks.add(new SweepTask(BenchProblem.of("c", "same", "1"), new Lane("x", new Budget.None()),
                new FixedStrategy(), 0));
        WorkQueue q = new WorkQueue(tasks);
        assertThat(q.next(0).problem().id()).isEqualTo("a");
        assertThat(q.next(0).problem().id()).isEqualTo("c");
        assertThat(q.next(0).problem().id()).isEqualTo("b");
    }

    private static String name(SweepTask t) {
        return t.problem().id() + "/" + t.lane().label();
    }
}
