package dev.thinkbench.forcing;

import org.junit.jupiter.api.Test;

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
    void aFailedStepIsSaidFailedOnce() {
        assertThat(StepScript.lastStepFailed("failed: Cannot reach the server"))
                .isEqualTo("the last step failed: Cannot reach the server");
        assertThat(StepScript.lastStepFailed("the cap")).isEqualTo("the last step failed: the cap");
    }
}
