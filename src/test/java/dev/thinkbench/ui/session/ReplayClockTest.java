package dev.thinkbench.ui.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay's clock: tenths for a recording of 10 s or more, hundredths for a shorter one. */
class ReplayClockTest {

    @Test
    void aShortRecordingCountsHundredthsALongOneTenths() {
        assertThat(ReplayBar.clock(0.067, 0.2)).isEqualTo("0:00.06");
        assertThat(ReplayBar.clock(0.2, 0.2)).isEqualTo("0:00.20");
        assertThat(ReplayBar.clock(83.47, 120)).isEqualTo("1:23.4");
        assertThat(ReplayBar.clock(0, 120)).isEqualTo("0:00.0");
    }
}
