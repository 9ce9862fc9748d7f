package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionSamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An opened session shows first the part it was saved from: a Stepper or sweep session no longer opens on Compare. */
class SessionShownPartTest {

    @Test
    void recordedColumnsShowCompareElseTheStepperElseTheSweep() {
        Session full = SessionSamples.full();
        assertThat(SessionViewModel.shownPart(full)).isEqualTo(SessionViewModel.Part.COMPARE);

        Session stepperAndSweep = new Session(full.savedAt(), full.note(), full.setup(), List.of(), full.stepper(),
                full.sweep(), null);
        assertThat(SessionViewModel.shownPart(stepperAndSweep)).isEqualTo(SessionViewModel.Part.STEPPER);

        Session sweepOnly = new Session(full.savedAt(), full.note(), full.setup(), List.of(), null, full.sweep(), null);
        assertThat(SessionViewModel.shownPart(sweepOnly)).isEqualTo(SessionViewModel.Part.SWEEP);

        Session setupOnly = new Session(full.savedAt(), full.note(), full.setup(), List.of(), null, null, null);
        assertThat(SessionViewModel.shownPart(setupOnly)).isEqualTo(SessionViewModel.Part.COMPARE);
    }
}
