package dev.thinkbench.forcing;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepScriptTest {

    @Test
    void parsesEveryActionAndEscapedCommas() {
        StepScript s = StepScript.parse("wait, insert:Hmm\\, let me check,edit:x=1,continue,answer,fork,undo,branch:2");
        assertThat(s.actions()).containsExactly(new StepScript.Wait(), new StepScript.Insert("Hmm, let me check"),
                new StepScript.Edit("x=1"), new StepScript.Continue(), new StepScript.Answer(), new StepScript.Fork(),
                new StepScript.Undo(), new StepScript.Branch(2));
    }

    @Test
    void unknownActionsNameTheAcceptedOnes() {
        assertThatThrownBy(() -> StepScript.parse("wait,jump")).hasMessageContaining("unknown step action 'jump'")
                .hasMessageContaining("insert:TEXT");
        assertThatThrownBy(() -> StepScript.parse("branch:x")).hasMessageContaining("branch needs a number");
    }

    @Test
    void aBranchThatNoForkBeforeItMadeIsRefusedBeforeAnyStepRuns() {
        assertThatThrownBy(() -> StepScript.parse("branch:7,answer")).hasMessage("branch:7: no branch 7 at that "
                + "point of the script (the branches are 1; each fork before it adds the next)");
        assertThatThrownBy(() -> StepScript.parse("fork,branch:0")).hasMessageContaining("(the branches are 1, 2;");
        assertThatThrownBy(() -> StepScript.parse("branch:2,fork")).hasMessageStartingWith("branch:2: no branch 2");
        assertThat(StepScript.parse("fork,fork,branch:3,branch:1").actions()).hasSize(4);
    }

    @Test
    void aFailedStepIsSaidFailedOnce() {
        assertThat(StepScript.lastStepFailed("failed: Cannot reach the server"))
                .isEqualTo("the last step failed: Cannot reach the server");
        assertThat(StepScript.lastStepFailed("the cap")).isEqualTo("the last step failed: the cap");
    }

    @Test
    void aStoppedScriptAppliesNoFurtherActionAndSaysWhatWasNext() throws Exception {
        ScriptedTestBackend backend = new ScriptedTestBackend().then("Two", ".", "</think>");
        CancelToken stop = new CancelToken();
        try (Stepper stepper = new Stepper(backend, ChatTemplates.CHATML_THINK, new StepperSettings(
                Sampling.greedy(1), 100, List.of("Wait"), "Final Answer:", 64), event -> {
                    if (event instanceof StepperEvent.Changed changed
                            && changed.snapshot().state() == StepperState.PAUSED) {
                        stop.cancel(); // as Ctrl-C does while the first step thinks
                    }
                })) {
            StepScript.Result result = StepScript.parse("wait,answer").run(stepper, "", "raspberry?", stop);

            assertThat(result.error()).isEqualTo("stopped before the script ended (next: wait)");
            assertThat(result.snapshot().state()).isEqualTo(StepperState.PAUSED);
            assertThat(backend.requests()).as("no Wait, no answer after the stop").hasSize(1);
        }
    }
}
