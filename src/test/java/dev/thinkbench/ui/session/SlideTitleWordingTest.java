package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The exported chart slide's title is in the window's language, as the charts under it are. */
class SlideTitleWordingTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inKoreanTheSlidesTitleIsKoreanLikeItsCharts() {
        Messages.setLocale(Locale.KOREAN);

        assertThat(WindowExports.slideTitle()).as("a Korean slide had an English title over Korean charts")
                .isEqualTo("생각 예산: 토큰, 비용, 지연 시간");
    }

    @Test
    void inEnglishItStaysAsItWas() {
        Messages.setLocale(Locale.ENGLISH);

        assertThat(WindowExports.slideTitle()).isEqualTo("Thinking budgets: tokens, cost, latency");
    }
}
