package dev.thinkbench.ui.common;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.forcing.TemplateChooser;
import dev.thinkbench.forcing.TemplateMarkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in engine's name and the status bar's template words follow the window's language; brands do not. */
class EngineNamesTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void theBuiltInEngineIsNamedInTheWindowsLanguageAndOtherKindsKeepTheirNames() {
        EngineRegistry.Entry builtin = new EngineRegistry.Entry("builtin", "Built-in engine (llama.cpp)", null,
                config -> null);
        EngineRegistry.Entry ollama = new EngineRegistry.Entry("ollama", "Ollama", null, config -> null);
        ForcingReasoningEngine engine = new ForcingReasoningEngine("builtin", "Built-in engine (llama.cpp)",
                model -> null, TemplateChooser.perModel(ChatTemplates.CHATML_THINK, TemplateMarkers.THINK), true);

        Messages.setLocale(Locale.KOREAN);
        assertThat(EngineNames.of(builtin)).isEqualTo("내장 엔진 (llama.cpp)");
        assertThat(EngineNames.of(ollama)).isEqualTo("Ollama");
        assertThat(EngineNames.of(engine))
                .isEqualTo("내장 엔진 (llama.cpp) \u00b7 템플릿 모델별 (없으면 chatml-think)");

        Messages.setLocale(Locale.ENGLISH);
        assertThat(EngineNames.of(engine)).as("the same words as the engine's own name in English")
                .isEqualTo(engine.displayName());
    }
}
