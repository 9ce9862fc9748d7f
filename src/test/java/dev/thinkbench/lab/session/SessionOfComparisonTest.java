package dev.thinkbench.lab.session;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.lab.Comparison;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.Replay;
import dev.thinkbench.ui.ScriptedTestEngine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A live comparison saved as a session, and replayed: the same traces and counts. */
class SessionOfComparisonTest {

    private static final ScriptedTestEngine ENGINE = new ScriptedTestEngine("scripted", spec -> switch (
            spec.budget().spec()) {
        case "none" -> ScriptedTestEngine.Script.of(List.of(), List.of("4", "2")).reporting(new Usage(9, 2, 0));
        case "effort:high" -> ScriptedTestEngine.Script.of(List.of("six ", "sevens"), List.of("42"));
        default -> ScriptedTestEngine.Script.of(List.of("hmm"), List.of()).stalling();
    }, List.of());

    @Test
    void finishedRunsAreSavedWithTimesFromTheirStartAndARunStillGoingAsCancelled() throws Exception {
        RunSpec base = new RunSpec("6 x 7?", "", "m", BudgetSpec.parse("none"), Sampling.defaults());
        Comparison c = Comparison.start(ENGINE, PriceTable.empty(), base, List.of(
                new Lane("small", BudgetSpec.parse("none")), new Lane("large", BudgetSpec.parse("effort:high")),
                new Lane("stuck", BudgetSpec.parse("effort:low"))));
        List<LaneRun> runs = c.runs();
        runs.get(0).done().get(10, TimeUnit.SECONDS);
        runs.get(1).done().get(10, TimeUnit.SECONDS);
        awaitThinking(runs.get(2));

        Session s = Session.of(new RunSetup("6 x 7?", "", "scripted", "", "m", null, null, null, null, null), runs,
                Instant.now());
        c.cancelAll();

        RecordedColumn small = s.columns().get(0);
        assertThat(small.events().getFirst()).isInstanceOf(ReasoningEvent.Started.class);
        assertThat(small.events().getFirst().nanos()).isZero();
        assertThat(small.recorder().trace().answer()).isEqualTo("42");
        assertThat(small.recorder().metrics(0).promptTokens().value()).isEqualTo(9);
        assertThat(small.price()).isNotNull();
        assertThat(s.columns().get(1).recorder().trace().thinking()).isEqualTo("six sevens");
        RecordedColumn stuck = s.columns().get(2);
        assertThat(stuck.recorder().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(stuck.recorder().trace().thinking()).isEqualTo("hmm");

        Replay replay = s.replay(Replay.Speed.INSTANT, System::nanoTime);
        replay.advance();
        assertThat(replay.runs()).extracting(r -> r.trace().answer()).containsExactly("42", "42", "");
        assertThat(replay.runs().get(1).metrics().thinkingTokens())
                .isEqualTo(runs.get(1).metrics().thinkingTokens());
        assertThat(replay.runs().get(0).metrics().totalMs()).isEqualTo(runs.get(0).metrics().totalMs());
    }

    private static void awaitThinking(LaneRun run) throws InterruptedException {
        for (int i = 0; i < 1000 && !run.trace().thinking().equals("hmm"); i++) {
            Thread.sleep(5);
        }
        assertThat(run.trace().thinking()).isEqualTo("hmm");
    }
}
