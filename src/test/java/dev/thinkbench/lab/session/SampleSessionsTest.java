package dev.thinkbench.lab.session;

import dev.thinkbench.core.RunStatus;
import dev.thinkbench.lab.Replay;
import dev.thinkbench.lab.export.ComparisonReport;
import dev.thinkbench.lab.export.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorded sample sessions in samples/sessions read with this build and replay to what they say. */
class SampleSessionsTest {

    private static final Path FOLDER = Path.of("samples/sessions");

    private static ComparisonReport report(String name) throws Exception {
        Session s = new SessionFile().read(FOLDER.resolve(name));
        assertThat(s.note()).contains("micro-reasoner.gguf", "greedy", "bin/thinkbench compare");
        assertThat(s.setup().engineId()).isEqualTo("builtin");
        assertThat(s.setup().model()).isEqualTo("micro-reasoner.gguf");
        assertThat(s.columns()).as("no model load before the first token: a replay starts at once")
                .allSatisfy(c -> assertThat(c.events().stream()
                        .filter(e -> !(e instanceof dev.thinkbench.core.ReasoningEvent.Started))
                        .mapToLong(dev.thinkbench.core.ReasoningEvent::nanos).min().orElseThrow())
                        .isLessThan(1_000_000_000L));
        Replay replay = s.replay(Replay.Speed.INSTANT, System::nanoTime);
        replay.advance();
        assertThat(replay.runs()).allMatch(r -> r.status() == RunStatus.OK);
        return ComparisonReport.of(s);
    }

    private static List<Verdict> verdicts(ComparisonReport r) {
        return r.columns().stream().map(ComparisonReport.Column::verdict).toList();
    }

    @Test
    void theExerciseGoesWrongWrongRight() throws Exception {
        ComparisonReport r = report("micro-exercise.json");
        assertThat(verdicts(r)).containsExactly(Verdict.WRONG, Verdict.WRONG, Verdict.CORRECT);
        assertThat(r.columns().get(2).metrics().waits()).isEqualTo(1);
    }

    @Test
    void oneWaitRescuesThePrematureStop() throws Exception {
        ComparisonReport r = report("micro-wait-rescue.json");
        assertThat(verdicts(r)).containsExactly(Verdict.WRONG, Verdict.CORRECT);
        assertThat(r.columns().get(1).thinking()).contains("Wait");
    }

    @Test
    void onlyTheLargestCapLeavesRoomForTheWholeScratchpad() throws Exception {
        ComparisonReport r = report("micro-thinking-ladder.json");
        assertThat(verdicts(r)).containsExactly(Verdict.WRONG, Verdict.WRONG, Verdict.WRONG, Verdict.CORRECT);
    }
}
