package dev.thinkbench.ui;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.lab.samples.SamplePrompt;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the workbench needs from the composition root. Read from the UI thread; implementations are immutable. */
public interface WorkbenchServices {

    EngineRegistry engines();

    BudgetPresets presets();

    PriceTable prices();

    /** The sample prompts for the picker, possibly empty. */
    List<SamplePrompt> samples();

    /** Reads environment variables (API keys); tests pass a map. */
    UnaryOperator<String> environment();

    /** Where API keys entered in the window are kept (a user-only file); empty when keys cannot be entered here. */
    default Optional<SecretsStore> keyStore() {
        return Optional.empty();
    }
}
